// ISO/IEC 7816-4 APDU encoding and the 61xx / 6Cxx follow-ups.
#include "drivers/card_reader/apdu.hpp"

namespace kiosk {

bool CommandApdu::needsExtended() const {
    return data.size() > 255 || (le && *le > kLeMaxShort);
}

Bytes CommandApdu::encode() const {
    Bytes out{cla, ins, p1, p2};
    bool extended = needsExtended();
    if (!data.empty()) {
        if (extended) {
            out.push_back(0x00);
            out.push_back(static_cast<std::uint8_t>(data.size() >> 8));
            out.push_back(static_cast<std::uint8_t>(data.size()));
        } else {
            out.push_back(static_cast<std::uint8_t>(data.size()));
        }
        out.insert(out.end(), data.begin(), data.end());
    }
    if (le) {
        // 256 / 65536 are encoded as zero by truncation (§5.1).
        if (extended) {
            if (data.empty()) {
                out.push_back(0x00); // case 2E: a zero byte introduces the two-byte Le
            }
            out.push_back(static_cast<std::uint8_t>((*le >> 8) & 0xFF));
            out.push_back(static_cast<std::uint8_t>(*le & 0xFF));
        } else {
            out.push_back(static_cast<std::uint8_t>(*le & 0xFF));
        }
    }
    return out;
}

Result<ResponseApdu> parseResponseApdu(std::span<const std::uint8_t> bytes) {
    if (bytes.size() < 2) {
        return makeError(card_error::kProtocol, "response APDU shorter than its status word");
    }
    ResponseApdu response;
    response.data.assign(bytes.begin(), bytes.end() - 2);
    response.sw =
        static_cast<std::uint16_t>((bytes[bytes.size() - 2] << 8) | bytes[bytes.size() - 1]);
    return response;
}

namespace {
Result<ResponseApdu> sendOnce(CardReader& reader, const CommandApdu& command) {
    auto raw = reader.transmit(command.encode());
    if (!raw) {
        return raw.error();
    }
    return parseResponseApdu(*raw);
}
} // namespace

Result<ResponseApdu> exchangeApdu(CardReader& reader, const CommandApdu& command) {
    auto response = sendOnce(reader, command);
    if (!response) {
        return response;
    }
    if (response->sw1() == 0x6C) {
        // Wrong Le: the card tells the exact length to ask for; one resend only.
        CommandApdu again = command;
        again.le = response->sw2() == 0 ? kLeMaxShort : response->sw2();
        response = sendOnce(reader, again);
        if (!response) {
            return response;
        }
    }
    Bytes collected = std::move(response->data);
    // A card holding more than fits in one answer says 61xx; bounded so a broken card cannot
    // keep us here forever (64 KiB is the largest file ICAO allows).
    for (int round = 0; response->sw1() == 0x61 && round < 256; ++round) {
        CommandApdu getResponse{static_cast<std::uint8_t>(command.cla & 0x03),       0xC0, 0, 0, {},
                                response->sw2() == 0 ? kLeMaxShort : response->sw2()};
        response = sendOnce(reader, getResponse);
        if (!response) {
            return response;
        }
        collected.insert(collected.end(), response->data.begin(), response->data.end());
    }
    response->data = std::move(collected);
    return response;
}

} // namespace kiosk
