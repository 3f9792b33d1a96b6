// Test helper: fills every field of a procedure with synthetic, valid answers (no real person).
#pragma once

#include "kiosk/procedure/procedure_loader.hpp"
#include "kiosk/validation/field_validator.hpp"

#include <cstdio>
#include <string>

namespace kiosk::testing {

inline FieldValues syntheticAnswers(const Procedure& procedure, const ProcedureCatalog& catalog,
                                    CivilDate today, int serial = 0) {
    FieldValues values;
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
                    value = "Thôn Đông, Xã Vĩnh Tường, tỉnh Phú Thọ";
                    if (field.rule.maxLength && *field.rule.maxLength < 40) {
                        value = "Thử nghiệm";
                    }
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
                    value = catalog.findList(*field.picker)->items.front().id;
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

} // namespace kiosk::testing
