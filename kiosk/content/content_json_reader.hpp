// Reading content JSON (procedures, lessons) with every problem reported as file, path and reason.
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/procedure/procedure.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// Collects problems while walking a document, so the author sees all of them in one go rather
// than fixing one, rebuilding the pack and finding the next.
class ContentJsonReader {
public:
    // `origin` names the file in every problem; `errorCode` is the Error code of the whole.
    ContentJsonReader(std::string origin, std::string errorCode);

    // The whole document; "$: is not valid JSON" is recorded when it does not parse.
    std::optional<nlohmann::json> parse(const std::string& text);

    void problem(const std::string& path, const std::string& what);
    bool failed() const { return !problems_.empty(); }
    Error error() const;
    const std::vector<std::string>& problems() const { return problems_; }

    const nlohmann::json* member(const nlohmann::json& object, const std::string& path,
                                 const char* key, bool required);
    // A string, non-empty when required.
    std::string text(const nlohmann::json& object, const std::string& path, const char* key,
                     bool required = true);
    std::optional<long> integer(const nlohmann::json& object, const std::string& path,
                                const char* key, bool required = true);
    bool flag(const nlohmann::json& object, const std::string& path, const char* key,
              bool fallback);
    const nlohmann::json* array(const nlohmann::json& object, const std::string& path,
                                const char* key, bool required = true);
    // {"vi": ..., "en": ...}: both languages are required whenever the member is present.
    LocalText local(const nlohmann::json& object, const std::string& path, const char* key,
                    bool required = true);
    LocalText localAt(const nlohmann::json& value, const std::string& here);

private:
    std::string origin_;
    std::string errorCode_;
    std::vector<std::string> problems_;
};

// A content file's text; nothing when it cannot be opened.
std::optional<std::string> readContentFile(const std::filesystem::path& path);

// Relative and without "..": a content pack never names a file outside itself.
bool isInsidePack(const std::string& name);
// The kiosk decodes PNG and JPEG only (stb_image); authors hear so before a kiosk shows a
// placeholder.
bool isPictureFile(const std::string& name);

} // namespace kiosk
