// The translation table is complete: every id, in order, with Vietnamese and English text.
#include "kiosk/i18n/messages.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("every message id has Vietnamese and English text", "[i18n]") {
    auto table = messageTable();
    REQUIRE(table.size() == static_cast<std::size_t>(Msg::Count));
    for (std::size_t i = 0; i < table.size(); ++i) {
        INFO("message index " << i);
        CHECK(static_cast<std::size_t>(table[i].id) == i);
        CHECK_FALSE(table[i].vietnamese.empty());
        CHECK_FALSE(table[i].english.empty());
    }
}

TEST_CASE("text() picks the language", "[i18n]") {
    CHECK(text(Msg::NavBack, Language::Vietnamese) == "Quay lại");
    CHECK(text(Msg::NavBack, Language::English) == "Back");
}

TEST_CASE("Vietnamese texts are valid UTF-8 and carry diacritics", "[i18n]") {
    int withDiacritics = 0;
    for (const MessageText& entry : messageTable()) {
        for (unsigned char c : entry.vietnamese) {
            if (c >= 0x80) {
                ++withDiacritics;
                break;
            }
        }
    }
    // Nearly every Vietnamese sentence has a tone mark; plain ASCII means a missing translation.
    CHECK(withDiacritics > static_cast<int>(messageTable().size()) * 3 / 4);
}
