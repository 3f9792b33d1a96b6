// libFuzzer target: the configuration parser's numbers. Every accepted value must be finite and
// inside the range its key promises, whatever bytes stand after the "=".
#include "kiosk/config/config.hpp"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

namespace {

void require(bool condition) {
    if (!condition) {
        __builtin_trap();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string value(reinterpret_cast<const char*>(data), size);
    if (value.find_first_of("\n\r") != std::string::npos) {
        (void)kiosk::parseConfig(value, "fuzz.ini"); // a whole file, for the INI reader
        return 0;
    }
    const char* keys[][2] = {{"display", "panel_width_mm"},
                             {"display", "panel_height_mm"},
                             {"display", "rotation"},
                             {"display", "dim_after_s"},
                             {"session", "inactivity_timeout_s"},
                             {"audio", "volume_percent"},
                             {"usage", "retention_days"},
                             {"usage", "rating_scale"},
                             {"display", "touch_calibration"},
                             {"gateway", "url"}};
    for (const auto& key : keys) {
        std::string text = std::string("[") + key[0] + "]\n" + key[1] + " = " + value + "\n";
        auto config = kiosk::parseConfig(text, "fuzz.ini");
        if (!config) {
            continue;
        }
        const kiosk::DisplayConfig& display = config->display;
        require(std::isfinite(display.panelWidthMm) && display.panelWidthMm >= 50.0 &&
                display.panelWidthMm <= 800.0);
        require(std::isfinite(display.panelHeightMm) && display.panelHeightMm >= 50.0 &&
                display.panelHeightMm <= 800.0);
        require(display.rotationDegrees % 90 == 0 && display.rotationDegrees < 360 &&
                display.rotationDegrees >= 0);
        require(config->audio.volumePercent >= 0 && config->audio.volumePercent <= 100);
        require(config->usage.ratingScale == 3 || config->usage.ratingScale == 5);
        require(config->session.inactivityTimeout.count() >= 15);
        require(config->gateway.url.rfind("http://", 0) == 0 ||
                config->gateway.url.rfind("https://", 0) == 0);
    }
    return 0;
}
