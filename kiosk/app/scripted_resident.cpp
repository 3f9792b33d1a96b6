// Synthetic answers and the scripted taps that enter them.
#include "kiosk/app/scripted_resident.hpp"

#include "kiosk/input/utf8.hpp"

#include <cstdio>
#include <set>

namespace kiosk {

FieldValues syntheticAnswers(const Procedure& procedure, const ProcedureCatalog& catalog,
                             CivilDate today, int serial) {
    FieldValues values;
    // Items other lists hang under (Phú Thọ has communes, Xã Vĩnh Tường has villages): choosing
    // those keeps province -> commune -> village answers consistent.
    std::set<std::string> parents;
    for (const PickerList& list : catalog.lists) {
        for (const PickerItem& item : list.items) {
            if (!item.parent.empty()) {
                parents.insert(item.parent);
            }
        }
    }
    // ID numbers are written last: their century/sex/year digits follow the other answers.
    auto pass = [&](bool idNumbers) {
        for (const FieldGroup& group : procedure.groups) {
            for (const Field& field : group.fields) {
                if ((field.type == FieldType::IdNumber) != idNumbers) {
                    continue;
                }
                std::string value;
                switch (field.type) {
                case FieldType::Name:
                    value = "Nguyễn Thị Thử Nghiệm";
                    break;
                case FieldType::Text:
                    value = field.rule.maxLength && *field.rule.maxLength < 40
                                ? "Thử nghiệm"
                                : "Thôn Đông, Xã Vĩnh Tường, tỉnh Phú Thọ";
                    break;
                case FieldType::Date:
                    value = field.rule.maxAgeDays
                                ? formatDate(dateFromDays(daysSinceEpoch(today) - 10))
                                : "05/01/1990";
                    break;
                case FieldType::Number:
                    value = std::to_string(field.rule.minValue.value_or(1));
                    break;
                case FieldType::Phone:
                    value = "0912345678";
                    break;
                case FieldType::Email:
                    value = "thu.nghiem@example.com";
                    break;
                case FieldType::Select:
                    if (const PickerList* list =
                            field.picker ? catalog.findList(*field.picker) : nullptr) {
                        // A child item (a village) must belong to an already chosen parent.
                        for (const PickerItem& item : list->items) {
                            bool parentOk = item.parent.empty();
                            for (const auto& [id, chosen] : values) {
                                parentOk = parentOk || chosen == item.parent;
                            }
                            if (parentOk && (value.empty() || (parents.count(item.id) > 0 &&
                                                               parents.count(value) == 0))) {
                                value = item.id;
                            }
                        }
                    }
                    break;
                case FieldType::IdNumber: {
                    int year = 1990;
                    if (field.rule.dateOfBirthField) {
                        if (auto dob = parseDate(values[*field.rule.dateOfBirthField])) {
                            year = dob->year;
                        }
                    }
                    bool female = field.rule.sexField && values[*field.rule.sexField] == "female";
                    int digit = (year / 100 - 19) * 2 + (female ? 1 : 0);
                    char buffer[48];
                    std::snprintf(buffer, sizeof buffer, "026%d%02d%06d", digit, year % 100,
                                  serial % 1000000);
                    value = buffer;
                    break;
                }
                }
                values[field.id] = value;
            }
        }
    };
    pass(false);
    pass(true);
    return values;
}

ScriptedResident::ScriptedResident(Flow& flow, SteadyTime start, std::function<void()> afterTap)
    : flow_(flow)
    , now_(start)
    , afterTap_(std::move(afterTap)) {}

void ScriptedResident::tap(Intent intent) {
    ++(std::holds_alternative<intent::PressKey>(intent) ? tally_.keystrokes : tally_.taps);
    now_ += std::chrono::seconds(2);
    flow_.apply(intent, now_);
    if (afterTap_) {
        afterTap_();
    }
}

void ScriptedResident::type(std::string_view text) {
    std::size_t pos = 0;
    bool valid = true;
    while (pos < text.size()) {
        char32_t c = input::decodeUtf8At(text, pos, valid);
        input::KeyDef key;
        key.action = c == U' ' ? input::KeyAction::Space : input::KeyAction::Char;
        key.character = c;
        tap(intent::PressKey{key});
    }
}

void ScriptedResident::answer(const Field& field, const std::string& value) {
    tap(intent::EditField{field.id});
    if (field.type == FieldType::Select) {
        tap(intent::PickItem{value});
        return;
    }
    if (field.type == FieldType::Date) {
        if (auto date = parseDate(value)) {
            type(std::to_string(date->year));
            tap(intent::EditDone{});
            tap(intent::PickDatePart{date->month});
            tap(intent::PickDatePart{date->day});
        }
        return;
    }
    type(value);
    tap(intent::EditDone{});
}

void ScriptedResident::fillCurrentGroup(const Procedure& procedure, const FieldValues& answers) {
    std::size_t group = flow_.state().dossier.groupIndex;
    if (group >= procedure.groups.size()) {
        return;
    }
    for (const Field& field : procedure.groups[group].fields) {
        auto found = answers.find(field.id);
        if (found != answers.end() && flow_.state().dossier.values.count(field.id) == 0) {
            answer(field, found->second);
        }
    }
}

void ScriptedResident::startProcedure(const Procedure& procedure, IdentitySource identity) {
    tap(intent::Open{Screen::ProcedureCategories});
    tap(intent::ChooseCategory{procedure.category});
    tap(intent::ChooseProcedure{procedure.code});
    tap(intent::Next{});
    tap(intent::ChooseChannel{SubmitChannel::Kiosk});
    tap(intent::ChooseIdentity{identity});
}

} // namespace kiosk
