// Card data into a procedure's fields: the typed date and sex formatted, names matched to lists.
#include "kiosk/dossier/card_prefill.hpp"

#include "kiosk/validation/id_number.hpp"

#include <optional>

namespace kiosk {
namespace {

std::optional<std::string> prefillListItem(const PickerList& list, const std::string& value) {
    if (list.find(value) != nullptr) {
        return value;
    }
    for (const PickerItem& item : list.items) {
        if (item.label.vi == value) {
            return item.id;
        }
    }
    return std::nullopt;
}

// The card's text for a source name; nothing for a source that is not text (or not known:
// the procedure loader refuses those).
const std::string* cardText(const CardHolder& card, const std::string& source) {
    if (source == "card.full_name") {
        return &card.fullName;
    }
    if (source == "card.id_number") {
        return &card.idNumber;
    }
    if (source == "card.nationality") {
        return &card.nationality;
    }
    if (source == "card.ethnicity") {
        return &card.ethnicity;
    }
    if (source == "card.place_of_origin") {
        return &card.placeOfOrigin;
    }
    if (source == "card.place_of_residence") {
        return &card.placeOfResidence;
    }
    return nullptr;
}

std::optional<std::string> prefillValue(const Field& field, const CardHolder& card,
                                        const ProcedureCatalog& catalog) {
    const std::string& source = *field.prefill;
    if (source == "card.date_of_birth") {
        if (!card.dateOfBirth) {
            return std::nullopt;
        }
        return formatDate(*card.dateOfBirth);
    }
    if (source == "card.sex") {
        // The shipped "sex" list's item ids; only a select over that list takes the sex.
        if (!card.sex || field.type != FieldType::Select || field.picker != "sex") {
            return std::nullopt;
        }
        return std::string(*card.sex == Sex::Male ? "male" : "female");
    }
    const std::string* text = cardText(card, source);
    if (text == nullptr || text->empty()) {
        return std::nullopt;
    }
    switch (field.type) {
    case FieldType::IdNumber:
        return normaliseIdNumber(*text);
    case FieldType::Select:
        if (const PickerList* list = catalog.findList(field.picker.value_or(""))) {
            return prefillListItem(*list, *text);
        }
        return std::nullopt;
    default:
        return *text;
    }
}

} // namespace

FieldValues prefillFromCard(const Procedure& procedure, const CardHolder& card,
                            const ProcedureCatalog& catalog) {
    FieldValues values;
    for (const FieldGroup& group : procedure.groups) {
        for (const Field& field : group.fields) {
            if (!field.prefill) {
                continue;
            }
            if (auto value = prefillValue(field, card, catalog)) {
                values[field.id] = *value;
            }
        }
    }
    return values;
}

} // namespace kiosk
