// GET_DEVICE_ID request and IEEE 1284 device ID parsing (USB Printer Class 1.1 §4.2.1).
#include "drivers/printer/ieee1284_device_id.hpp"

#include <algorithm>

namespace kiosk {
namespace {

std::string trim(std::string text) {
    auto notSpace = [](unsigned char c) { return c != ' ' && c != '\t' && c != '\r' && c != '\n'; };
    text.erase(text.begin(), std::find_if(text.begin(), text.end(), notSpace));
    text.erase(std::find_if(text.rbegin(), text.rend(), notSpace).base(), text.end());
    return text;
}

std::string upper(std::string text) {
    for (auto& c : text) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
    }
    return text;
}

std::string lookup(const std::map<std::string, std::string>& fields, const char* shortKey,
                   const char* longKey) {
    for (const char* key : {shortKey, longKey}) {
        if (auto it = fields.find(key); it != fields.end()) {
            return it->second;
        }
    }
    return {};
}

// A printer's ID is at most a few hundred bytes; the spec's 16-bit length allows 64 KiB.
constexpr std::uint16_t kRequestLength = 1024;

} // namespace

std::string Ieee1284DeviceId::manufacturer() const {
    return lookup(fields, "MFG", "MANUFACTURER");
}
std::string Ieee1284DeviceId::model() const {
    return lookup(fields, "MDL", "MODEL");
}
std::string Ieee1284DeviceId::commandSet() const {
    return lookup(fields, "CMD", "COMMAND SET");
}
bool Ieee1284DeviceId::speaksEscPos() const {
    return upper(commandSet()).find("ESC/POS") != std::string::npos ||
           upper(commandSet()).find("ESCPOS") != std::string::npos;
}

Result<Ieee1284DeviceId> parseIeee1284DeviceId(std::span<const std::uint8_t> reply) {
    if (reply.size() < 2) {
        return makeError("printer.device_id", "device ID reply shorter than its length field");
    }
    std::size_t length = static_cast<std::size_t>(reply[0] << 8 | reply[1]);
    if (length < 2) {
        return makeError("printer.device_id", "device ID length field is too small");
    }
    // Some printers send the length little-endian or count without the two length bytes;
    // clamp to what arrived instead of rejecting an otherwise readable ID.
    length = std::min(length, reply.size());
    std::string text(reply.begin() + 2, reply.begin() + static_cast<std::ptrdiff_t>(length));
    Ieee1284DeviceId id;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(';', start);
        if (end == std::string::npos) {
            end = text.size();
        }
        std::string pair = text.substr(start, end - start);
        start = end + 1;
        std::size_t colon = pair.find(':');
        if (colon == std::string::npos) {
            continue;
        }
        std::string key = upper(trim(pair.substr(0, colon)));
        if (!key.empty()) {
            id.fields[key] = trim(pair.substr(colon + 1));
        }
    }
    if (id.fields.empty()) {
        return makeError("printer.device_id", "device ID has no KEY:value fields");
    }
    return id;
}

Result<Ieee1284DeviceId> readIeee1284DeviceId(UsbTransport& transport) {
    const auto& info = transport.info();
    // wValue = configuration index (0), wIndex = interface << 8 | alternate setting (0).
    auto index = static_cast<std::uint16_t>(info.interfaceNumber << 8);
    auto reply =
        transport.controlIn(0xA1, 0, 0, index, kRequestLength, std::chrono::milliseconds(1000));
    if (!reply) {
        return reply.error();
    }
    return parseIeee1284DeviceId(*reply);
}

} // namespace kiosk
