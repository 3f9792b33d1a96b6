// Look-ups on procedures and picker lists.
#include "kiosk/procedure/procedure.hpp"

namespace kiosk {

const Field* Procedure::findField(const std::string& id) const {
    for (const FieldGroup& group : groups) {
        for (const Field& field : group.fields) {
            if (field.id == id) {
                return &field;
            }
        }
    }
    return nullptr;
}

const PickerItem* PickerList::find(const std::string& itemId) const {
    for (const PickerItem& item : items) {
        if (item.id == itemId) {
            return &item;
        }
    }
    return nullptr;
}

} // namespace kiosk
