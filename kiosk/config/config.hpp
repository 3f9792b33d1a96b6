// The kiosk's configuration: plain values with built-in defaults, read from an INI file.
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/display/touch_calibration.hpp"
#include "kiosk/i18n/language.hpp"

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk {

enum class DeviceChoice { Auto, Simulated, None };

struct DisplayConfig {
    bool fullscreen = true;
    // Physical size of the visible panel: touch targets and text are sized in millimetres.
    // The default is a common 10.1" 1280x800 kiosk panel.
    double panelWidthMm = 217.0;
    double panelHeightMm = 136.0;
    int rotationDegrees = 0;
    std::chrono::seconds dimAfter{300};
    std::chrono::seconds blankAfter{900};
    // Applied to touches on the native panel before rotation; identity unless the glass is off.
    TouchCalibration touchCalibration;
    // A sysfs backlight (e.g. /sys/class/backlight/rpi_backlight) dimmed and switched off with
    // the screen; empty: the picture alone is dimmed.
    std::filesystem::path backlightDir;
};

struct SessionConfig {
    // Silence before the "Are you still there?" countdown starts.
    std::chrono::seconds inactivityTimeout{120};
    // Length of that countdown; when it ends the session is wiped.
    std::chrono::seconds stillThereCountdown{30};
};

struct DeviceConfig {
    DeviceChoice printer = DeviceChoice::Auto;
    std::string printerProfile = "generic-80";
    DeviceChoice cardReader = DeviceChoice::Auto;
    std::string simulatedCardProfile = "nguyen-thi-anh-tuyet";
    // Directory of CSCA certificates (PEM or DER) for passive authentication of ID cards; a card
    // whose signer chains to none of them reads as "unknown issuer".
    std::filesystem::path cscaDir = "/etc/kiosk/csca";
};

struct GatewayConfig {
    std::string url = "http://127.0.0.1:8787";
    std::filesystem::path caFile;
    std::string kioskId = "vinh-tuong-01";
    std::filesystem::path credentialFile;
    std::filesystem::path gatewayPublicKeyFile;
    // Opens the local reference printed on offline receipts ("VT-20261125-0007").
    std::string referencePrefix = "VT";
    // How often the kiosk reports its state (and sends yesterday's usage counts) to the gateway;
    // 0 = never (a kiosk whose gateway has no dashboard).
    std::chrono::seconds heartbeatInterval{300};
};

struct PathConfig {
    std::filesystem::path dataDir = "/var/lib/kiosk";
    std::filesystem::path contentDir = "/var/lib/kiosk/content";
    std::filesystem::path usbMountDir = "/media/kiosk-usb";
    std::filesystem::path fontRegular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
    std::filesystem::path fontBold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";
    // Public keys (*.pub) trusted to sign content packs; only root should write here.
    std::filesystem::path contentTrustDir = "/etc/kiosk/content-keys";
};

struct AssistedConfig {
    // A volunteer is signed out after this long without a touch, and after sessionLimit in any
    // case (VxSuite's two staff clocks).
    std::chrono::seconds inactivitySignout{900};
    std::chrono::seconds sessionLimit{4 * 3600};
    // Count assisted sessions per volunteer (by pseudonymous id) in the usage log.
    bool countPerVolunteer = false;
    // The help desk's phone, shown on the Help screen beside the call button; empty = none.
    std::string volunteerPhone;
};

struct UsageConfig {
    // Raw usage events are kept this long; daily counts are kept for ever.
    int retentionDays = 90;
    // Faces of the satisfaction question (5: "Rất không hài lòng" .. "Rất hài lòng").
    int ratingScale = 5;
};

struct AudioConfig {
    // Loudness of spoken guidance; village halls are noisy, but a kiosk must not shout.
    int volumePercent = 80;
    // Speak texts that have no recorded clip with espeak-ng; off = recorded clips only.
    bool speechSynthesis = true;
};

struct Config {
    std::string communeName = "Xã Vĩnh Tường";
    std::string accessPointName = "Nhà văn hóa thôn";
    // A plainly fictional local landline: a 1900 number is premium-rate in Viet Nam.
    std::string hotline = "0211 3 000 000";
    // Where residents go when the kiosk cannot serve them (the maintenance screen).
    std::string officeAddress = "Bộ phận một cửa, Ủy ban nhân dân xã";
    Language language = Language::Vietnamese;
    DisplayConfig display;
    SessionConfig session;
    DeviceConfig devices;
    GatewayConfig gateway;
    PathConfig paths;
    AssistedConfig assisted;
    UsageConfig usage;
    AudioConfig audio;
};

// Reads `path` over the defaults. A problem names the file, the line and the key.
Result<Config> loadConfig(const std::filesystem::path& path);

// One accepted key of kiosk.ini, in table order (sections together); kiosk.ini(5) lists them.
struct ConfigKeyInfo {
    std::string section;
    std::string name;
    std::string help;
};
std::vector<ConfigKeyInfo> configKeys();

// The same for text already in memory; `origin` names it in error messages.
Result<Config> parseConfig(const std::string& text, const std::string& origin);

} // namespace kiosk
