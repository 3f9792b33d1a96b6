// BER-TLV parsing and encoding.
#include "drivers/card_reader/icao/tlv.hpp"

namespace kiosk::icao {

bool Tlv::constructed() const {
    std::uint32_t first = tag;
    while (first > 0xFF) {
        first >>= 8;
    }
    return (first & 0x20) != 0;
}

Result<Tlv> parseTlv(std::span<const std::uint8_t> bytes) {
    std::size_t at = 0;
    if (bytes.empty()) {
        return makeError("tlv.empty", "no TLV where one was expected");
    }
    std::uint32_t tag = bytes[at++];
    if ((tag & 0x1F) == 0x1F) {
        // X.690 §8.1.2.4: subsequent tag bytes have bit 8 set while more follow.
        for (int more = 0;; ++more) {
            if (at >= bytes.size() || more >= 2) {
                return makeError("tlv.tag", "tag runs past the data or is longer than 3 bytes");
            }
            std::uint8_t next = bytes[at++];
            tag = (tag << 8) | next;
            if ((next & 0x80) == 0) {
                break;
            }
        }
    }
    if (at >= bytes.size()) {
        return makeError("tlv.length", "TLV ends before its length");
    }
    std::size_t length = bytes[at++];
    if (length & 0x80) {
        std::size_t count = length & 0x7F;
        if (count == 0 || count > 4) {
            return makeError("tlv.length", "indefinite or oversized TLV length");
        }
        if (at + count > bytes.size()) {
            return makeError("tlv.length", "TLV length bytes run past the data");
        }
        length = 0;
        for (std::size_t i = 0; i < count; ++i) {
            length = (length << 8) | bytes[at++];
        }
    }
    if (length > bytes.size() - at) {
        return makeError("tlv.truncated", "TLV value runs past the data");
    }
    Tlv tlv;
    tlv.tag = tag;
    tlv.headerLength = at;
    tlv.value = bytes.subspan(at, length);
    return tlv;
}

Result<std::vector<Tlv>> parseTlvList(std::span<const std::uint8_t> bytes) {
    std::vector<Tlv> list;
    std::size_t at = 0;
    while (at < bytes.size()) {
        if (bytes[at] == 0x00 || bytes[at] == 0xFF) {
            ++at;
            continue;
        }
        auto tlv = parseTlv(bytes.subspan(at));
        if (!tlv) {
            return tlv.error();
        }
        at += tlv->totalLength();
        list.push_back(*tlv);
    }
    return list;
}

const Tlv* findTlv(const std::vector<Tlv>& list, std::uint32_t tag) {
    for (const auto& tlv : list) {
        if (tlv.tag == tag) {
            return &tlv;
        }
    }
    return nullptr;
}

Bytes encodeLength(std::size_t length) {
    if (length < 0x80) {
        return {static_cast<std::uint8_t>(length)};
    }
    if (length <= 0xFF) {
        return {0x81, static_cast<std::uint8_t>(length)};
    }
    if (length <= 0xFFFF) {
        return {0x82, static_cast<std::uint8_t>(length >> 8), static_cast<std::uint8_t>(length)};
    }
    return {0x83, static_cast<std::uint8_t>(length >> 16), static_cast<std::uint8_t>(length >> 8),
            static_cast<std::uint8_t>(length)};
}

Bytes encodeTlv(std::uint32_t tag, std::span<const std::uint8_t> value) {
    Bytes out;
    if (tag > 0xFFFF) {
        out.push_back(static_cast<std::uint8_t>(tag >> 16));
    }
    if (tag > 0xFF) {
        out.push_back(static_cast<std::uint8_t>(tag >> 8));
    }
    out.push_back(static_cast<std::uint8_t>(tag));
    Bytes length = encodeLength(value.size());
    out.insert(out.end(), length.begin(), length.end());
    out.insert(out.end(), value.begin(), value.end());
    return out;
}

} // namespace kiosk::icao
