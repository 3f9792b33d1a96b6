// ICAO 9303-11 §9.8 secure messaging for 3DES and AES session keys.
#include "drivers/card_reader/icao/secure_messaging.hpp"

#include "drivers/card_reader/icao/tlv.hpp"

namespace kiosk::icao {

SecureMessaging::SecureMessaging(SessionKeys keys)
    : keys_(std::move(keys)) {}

SecureMessaging::~SecureMessaging() {
    wipeBytes(keys_.kEnc);
    wipeBytes(keys_.kMac);
    wipeBytes(keys_.ssc);
}

void SecureMessaging::incrementSsc() {
    for (auto it = keys_.ssc.rbegin(); it != keys_.ssc.rend(); ++it) {
        if (++*it != 0) {
            break;
        }
    }
}

Bytes SecureMessaging::mac(ByteView data) const {
    // §9.8.6.2 (3DES) / §9.8.7.2 (AES): the MAC input is SSC || data, padded.
    Bytes input = keys_.ssc;
    input.insert(input.end(), data.begin(), data.end());
    Bytes padded = pad(input, blockSize());
    if (keys_.cipher == SmCipher::TripleDes) {
        return retailMac(keys_.kMac, padded);
    }
    Bytes full = aesCmac(keys_.kMac, padded);
    full.resize(8);
    return full;
}

Bytes SecureMessaging::encrypt(ByteView padded) const {
    if (keys_.cipher == SmCipher::TripleDes) {
        return tripleDesCbc(keys_.kEnc, padded, Direction::Encrypt);
    }
    // §9.8.7.1: the AES IV is E(KSenc, SSC).
    return aesCbc(keys_.kEnc, aesEcbEncryptBlock(keys_.kEnc, keys_.ssc), padded,
                  Direction::Encrypt);
}

Bytes SecureMessaging::decrypt(ByteView cipherText) const {
    if (keys_.cipher == SmCipher::TripleDes) {
        return tripleDesCbc(keys_.kEnc, cipherText, Direction::Decrypt);
    }
    return aesCbc(keys_.kEnc, aesEcbEncryptBlock(keys_.kEnc, keys_.ssc), cipherText,
                  Direction::Decrypt);
}

CommandApdu SecureMessaging::protect(const CommandApdu& plain) {
    incrementSsc();
    bool extended = plain.needsExtended();
    Bytes header{static_cast<std::uint8_t>(plain.cla | 0x0C), plain.ins, plain.p1, plain.p2};
    Bytes m = pad(header, blockSize());
    Bytes objects;
    if (!plain.data.empty()) {
        Bytes value{0x01}; // padding-content indicator: method 2
        Bytes encrypted = encrypt(pad(plain.data, blockSize()));
        value.insert(value.end(), encrypted.begin(), encrypted.end());
        Bytes do87 = encodeTlv(0x87, value);
        objects.insert(objects.end(), do87.begin(), do87.end());
    }
    if (plain.le) {
        Bytes le;
        if (extended) {
            le = {static_cast<std::uint8_t>((*plain.le >> 8) & 0xFF),
                  static_cast<std::uint8_t>(*plain.le & 0xFF)};
        } else {
            le = {static_cast<std::uint8_t>(*plain.le & 0xFF)};
        }
        Bytes do97 = encodeTlv(0x97, le);
        objects.insert(objects.end(), do97.begin(), do97.end());
    }
    m.insert(m.end(), objects.begin(), objects.end());
    Bytes cc = mac(m);
    Bytes do8e = encodeTlv(0x8E, cc);
    objects.insert(objects.end(), do8e.begin(), do8e.end());

    CommandApdu out{header[0], plain.ins, plain.p1, plain.p2, std::move(objects), std::nullopt};
    extended = extended || out.data.size() > 255;
    out.le = extended ? kLeMaxExtended : kLeMaxShort;
    return out;
}

Result<ResponseApdu> SecureMessaging::unprotect(const ResponseApdu& response) {
    incrementSsc();
    if (response.data.empty() && !response.ok()) {
        return response;
    }
    auto objects = parseTlvList(response.data);
    if (!objects) {
        return makeError(sm_error::kMalformed, "secure messaging response is not BER-TLV");
    }
    const Tlv* do87 = findTlv(*objects, 0x87);
    const Tlv* do99 = findTlv(*objects, 0x99);
    const Tlv* do8e = findTlv(*objects, 0x8E);
    if (do8e == nullptr || do8e->value.size() != 8) {
        return makeError(sm_error::kMalformed, "secure messaging response has no DO'8E' MAC");
    }
    if (do99 == nullptr || do99->value.size() != 2) {
        return makeError(sm_error::kMalformed, "secure messaging response has no DO'99' status");
    }
    // K = DO'87' || DO'99' exactly as received (§9.8.5).
    Bytes k;
    for (const Tlv* object : {do87, do99}) {
        if (object != nullptr) {
            auto begin = object->value.data() - object->headerLength;
            k.insert(k.end(), begin, object->value.data() + object->value.size());
        }
    }
    Bytes expected = mac(k);
    if (!std::equal(expected.begin(), expected.end(), do8e->value.begin(), do8e->value.end())) {
        return makeError(sm_error::kMac, "secure messaging response MAC does not verify");
    }
    ResponseApdu plain;
    plain.sw = static_cast<std::uint16_t>((do99->value[0] << 8) | do99->value[1]);
    if (do87 != nullptr) {
        if (do87->value.size() < 1 + blockSize() || do87->value[0] != 0x01 ||
            (do87->value.size() - 1) % blockSize() != 0) {
            return makeError(sm_error::kMalformed, "DO'87' is not padded cipher text");
        }
        plain.data = decrypt(do87->value.subspan(1));
        if (!unpad(plain.data)) {
            return makeError(sm_error::kMalformed, "DO'87' padding is wrong");
        }
    }
    return plain;
}

std::size_t maxProtectedReadLength(std::size_t maxResponseData, std::size_t blockSize) {
    constexpr std::size_t kDo99AndDo8e = 4 + 10;
    for (std::size_t n = maxResponseData; n > 0; --n) {
        std::size_t padded = (n / blockSize + 1) * blockSize;
        std::size_t value = padded + 1;
        std::size_t do87 = 1 + encodeLength(value).size() + value;
        if (do87 + kDo99AndDo8e <= maxResponseData) {
            return n;
        }
    }
    return 0;
}

} // namespace kiosk::icao
