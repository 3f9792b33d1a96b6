// Field rules by type: lengths, patterns, names, numbers, dates, phones, ID numbers, pickers.
#include "kiosk/validation/field_validator.hpp"

#include "kiosk/validation/id_number.hpp"
#include "kiosk/validation/messages.hpp"
#include "kiosk/validation/phone_number.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <regex>

namespace kiosk {
namespace {

std::string trim(const std::string& text) {
    auto begin = text.find_first_not_of(" \t\r\n");
    if (begin == std::string::npos) {
        return {};
    }
    auto end = text.find_last_not_of(" \t\r\n");
    return text.substr(begin, end - begin + 1);
}

// Names are letters (any script, so every Vietnamese diacritic), spaces, apostrophes and
// hyphens; digits and other ASCII punctuation are typing slips.
bool isPlausibleName(const std::string& text) {
    for (unsigned char c : text) {
        if (c >= 0x80) {
            continue; // part of a multi-byte letter
        }
        if (std::isalpha(c) == 0 && c != ' ' && c != '\'' && c != '-') {
            return false;
        }
    }
    return true;
}

std::optional<Sex> sexFromValue(const std::string& value) {
    if (value == "male") {
        return Sex::Male;
    }
    if (value == "female") {
        return Sex::Female;
    }
    return std::nullopt;
}

std::optional<FieldProblem> checkDate(const FieldRule& rule, const std::string& value,
                                      const ValidationContext& context) {
    static const std::regex kShape(R"(\s*\d{1,4}[/.\-]\d{1,2}[/.\-]\d{1,4}\s*)");
    if (!std::regex_match(value, kShape)) {
        return makeFieldProblem("date.format");
    }
    auto date = parseDate(value);
    if (!date) {
        return makeFieldProblem("date.not_real");
    }
    if (rule.notFuture && *date > context.today) {
        return makeFieldProblem("date.future");
    }
    if (rule.notBefore) {
        auto earliest = parseDate(*rule.notBefore);
        if (earliest && *date < *earliest) {
            return makeFieldProblem("date.too_early", {{"min", formatDate(*earliest)}});
        }
    }
    if (rule.maxAgeDays &&
        daysSinceEpoch(context.today) - daysSinceEpoch(*date) > *rule.maxAgeDays) {
        return makeFieldProblem("date.too_old");
    }
    return std::nullopt;
}

std::optional<FieldProblem> checkNumber(const FieldRule& rule, const std::string& value) {
    long number = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
    if (error != std::errc{} || end != value.data() + value.size()) {
        return makeFieldProblem("number.not_number");
    }
    long low = rule.minValue.value_or(0);
    long high = rule.maxValue.value_or(999999999);
    if (number < low || number > high) {
        return makeFieldProblem("number.range",
                                {{"min", std::to_string(low)}, {"max", std::to_string(high)}});
    }
    return std::nullopt;
}

std::optional<FieldProblem> checkByType(const Field& field, const std::string& value,
                                        const FieldValues& values,
                                        const ValidationContext& context) {
    switch (field.type) {
    case FieldType::Text:
        return std::nullopt;
    case FieldType::Name:
        if (!isPlausibleName(value)) {
            return makeFieldProblem("name.characters");
        }
        return std::nullopt;
    case FieldType::Date:
        return checkDate(field.rule, value, context);
    case FieldType::Number:
        return checkNumber(field.rule, value);
    case FieldType::Phone:
        return checkPhone(value);
    case FieldType::Email: {
        static const std::regex kEmail(R"([A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,})");
        if (!std::regex_match(value, kEmail)) {
            return makeFieldProblem("email.format");
        }
        return std::nullopt;
    }
    case FieldType::IdNumber: {
        std::optional<CivilDate> dateOfBirth;
        std::optional<Sex> sex;
        auto lookup = [&](const std::optional<std::string>& id) -> std::string {
            if (!id) {
                return {};
            }
            auto it = values.find(*id);
            return it == values.end() ? std::string() : it->second;
        };
        dateOfBirth = parseDate(lookup(field.rule.dateOfBirthField));
        sex = sexFromValue(lookup(field.rule.sexField));
        return checkIdNumber(value, dateOfBirth, sex);
    }
    case FieldType::Select:
        if (context.catalog != nullptr && field.picker) {
            const PickerList* list = context.catalog->findList(*field.picker);
            if (list != nullptr && list->find(value) == nullptr) {
                return makeFieldProblem("select.unknown");
            }
        }
        return std::nullopt;
    }
    return std::nullopt;
}

bool groupIsEmpty(const FieldGroup& group, const FieldValues& values) {
    return std::all_of(group.fields.begin(), group.fields.end(), [&](const Field& field) {
        auto it = values.find(field.id);
        return it == values.end() || trim(it->second).empty();
    });
}

} // namespace

std::size_t countCodePoints(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::optional<FieldProblem> validateField(const Field& field, const std::string& rawValue,
                                          const FieldValues& values,
                                          const ValidationContext& context) {
    std::string value = trim(rawValue);
    auto tag = [&](std::optional<FieldProblem> problem) {
        if (problem) {
            problem->fieldId = field.id;
        }
        return problem;
    };
    if (value.empty()) {
        bool required = field.required;
        if (const auto& condition = field.rule.requiredIf) {
            auto other = values.find(condition->field);
            required = required || (other != values.end() && other->second == condition->equals);
        }
        return required ? tag(makeFieldProblem("required")) : std::nullopt;
    }
    std::size_t length = countCodePoints(value);
    if (field.rule.minLength && length < static_cast<std::size_t>(*field.rule.minLength)) {
        return tag(makeFieldProblem("too_short", {{"min", std::to_string(*field.rule.minLength)}}));
    }
    if (field.rule.maxLength && length > static_cast<std::size_t>(*field.rule.maxLength)) {
        return tag(makeFieldProblem("too_long", {{"max", std::to_string(*field.rule.maxLength)}}));
    }
    if (field.rule.pattern && !std::regex_match(value, std::regex(*field.rule.pattern))) {
        return tag(makeFieldProblem("pattern"));
    }
    return tag(checkByType(field, value, values, context));
}

std::vector<FieldProblem> validateGroup(const FieldGroup& group, const FieldValues& values,
                                        const ValidationContext& context) {
    std::vector<FieldProblem> problems;
    if (group.optional && groupIsEmpty(group, values)) {
        return problems;
    }
    for (const Field& field : group.fields) {
        auto it = values.find(field.id);
        auto problem =
            validateField(field, it == values.end() ? std::string() : it->second, values, context);
        if (problem) {
            problems.push_back(std::move(*problem));
        }
    }
    return problems;
}

std::vector<FieldProblem> validateProcedure(const Procedure& procedure, const FieldValues& values,
                                            const ValidationContext& context) {
    std::vector<FieldProblem> problems;
    for (const FieldGroup& group : procedure.groups) {
        auto more = validateGroup(group, values, context);
        problems.insert(problems.end(), more.begin(), more.end());
    }
    return problems;
}

} // namespace kiosk
