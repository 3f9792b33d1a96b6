// Card value conversions: sex words, compact dates, ethnic group names to picker ids.
#include "kiosk/dossier/card_prefill.hpp"

#include "kiosk/validation/id_number.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

namespace kiosk {
namespace {

std::optional<std::string> sexItem(const std::string& value) {
    static const std::pair<const char*, const char*> kWords[] = {
        {"Nam", "male"},  {"nam", "male"},  {"M", "male"},   {"male", "male"},
        {"Nữ", "female"}, {"nữ", "female"}, {"F", "female"}, {"female", "female"},
        {"NAM", "male"},  {"NỮ", "female"}};
    for (const auto& [word, item] : kWords) {
        if (value == word) {
            return std::string(item);
        }
    }
    return std::nullopt;
}

std::optional<std::string> cardDate(const std::string& value) {
    if (auto date = parseDate(value)) {
        return formatDate(*date);
    }
    // DG13 of the chip card writes dates as ddmmyyyy without separators.
    if (value.size() == 8 && std::all_of(value.begin(), value.end(),
                                         [](unsigned char c) { return std::isdigit(c) != 0; })) {
        if (auto date =
                parseDate(value.substr(0, 2) + "/" + value.substr(2, 2) + "/" + value.substr(4))) {
            return formatDate(*date);
        }
    }
    return std::nullopt;
}

std::optional<std::string> listItem(const PickerList& list, const std::string& value) {
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

} // namespace

FieldValues prefillFromCard(const Procedure& procedure, const CardFields& card,
                            const ProcedureCatalog& catalog) {
    FieldValues values;
    for (const FieldGroup& group : procedure.groups) {
        for (const Field& field : group.fields) {
            if (!field.prefill) {
                continue;
            }
            auto source = card.find(*field.prefill);
            if (source == card.end() || source->second.empty()) {
                continue;
            }
            std::optional<std::string> value;
            switch (field.type) {
            case FieldType::Date:
                value = cardDate(source->second);
                break;
            case FieldType::IdNumber:
                value = normaliseIdNumber(source->second);
                break;
            case FieldType::Select:
                if (field.picker == "sex") {
                    value = sexItem(source->second);
                } else if (const PickerList* list = catalog.findList(field.picker.value_or(""))) {
                    value = listItem(*list, source->second);
                }
                break;
            default:
                value = source->second;
                break;
            }
            if (value) {
                values[field.id] = *value;
            }
        }
    }
    return values;
}

} // namespace kiosk
