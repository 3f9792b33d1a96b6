// Reading a synthetic resident's card profile from JSON.
#include "drivers/card_reader/sim/card_profile.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace kiosk::sim {

Result<CardProfile> parseCardProfile(std::string_view json, std::string_view profileName) {
    auto doc = nlohmann::json::parse(json, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        return makeError("profile.invalid", "card profile is not a JSON object");
    }
    CardProfile profile;
    profile.profileName = std::string(profileName);
    struct Field {
        const char* key;
        std::string* target;
        bool required;
    };
    const Field fields[] = {
        {"id_number", &profile.idNumber, true},
        {"full_name", &profile.fullName, true},
        {"date_of_birth", &profile.dateOfBirth, true},
        {"sex", &profile.sex, true},
        {"nationality", &profile.nationality, true},
        {"ethnicity", &profile.ethnicity, true},
        {"religion", &profile.religion, true},
        {"place_of_origin", &profile.placeOfOrigin, true},
        {"place_of_residence", &profile.placeOfResidence, true},
        {"identifying_marks", &profile.identifyingMarks, true},
        {"date_of_issue", &profile.dateOfIssue, true},
        {"date_of_expiry", &profile.dateOfExpiry, true},
        {"father_name", &profile.fatherName, true},
        {"mother_name", &profile.motherName, true},
        {"spouse_name", &profile.spouseName, false},
        {"old_id_number", &profile.oldIdNumber, false},
        {"mrz_surname", &profile.mrzSurname, true},
        {"mrz_given_names", &profile.mrzGivenNames, true},
    };
    for (const auto& field : fields) {
        auto it = doc.find(field.key);
        if (it == doc.end()) {
            if (field.required) {
                return makeError("profile.invalid",
                                 std::string("card profile lacks \"") + field.key + "\"");
            }
            continue;
        }
        if (!it->is_string()) {
            return makeError("profile.invalid",
                             std::string("card profile field \"") + field.key + "\" is not text");
        }
        *field.target = it->get<std::string>();
    }
    if (profile.idNumber.size() != 12 ||
        profile.idNumber.find_first_not_of("0123456789") != std::string::npos) {
        return makeError("profile.invalid", "id_number must be 12 digits");
    }
    if (mrzDate(profile.dateOfBirth).empty() || mrzDate(profile.dateOfExpiry).empty()) {
        return makeError("profile.invalid", "dates must be dd/mm/yyyy");
    }
    if (auto it = doc.find("extended_length"); it != doc.end() && it->is_boolean()) {
        profile.extendedLength = it->get<bool>();
    }
    if (auto it = doc.find("pace_parameter_id"); it != doc.end() && it->is_number_integer()) {
        profile.paceParameterId = it->get<int>();
    }
    if (auto it = doc.find("active_auth_key"); it != doc.end()) {
        if (!it->is_string() || (*it != "ecdsa" && *it != "rsa" && *it != "none")) {
            return makeError("profile.invalid", "active_auth_key must be ecdsa, rsa or none");
        }
        profile.activeAuthKey = it->get<std::string>();
    }
    return profile;
}

Result<CardProfile> loadCardProfile(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) {
        return makeError("profile.missing", "cannot open card profile " + file.string());
    }
    std::stringstream text;
    text << in.rdbuf();
    return parseCardProfile(text.str(), file.stem().string());
}

std::string mrzDate(std::string_view dayMonthYear) {
    if (dayMonthYear.size() != 10 || dayMonthYear[2] != '/' || dayMonthYear[5] != '/') {
        return {};
    }
    std::string out;
    out += dayMonthYear.substr(8, 2);
    out += dayMonthYear.substr(3, 2);
    out += dayMonthYear.substr(0, 2);
    if (out.find_first_not_of("0123456789") != std::string::npos) {
        return {};
    }
    return out;
}

} // namespace kiosk::sim
