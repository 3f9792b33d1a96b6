// Card data into a procedure's fields: the typed date and sex formatted, names matched to lists.
#include "kiosk/dossier/card_prefill.hpp"

#include "kiosk/validation/id_number.hpp"

#include <algorithm>
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
    if (source == "card.year_of_birth") {
        // A parent's "year of birth" on a birth registration.
        if (!card.dateOfBirth) {
            return std::nullopt;
        }
        return std::to_string(card.dateOfBirth->year);
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

bool prefillConditionHolds(const Field& field, const FieldValues& answers) {
    if (!field.prefillWhen) {
        return true;
    }
    auto answer = answers.find(field.prefillWhen->field);
    if (answer == answers.end()) {
        return false;
    }
    const std::vector<std::string>& anyOf = field.prefillWhen->anyOf;
    return std::find(anyOf.begin(), anyOf.end(), answer->second) != anyOf.end();
}

FieldValues prefillFromCard(const Procedure& procedure, const CardHolder& card,
                            const ProcedureCatalog& catalog, const FieldValues& answers) {
    FieldValues values;
    // Unconditional fields first: a condition may ask about one of them (the applicant's sex
    // decides whether the card holder is the wife or the husband).
    for (bool conditional : {false, true}) {
        FieldValues known = answers;
        for (const auto& [id, value] : values) {
            known[id] = value;
        }
        for (const FieldGroup& group : procedure.groups) {
            for (const Field& field : group.fields) {
                if (!field.prefill || field.prefillWhen.has_value() != conditional ||
                    !prefillConditionHolds(field, known)) {
                    continue;
                }
                if (auto value = prefillValue(field, card, catalog)) {
                    values[field.id] = *value;
                }
            }
        }
    }
    return values;
}

bool refreshConditionalPrefill(const Procedure& procedure, const CardHolder& card,
                               const ProcedureCatalog& catalog, FieldValues& values,
                               std::set<std::string>& prefilled) {
    bool changed = false;
    for (const FieldGroup& group : procedure.groups) {
        for (const Field& field : group.fields) {
            if (!field.prefill || !field.prefillWhen) {
                continue;
            }
            bool holds = prefillConditionHolds(field, values);
            if (holds && values.count(field.id) == 0) {
                if (auto value = prefillValue(field, card, catalog)) {
                    values[field.id] = *value;
                    prefilled.insert(field.id);
                    changed = true;
                }
            } else if (!holds && prefilled.count(field.id) > 0) {
                // The card holder is no longer this person: their card data goes with it.
                values.erase(field.id);
                prefilled.erase(field.id);
                changed = true;
            }
        }
    }
    return changed;
}

} // namespace kiosk
