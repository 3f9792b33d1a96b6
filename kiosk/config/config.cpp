// INI parsing of the kiosk configuration with inih, one table row per accepted key.
#include "kiosk/config/config.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <functional>
#include <ini.h>
#include <optional>
#include <sstream>
#include <string_view>

namespace kiosk {
namespace {

// A setter returns an empty string on success, else what was wrong with the value.
using Setter = std::function<std::string(Config&, std::string_view)>;

struct Key {
    std::string_view section;
    std::string_view name;
    Setter set;
    std::string_view help; // what the key means and accepts: kiosk.ini(5) is made from it
};

std::optional<long> parseInteger(std::string_view text) {
    long value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::optional<double> parseNumber(std::string_view text) {
    double value = 0;
    auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    // from_chars reads "nan" and "inf" as numbers; no setting can use them, and NaN slips
    // through every range check (each comparison with it is false).
    if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

Setter text(std::string Config::*member) {
    return [member](Config& config, std::string_view value) {
        if (value.empty()) {
            return std::string("must not be empty");
        }
        config.*member = std::string(value);
        return std::string();
    };
}

template <typename Section, typename Field>
Setter textIn(Section Config::*section, Field Section::*field) {
    return [section, field](Config& config, std::string_view value) {
        (config.*section).*field = Field(std::string(value));
        return std::string();
    };
}

template <typename Section>
Setter seconds(Section Config::*section, std::chrono::seconds Section::*field, long minimum,
               long maximum) {
    return [=](Config& config, std::string_view value) {
        auto number = parseInteger(value);
        if (!number || *number < minimum || *number > maximum) {
            return "must be a whole number of seconds from " + std::to_string(minimum) + " to " +
                   std::to_string(maximum);
        }
        (config.*section).*field = std::chrono::seconds(*number);
        return std::string();
    };
}

template <typename Section>
Setter nonEmptyPath(Section Config::*section, std::filesystem::path Section::*field) {
    return [section, field](Config& config, std::string_view value) {
        // An empty directory would mean "the working directory", wherever the kiosk started.
        if (value.empty()) {
            return std::string("must not be empty");
        }
        (config.*section).*field = std::filesystem::path(std::string(value));
        return std::string();
    };
}

Setter gatewayUrl() {
    return [](Config& config, std::string_view value) {
        std::string_view rest;
        for (std::string_view scheme : {"http://", "https://"}) {
            if (value.substr(0, scheme.size()) == scheme) {
                rest = value.substr(scheme.size());
            }
        }
        // A host is needed, and a character curl would refuse or reinterpret is not allowed.
        bool hostPresent = !rest.empty() && rest.front() != '/' && rest.front() != ':';
        bool plain = std::all_of(value.begin(), value.end(), [](char c) {
            return c > 0x20 && c < 0x7f && c != '"' && c != '\\';
        });
        if (!hostPresent || !plain) {
            return std::string("must be an http:// or https:// address with a host, e.g. "
                               "https://gateway.example.vn");
        }
        config.gateway.url = std::string(value);
        return std::string();
    };
}

Setter millimetres(double DisplayConfig::*field) {
    return [field](Config& config, std::string_view value) {
        auto number = parseNumber(value);
        // A kiosk panel is between a 5" phone-sized screen and a 32" monitor.
        if (!number || *number < 50.0 || *number > 800.0) {
            return std::string("must be the panel size in millimetres, from 50 to 800");
        }
        config.display.*field = *number;
        return std::string();
    };
}

Setter device(DeviceChoice DeviceConfig::*field) {
    return [field](Config& config, std::string_view value) {
        if (value == "auto") {
            config.devices.*field = DeviceChoice::Auto;
        } else if (value == "sim" || value == "simulated") {
            config.devices.*field = DeviceChoice::Simulated;
        } else if (value == "none") {
            config.devices.*field = DeviceChoice::None;
        } else {
            return std::string("must be auto, sim or none");
        }
        return std::string();
    };
}

std::optional<bool> parseBool(std::string_view value) {
    if (value == "true" || value == "yes" || value == "1" || value == "on") {
        return true;
    }
    if (value == "false" || value == "no" || value == "0" || value == "off") {
        return false;
    }
    return std::nullopt;
}

std::vector<Key> keys() {
    return {
        {"kiosk", "commune_name", text(&Config::communeName),
         "Shown in the header and printed on receipts (any text, must not be empty)."},
        {"kiosk", "access_point_name", text(&Config::accessPointName),
         "Where this kiosk stands, e.g. the village cultural house (must not be empty)."},
        {"kiosk", "hotline", text(&Config::hotline),
         "Help line printed on receipts and shown on the help screen (must not be empty)."},
        {"kiosk", "office_address", text(&Config::officeAddress),
         "Where residents are sent when this kiosk is out of order (maintenance screen; not "
         "empty)."},
        {"kiosk", "language",
         [](Config& config, std::string_view value) {
             auto language = parseLanguage(value);
             if (!language) {
                 return std::string("must be vi or en");
             }
             config.language = *language;
             return std::string();
         },
         "Language the kiosk starts in and returns to after every session: vi or en."},
        {"display", "fullscreen",
         [](Config& config, std::string_view value) {
             auto flag = parseBool(value);
             if (!flag) {
                 return std::string("must be true or false");
             }
             config.display.fullscreen = *flag;
             return std::string();
         },
         "true: take the whole panel (the only sensible value under systemd); false: a window."},
        {"display", "panel_width_mm", millimetres(&DisplayConfig::panelWidthMm),
         "Visible width of the panel in millimetres (50 to 800); touch targets and text are "
         "sized in millimetres, so measure the glass. The default is a 10.1\" 1280x800 panel."},
        {"display", "panel_height_mm", millimetres(&DisplayConfig::panelHeightMm),
         "Visible height of the panel in millimetres (50 to 800), measured like panel_width_mm."},
        {"display", "rotation",
         [](Config& config, std::string_view value) {
             auto degrees = parseInteger(value);
             if (!degrees ||
                 (*degrees != 0 && *degrees != 90 && *degrees != 180 && *degrees != 270)) {
                 return std::string("must be 0, 90, 180 or 270");
             }
             config.display.rotationDegrees = static_cast<int>(*degrees);
             return std::string();
         },
         "Clockwise turn of the UI on the panel, in degrees: 0, 90, 180 or 270 (90 or 270: a "
         "landscape panel mounted in portrait). Touches are turned with it. panel_width_mm and "
         "panel_height_mm stay the panel's own (unturned) width and height."},
        {"display", "dim_after_s", seconds(&Config::display, &DisplayConfig::dimAfter, 10, 86400),
         "Seconds without a touch before the screen dims (10 to 86400). Only with no session "
         "running: a resident mid-session gets \"Are you still there?\" instead (see "
         "[session])."},
        {"display", "blank_after_s",
         seconds(&Config::display, &DisplayConfig::blankAfter, 10, 86400),
         "Seconds without a touch before the screen blanks (10 to 86400, not less than "
         "dim_after_s). Any touch wakes the screen; that touch presses nothing."},
        {"display", "touch_calibration",
         [](Config& config, std::string_view value) {
             auto calibration = parseTouchCalibration(value);
             if (!calibration) {
                 return calibration.error().message;
             }
             config.display.touchCalibration = *calibration;
             return std::string();
         },
         "Touch correction applied before rotation, six numbers a b c d e f as in libinput's "
         "LIBINPUT_CALIBRATION_MATRIX: x' = a*x + b*y + c, y' = d*x + e*y + f over 0..1 across the "
         "panel. 1 0 0 0 1 0 changes nothing; -1 0 1 0 1 0 mirrors a touch layer wired "
         "left-right."},
        {"display", "backlight_dir", textIn(&Config::display, &DisplayConfig::backlightDir),
         "Backlight dimmed and switched off with the screen, e.g. "
         "/sys/class/backlight/rpi_backlight (the Raspberry Pi 7\" panel). Empty: only the picture "
         "is darkened; the light stays on."},
        {"session", "inactivity_timeout_s",
         seconds(&Config::session, &SessionConfig::inactivityTimeout, 15, 3600),
         "Seconds of silence before \"Are you still there?\" appears (15 to 3600)."},
        {"session", "still_there_countdown_s",
         seconds(&Config::session, &SessionConfig::stillThereCountdown, 5, 300),
         "Length of that countdown in seconds; when it ends the session is wiped (5 to 300)."},
        {"devices", "printer", device(&DeviceConfig::printer),
         "Receipt printer: auto (the USB ESC/POS printer; until one is plugged in the kiosk says "
         "\"not connected\" and shows the dossier code to write down; never simulated), sim "
         "(simulated, for development) or none."},
        {"devices", "printer_profile", textIn(&Config::devices, &DeviceConfig::printerProfile),
         "Printer profile (paper width, buffer sizes, cutter): generic-58, generic-80, "
         "epson-tm-t20, epson-tm-t82, xprinter-58 or xprinter-80."},
        {"devices", "card_reader", device(&DeviceConfig::cardReader),
         "Chip ID card reader: auto (the USB CCID reader; until one is plugged in residents type "
         "their details; never simulated), sim (simulated, for development) or none."},
        {"devices", "sim_card_profile",
         textIn(&Config::devices, &DeviceConfig::simulatedCardProfile),
         "Card the simulated reader presents (only used with card_reader = sim)."},
        {"devices", "csca_dir", textIn(&Config::devices, &DeviceConfig::cscaDir),
         "Directory of CSCA certificates (PEM or DER) that ID card signatures must chain to."},
        {"gateway", "url", gatewayUrl(),
         "Base URL of the dossier gateway. Dossiers wait in the outbox while it is unreachable."},
        {"gateway", "ca_file", textIn(&Config::gateway, &GatewayConfig::caFile),
         "CA certificate (PEM) for an https:// gateway; empty uses the system's trust store."},
        {"gateway", "kiosk_id", textIn(&Config::gateway, &GatewayConfig::kioskId),
         "This kiosk's identity towards the gateway."},
        {"gateway", "credential_file", textIn(&Config::gateway, &GatewayConfig::credentialFile),
         "File holding this kiosk's gateway credential: required, mode 0600 (the kiosk refuses a "
         "file others can read, like ssh does, and says `chmod 600 <file>`)."},
        {"gateway", "public_key_file",
         textIn(&Config::gateway, &GatewayConfig::gatewayPublicKeyFile),
         "The gateway's X25519 public key: every dossier is sealed to it before it is stored. "
         "Required; writable by its owner only."},
        {"gateway", "reference_prefix",
         [](Config& config, std::string_view value) {
             // Short capitals only: it is read aloud over the phone and printed on receipts.
             bool valid = !value.empty() && value.size() <= 6 &&
                          std::all_of(value.begin(), value.end(),
                                      [](char c) { return c >= 'A' && c <= 'Z'; });
             if (!valid) {
                 return std::string("must be 1 to 6 capital letters A-Z, e.g. VT");
             }
             config.gateway.referencePrefix = std::string(value);
             return std::string();
         },
         "Short commune code that starts offline references on receipts (\"VT-20261125-0007\")."},
        {"gateway", "heartbeat_s",
         [](Config& config, std::string_view value) {
             auto number = parseInteger(value);
             if (!number || (*number != 0 && (*number < 60 || *number > 86400))) {
                 return std::string(
                     "must be 0 (off) or a whole number of seconds from 60 to 86400");
             }
             config.gateway.heartbeatInterval = std::chrono::seconds(*number);
             return std::string();
         },
         "How often the kiosk sends its heartbeat (device states, outbox backlog, free disk; no "
         "resident data) and any daily usage counts not yet sent to the gateway's dashboard. "
         "0 turns it off."},
        {"paths", "data_dir", nonEmptyPath(&Config::paths, &PathConfig::dataDir),
         "Writable data: usage database, outbox, installed content (the service's StateDirectory). "
         "Reports for the USB stick are spooled in <data_dir>/usb-export; kiosk-usb-export.path "
         "and .service name /var/lib/kiosk: change them too (systemctl edit) if this moves."},
        {"paths", "content_dir", nonEmptyPath(&Config::paths, &PathConfig::contentDir),
         "Installed content packs; `kioskctl pack install` writes here, the kiosk reads current/."},
        {"paths", "usb_mount_dir", textIn(&Config::paths, &PathConfig::usbMountDir),
         "Where kiosk-usb-mount@.service mounts a USB stick (read-only) carrying content packs. "
         "Reports reach the stick only through the root helper kiosk-usb-export, which uses "
         "/media/kiosk-usb."},
        {"paths", "font_regular", textIn(&Config::paths, &PathConfig::fontRegular),
         "Regular font with full Vietnamese diacritics (package fonts-noto-core)."},
        {"paths", "font_bold", textIn(&Config::paths, &PathConfig::fontBold),
         "Bold font with full Vietnamese diacritics (package fonts-noto-core)."},
        {"paths", "content_trust_dir", textIn(&Config::paths, &PathConfig::contentTrustDir),
         "Public keys (*.pub) trusted to sign content packs; only root may write here."},
        {"assisted", "volunteer_phone", textIn(&Config::assisted, &AssistedConfig::volunteerPhone),
         "The help desk's phone, shown on the Help screen beside \"Gọi tình nguyện viên\" (empty = "
         "none)."},
        {"assisted", "inactivity_signout_s",
         seconds(&Config::assisted, &AssistedConfig::inactivitySignout, 60, 7200),
         "A volunteer is signed out after this many seconds without a touch (60 to 7200)."},
        {"assisted", "session_limit_s",
         seconds(&Config::assisted, &AssistedConfig::sessionLimit, 300, 12 * 3600),
         "A volunteer is signed out after this many seconds in any case (300 to 43200, not less "
         "than "
         "inactivity_signout_s)."},
        {"assisted", "count_per_volunteer",
         [](Config& config, std::string_view value) {
             auto flag = parseBool(value);
             if (!flag) {
                 return std::string("must be true or false");
             }
             config.assisted.countPerVolunteer = *flag;
             return std::string();
         },
         "true: count assisted sessions per volunteer (pseudonymous id) in the usage log."},
        {"audio", "volume_percent",
         [](Config& config, std::string_view value) {
             auto percent = parseInteger(value);
             if (!percent || *percent < 0 || *percent > 100) {
                 return std::string("must be a whole number from 0 to 100");
             }
             config.audio.volumePercent = static_cast<int>(*percent);
             return std::string();
         },
         "Volume of spoken guidance, 0 to 100."},
        {"audio", "speech_synthesis",
         [](Config& config, std::string_view value) {
             auto flag = parseBool(value);
             if (!flag) {
                 return std::string("must be true or false");
             }
             config.audio.speechSynthesis = *flag;
             return std::string();
         },
         "Read texts aloud with espeak-ng when the content pack has no recording (true/false)."},
        {"usage", "retention_days",
         [](Config& config, std::string_view value) {
             auto days = parseInteger(value);
             if (!days || *days < 7 || *days > 3650) {
                 return std::string("must be a whole number of days from 7 to 3650");
             }
             config.usage.retentionDays = static_cast<int>(*days);
             return std::string();
         },
         "Days raw usage events are kept (7 to 3650); daily counts are kept for ever."},
        {"usage", "rating_scale",
         [](Config& config, std::string_view value) {
             auto faces = parseInteger(value);
             // The result screen has faces and words for these two scales only.
             if (!faces || (*faces != 3 && *faces != 5)) {
                 return std::string("must be 3 or 5");
             }
             config.usage.ratingScale = static_cast<int>(*faces);
             return std::string();
         },
         "Number of faces on the satisfaction question: 3 or 5."},
    };
}

} // namespace

std::vector<ConfigKeyInfo> configKeys() {
    std::vector<ConfigKeyInfo> infos;
    for (const Key& key : keys()) {
        infos.push_back(
            ConfigKeyInfo{std::string(key.section), std::string(key.name), std::string(key.help)});
    }
    return infos;
}

namespace {

struct ParseState {
    Config config;
    std::string firstProblem;
};

int onKey(void* user, const char* section, const char* name, const char* value) {
    auto& state = *static_cast<ParseState*>(user);
    for (const Key& key : keys()) { // rebuilt per key: config is read once
        if (key.section == section && key.name == name) {
            std::string problem = key.set(state.config, value);
            if (problem.empty()) {
                return 1;
            }
            if (state.firstProblem.empty()) {
                state.firstProblem = "[" + std::string(section) + "] " + name + " " + problem;
            }
            return 0;
        }
    }
    if (state.firstProblem.empty()) {
        state.firstProblem = "unknown key [" + std::string(section) + "] " + name;
    }
    return 0;
}

} // namespace

Result<Config> parseConfig(const std::string& text, const std::string& origin) {
    ParseState state;
    int line = ini_parse_string(text.c_str(), onKey, &state);
    if (line != 0) {
        std::string what =
            state.firstProblem.empty() ? "is not a `key = value` line" : state.firstProblem;
        return makeError("config.invalid", origin + ":" + std::to_string(line) + ": " + what);
    }
    if (state.config.display.blankAfter < state.config.display.dimAfter) {
        return makeError("config.invalid",
                         origin + ": [display] blank_after_s must not be shorter than dim_after_s");
    }
    if (state.config.assisted.sessionLimit < state.config.assisted.inactivitySignout) {
        return makeError("config.invalid", origin + ": [assisted] session_limit_s must not be "
                                                    "shorter than inactivity_signout_s");
    }
    return state.config;
}

Result<Config> loadConfig(const std::filesystem::path& path) {
    std::ifstream file(path);
    if (!file) {
        return makeError("config.unreadable", path.string() + ": cannot be opened");
    }
    std::stringstream buffer;
    buffer << file.rdbuf();
    return parseConfig(buffer.str(), path.string());
}

} // namespace kiosk
