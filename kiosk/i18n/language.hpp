// The two languages of the kiosk: Vietnamese first, English second.
#pragma once

#include <optional>
#include <string_view>

namespace kiosk {

enum class Language { Vietnamese, English };

inline std::string_view languageCode(Language language) {
    return language == Language::Vietnamese ? "vi" : "en";
}

inline std::optional<Language> parseLanguage(std::string_view code) {
    if (code == "vi") {
        return Language::Vietnamese;
    }
    if (code == "en") {
        return Language::English;
    }
    return std::nullopt;
}

} // namespace kiosk
