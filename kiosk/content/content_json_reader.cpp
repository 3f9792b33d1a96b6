// The problem-collecting JSON reader shared by the procedure and lesson loaders.
#include "kiosk/content/content_json_reader.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace kiosk {

using nlohmann::json;

ContentJsonReader::ContentJsonReader(std::string origin, std::string errorCode)
    : origin_(std::move(origin))
    , errorCode_(std::move(errorCode)) {}

std::optional<json> ContentJsonReader::parse(const std::string& text) {
    json document = json::parse(text, nullptr, false);
    if (document.is_discarded()) {
        problem("$", "is not valid JSON");
        return std::nullopt;
    }
    return document;
}

void ContentJsonReader::problem(const std::string& path, const std::string& what) {
    problems_.push_back(origin_ + ": " + path + ": " + what);
}

Error ContentJsonReader::error() const {
    std::string text;
    for (const std::string& line : problems_) {
        text += (text.empty() ? "" : "\n") + line;
    }
    return makeError(errorCode_, text);
}

const json* ContentJsonReader::member(const json& object, const std::string& path, const char* key,
                                      bool required) {
    if (!object.is_object()) {
        problem(path, "must be an object");
        return nullptr;
    }
    auto it = object.find(key);
    if (it == object.end()) {
        if (required) {
            problem(path + "." + key, "is missing");
        }
        return nullptr;
    }
    return &*it;
}

std::string ContentJsonReader::text(const json& object, const std::string& path, const char* key,
                                    bool required) {
    const json* value = member(object, path, key, required);
    if (value == nullptr) {
        return {};
    }
    if (!value->is_string() || (required && value->get<std::string>().empty())) {
        problem(path + "." + key, "must be a non-empty string");
        return {};
    }
    return value->get<std::string>();
}

std::optional<long> ContentJsonReader::integer(const json& object, const std::string& path,
                                               const char* key, bool required) {
    const json* value = member(object, path, key, required);
    if (value == nullptr) {
        return std::nullopt;
    }
    if (!value->is_number_integer()) {
        problem(path + "." + key, "must be a whole number");
        return std::nullopt;
    }
    return value->get<long>();
}

bool ContentJsonReader::flag(const json& object, const std::string& path, const char* key,
                             bool fallback) {
    const json* value = member(object, path, key, false);
    if (value == nullptr) {
        return fallback;
    }
    if (!value->is_boolean()) {
        problem(path + "." + key, "must be true or false");
        return fallback;
    }
    return value->get<bool>();
}

const json* ContentJsonReader::array(const json& object, const std::string& path, const char* key,
                                     bool required) {
    const json* value = member(object, path, key, required);
    if (value != nullptr && !value->is_array()) {
        problem(path + "." + key, "must be a list");
        return nullptr;
    }
    return value;
}

LocalText ContentJsonReader::local(const json& object, const std::string& path, const char* key,
                                   bool required) {
    const json* value = member(object, path, key, required);
    if (value == nullptr) {
        return {};
    }
    return localAt(*value, path + "." + key);
}

LocalText ContentJsonReader::localAt(const json& value, const std::string& here) {
    if (!value.is_object()) {
        problem(here, "must be an object with \"vi\" and \"en\" texts");
        return {};
    }
    LocalText out;
    out.vi = text(value, here, "vi", false);
    out.en = text(value, here, "en", false);
    if (out.vi.empty()) {
        problem(here + ".vi", "missing Vietnamese text");
    }
    if (out.en.empty()) {
        problem(here + ".en", "missing English translation");
    }
    return out;
}

std::optional<std::string> readContentFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return std::nullopt;
    }
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

bool isInsidePack(const std::string& name) {
    std::filesystem::path relative(name);
    return !relative.is_absolute() &&
           std::none_of(relative.begin(), relative.end(),
                        [](const std::filesystem::path& part) { return part == ".."; });
}

bool isPictureFile(const std::string& name) {
    std::string extension = std::filesystem::path(name).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension == ".png" || extension == ".jpg" || extension == ".jpeg";
}

} // namespace kiosk
