// The USB devices the hardware-in-the-loop test plugs in: real models' descriptors as data.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::hil {

using Bytes = std::vector<std::uint8_t>;

// What sits behind an interface: decides which simulated logic answers its endpoints.
enum class Function {
    CcidReader,    // the project's simulated CCID reader with a simulated ID card
    CcidOtherChip, // a token's built-in chip (no ICAO application) or an empty contact slot
    Printer,       // the project's simulated ESC/POS printer
    HidKeyboard,   // descriptor only (tokens show one beside their CCID interface)
};

// CCID class descriptor fields (CCID 1.1 §5.1), as libccid's readers/*.txt list them.
struct CcidDescriptor {
    std::uint16_t bcdCCID = 0x0100;
    std::uint8_t bMaxSlotIndex = 0;
    std::uint8_t bVoltageSupport = 0x07;
    std::uint32_t dwProtocols = 0x0002;
    std::uint32_t dwDefaultClock = 4000; // kHz
    std::uint32_t dwMaximumClock = 4000;
    std::uint32_t dwDataRate = 10752;
    std::uint32_t dwMaxDataRate = 250000;
    std::uint32_t dwMaxIFSD = 254;
    std::uint32_t dwMechanical = 0;
    std::uint32_t dwFeatures = 0x000404BA;
    std::uint32_t dwMaxCCIDMessageLength = 271;
    std::uint8_t bClassGetResponse = 0;
    std::uint8_t bClassEnvelope = 0;
    std::uint8_t bMaxCCIDBusySlots = 1;
};

struct InterfaceModel {
    Function function = Function::CcidReader;
    std::string name; // iInterface
    std::uint8_t bulkOut = 0x02;
    std::uint8_t bulkIn = 0x82;
    std::uint8_t interruptIn = 0; // 0 = none
    CcidDescriptor ccid;          // for the CCID functions
    std::string deviceId;         // IEEE 1284 Device ID, for printers
    std::uint8_t printerProtocol = 2;
    std::string printerProfile; // the project's profile the simulated printer decodes with
    bool chipPresent = true;    // CcidOtherChip: false = an empty slot
};

struct DeviceModel {
    std::string_view id; // what the scenario script names ("acr1252u")
    std::uint16_t vendorId = 0;
    std::uint16_t productId = 0;
    std::uint16_t bcdDevice = 0x0100;
    std::string manufacturer;
    std::string product;
    std::vector<InterfaceModel> interfaces;
};

const DeviceModel* findDeviceModel(std::string_view id);
std::vector<std::string_view> deviceModelIds();

// Descriptor bytes as the device returns them to GET_DESCRIPTOR (USB 2.0 §9.6), full speed.
Bytes deviceDescriptor(const DeviceModel& model);
Bytes configurationDescriptor(const DeviceModel& model);
// Index 0 = the language list; 1 manufacturer, 2 product, 3 serial, 4.. interface names.
Bytes stringDescriptor(const DeviceModel& model, std::uint8_t index);

} // namespace kiosk::hil
