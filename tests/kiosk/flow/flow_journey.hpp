// Test helper: a flow over the shipped procedures, driven tap by tap the way a resident does.
#pragma once

#include "kiosk/flow/flow.hpp"
#include "kiosk/input/utf8.hpp"

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdint>
#include <sstream>
#include <string>

namespace kiosk::testing {

// 25/11/2026 10:00 in Vietnam: a Wednesday morning.
constexpr std::int64_t kJourneyNow = 1795575600;

struct FlowJourney {
    Config config;
    std::ostringstream logs;
    Logger logger{logs, LogLevel::Debug};
    ProcedureCatalog catalog;
    Flow flow{config, logger, [] { return kJourneyNow; }};
    SteadyTime now = SteadyTime{} + std::chrono::seconds(1000);

    FlowJourney() {
        auto loaded = loadProcedureCatalog(std::string(KIOSK_SOURCE_DIR) + "/content");
        REQUIRE(loaded.ok());
        catalog = std::move(*loaded);
        flow.setCatalog(&catalog);
    }
    FlowJourney(const FlowJourney&) = delete;
    FlowJourney& operator=(const FlowJourney&) = delete;

    // Two seconds per tap: a brisk resident, far from any inactivity timeout.
    void tap(Intent intent) {
        now += std::chrono::seconds(2);
        flow.apply(intent, now);
    }

    void key(input::KeyAction action, char32_t character = 0) {
        input::KeyDef def;
        def.action = action;
        def.character = character;
        tap(intent::PressKey{def});
    }

    void typeText(const std::string& text) {
        for (char32_t c : input::decodeUtf8<std::u32string>(text)) {
            if (c == U' ') {
                key(input::KeyAction::Space);
            } else {
                key(input::KeyAction::Char, c);
            }
        }
    }
};

} // namespace kiosk::testing
