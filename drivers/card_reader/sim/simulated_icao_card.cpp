// The software eMRTD chip: card side of BAC (9303-11 §4.3) and secure messaging (§9.8).
#include "drivers/card_reader/sim/simulated_icao_card.hpp"

#include "drivers/card_reader/icao/active_auth.hpp"
#include "drivers/card_reader/icao/bac.hpp"
#include "drivers/card_reader/icao/crypto.hpp"
#include "drivers/card_reader/icao/lds.hpp"
#include "drivers/card_reader/icao/pace.hpp"
#include "drivers/card_reader/icao/pace_curve.hpp"
#include "drivers/card_reader/icao/tlv.hpp"
#include "drivers/card_reader/sim/chip_signer.hpp"

#include <algorithm>
#include <openssl/evp.h>
#include <openssl/rsa.h>

namespace kiosk::sim {
namespace {

using namespace kiosk::icao;

constexpr std::uint8_t kAid[] = {0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01};

Bytes statusOnly(std::uint16_t sw) {
    return Bytes{static_cast<std::uint8_t>(sw >> 8), static_cast<std::uint8_t>(sw)};
}

Bytes withStatus(Bytes data, std::uint16_t sw) {
    data.push_back(static_cast<std::uint8_t>(sw >> 8));
    data.push_back(static_cast<std::uint8_t>(sw));
    return data;
}

// Parses a command APDU's body (after the 4-byte header) into data and Le (ISO 7816-4 §5.1).
struct Body {
    Bytes data;
    std::optional<std::size_t> le;
    bool extended = false;
    bool valid = true;
};

Body parseBody(std::span<const std::uint8_t> apdu) {
    Body body;
    auto rest = apdu.subspan(4);
    if (rest.empty()) {
        return body;
    }
    if (rest.size() == 1) {
        body.le = rest[0] == 0 ? 256 : rest[0];
        return body;
    }
    if (rest[0] == 0 && rest.size() >= 3) {
        body.extended = true;
        std::size_t first = (rest[1] << 8) | rest[2];
        if (rest.size() == 3) {
            body.le = first == 0 ? 65536 : first;
            return body;
        }
        if (rest.size() < 3 + first) {
            body.valid = false;
            return body;
        }
        body.data.assign(rest.begin() + 3, rest.begin() + 3 + static_cast<std::ptrdiff_t>(first));
        auto tail = rest.subspan(3 + first);
        if (tail.size() == 2) {
            std::size_t le = (tail[0] << 8) | tail[1];
            body.le = le == 0 ? 65536 : le;
        } else if (!tail.empty()) {
            body.valid = false;
        }
        return body;
    }
    std::size_t lc = rest[0];
    if (rest.size() < 1 + lc || lc == 0) {
        body.valid = false;
        return body;
    }
    body.data.assign(rest.begin() + 1, rest.begin() + 1 + static_cast<std::ptrdiff_t>(lc));
    auto tail = rest.subspan(1 + lc);
    if (tail.size() == 1) {
        body.le = tail[0] == 0 ? 256 : tail[0];
    } else if (!tail.empty()) {
        body.valid = false;
    }
    return body;
}

} // namespace

SimulatedIcaoCard::SimulatedIcaoCard(CardImage image)
    : image_(std::move(image)) {}

Bytes SimulatedIcaoCard::powerOn() {
    dropSession();
    applicationSelected_ = false;
    apdus_ = 0;
    protectedResponses_ = 0;
    // PC/SC part 3 ATR a reader synthesises for an ISO 14443-4 card without historical bytes.
    return Bytes{0x3B, 0x80, 0x80, 0x01, 0x01};
}

void SimulatedIcaoCard::dropSession() {
    session_ = false;
    paceStep_ = 0;
    plainFileSelected_ = false;
    wipeBytes(ksEnc_);
    wipeBytes(ksMac_);
    wipeBytes(ssc_);
    selectedFile_.reset();
}

void SimulatedIcaoCard::incrementSsc() {
    for (auto it = ssc_.rbegin(); it != ssc_.rend(); ++it) {
        if (++*it != 0) {
            break;
        }
    }
}

std::size_t SimulatedIcaoCard::blockSize() const {
    return aes_ ? 16 : 8;
}

Bytes SimulatedIcaoCard::sessionMac(std::span<const std::uint8_t> data) const {
    Bytes input = ssc_;
    input.insert(input.end(), data.begin(), data.end());
    if (!aes_) {
        return retailMac(ksMac_, pad(input, 8));
    }
    Bytes mac = aesCmac(ksMac_, pad(input, 16));
    mac.resize(8);
    return mac;
}

Bytes SimulatedIcaoCard::sessionCipher(std::span<const std::uint8_t> data,
                                       Direction direction) const {
    if (!aes_) {
        return tripleDesCbc(ksEnc_, data, direction);
    }
    return aesCbc(ksEnc_, aesEcbEncryptBlock(ksEnc_, ssc_), data, direction);
}

Bytes SimulatedIcaoCard::process(std::span<const std::uint8_t> apdu) {
    ++apdus_;
    if (apdus_ == faults_.statusAtApdu) {
        return statusOnly(faults_.status);
    }
    if (apdu.size() < 4) {
        return statusOnly(0x6700);
    }
    if ((apdu[0] & 0x0C) == 0x0C) {
        return protectedCommand(apdu);
    }
    if (session_) {
        // §9.8.1: a plain command inside a session ends it.
        dropSession();
        return statusOnly(sw::kSmDataMissing);
    }
    Body body = parseBody(apdu);
    if (!body.valid) {
        return statusOnly(sw::kWrongLength);
    }
    return plainCommand(apdu[1], apdu[2], apdu[3], body.data, body.le.value_or(0));
}

Bytes SimulatedIcaoCard::plainCommand(std::uint8_t ins, std::uint8_t p1, std::uint8_t p2,
                                      std::span<const std::uint8_t> data, std::size_t le) {
    if (ins == 0xA4 && p1 == 0x04) {
        applicationSelected_ =
            !faults_.hideApplication &&
            std::equal(data.begin(), data.end(), std::begin(kAid), std::end(kAid));
        return statusOnly(applicationSelected_ ? sw::kOk : sw::kFileNotFound);
    }
    if (ins == 0xA4) {
        // Without access control only EF.CardAccess is readable (in the clear, from the MF).
        bool cardAccess = data.size() == 2 && data[0] == 0x01 && data[1] == 0x1C &&
                          image_.files.count(kFileIdCardAccess) != 0;
        plainFileSelected_ = cardAccess;
        return statusOnly(cardAccess ? sw::kOk : sw::kFileNotFound);
    }
    if (ins == 0xB0 && plainFileSelected_) {
        const Bytes& file = image_.files[kFileIdCardAccess];
        std::size_t offset = static_cast<std::size_t>((p1 & 0x7F) << 8 | p2);
        if (offset > file.size()) {
            return statusOnly(sw::kWrongP1P2);
        }
        std::size_t count = std::min(le, file.size() - offset);
        Bytes chunk(file.begin() + static_cast<std::ptrdiff_t>(offset),
                    file.begin() + static_cast<std::ptrdiff_t>(offset + count));
        return withStatus(chunk, count < le ? sw::kEndOfFile : sw::kOk);
    }
    if (ins == 0x22 && p1 == 0xC1 && p2 == 0xA4) {
        return manageSecurityEnvironment(data);
    }
    if (ins == 0x86) {
        return generalAuthenticate(data);
    }
    if (!applicationSelected_) {
        return statusOnly(sw::kInsNotSupported);
    }
    if (ins == 0x84) {
        rndIc_ = randomBytes(8);
        return withStatus(rndIc_, sw::kOk);
    }
    if (ins == 0x82) {
        BacKeys keys = deriveBacKeys(image_.mrzInformation);
        if (data.size() != 40 || rndIc_.size() != 8) {
            return statusOnly(sw::kWrongLength);
        }
        Bytes mac = retailMac(keys.kMac, pad(data.first(32), 8));
        if (!std::equal(mac.begin(), mac.end(), data.begin() + 32)) {
            rndIc_.clear();
            return statusOnly(sw::kAuthenticationFailed);
        }
        Bytes s = tripleDesCbc(keys.kEnc, data.first(32), Direction::Decrypt);
        if (!std::equal(rndIc_.begin(), rndIc_.end(), s.begin() + 8)) {
            rndIc_.clear();
            return statusOnly(sw::kAuthenticationFailed);
        }
        Bytes rndIfd(s.begin(), s.begin() + 8);
        Bytes kIfd(s.begin() + 16, s.end());
        Bytes kIc = randomBytes(16);
        Bytes r = rndIc_;
        r.insert(r.end(), rndIfd.begin(), rndIfd.end());
        r.insert(r.end(), kIc.begin(), kIc.end());
        Bytes answer = tripleDesCbc(keys.kEnc, r, Direction::Encrypt);
        Bytes answerMac = retailMac(keys.kMac, pad(answer, 8));
        answer.insert(answer.end(), answerMac.begin(), answerMac.end());
        Bytes seed(16);
        for (std::size_t i = 0; i < 16; ++i) {
            seed[i] = static_cast<std::uint8_t>(kIfd[i] ^ kIc[i]);
        }
        ksEnc_ = deriveKey(seed, KeyUse::Enc, KeyAlgorithm::TripleDes);
        ksMac_ = deriveKey(seed, KeyUse::Mac, KeyAlgorithm::TripleDes);
        aes_ = false;
        ssc_.assign(rndIc_.begin() + 4, rndIc_.end());
        ssc_.insert(ssc_.end(), rndIfd.begin() + 4, rndIfd.end());
        session_ = true;
        rndIc_.clear();
        return withStatus(answer, sw::kOk);
    }
    return statusOnly(sw::kSecurityNotSatisfied);
}

Bytes SimulatedIcaoCard::protectedCommand(std::span<const std::uint8_t> apdu) {
    if (!session_) {
        return statusOnly(sw::kSecurityNotSatisfied);
    }
    Body body = parseBody(apdu);
    auto objects =
        body.valid ? parseTlvList(body.data) : Result<std::vector<Tlv>>(makeError("", ""));
    if (!objects) {
        dropSession();
        return statusOnly(sw::kSmDataIncorrect);
    }
    const Tlv* do87 = findTlv(*objects, 0x87);
    const Tlv* do97 = findTlv(*objects, 0x97);
    const Tlv* do8e = findTlv(*objects, 0x8E);
    incrementSsc();
    Bytes m = pad(apdu.first(4), blockSize());
    for (const Tlv* object : {do87, do97}) {
        if (object != nullptr) {
            const std::uint8_t* begin = object->value.data() - object->headerLength;
            m.insert(m.end(), begin, object->value.data() + object->value.size());
        }
    }
    Bytes expected = sessionMac(m);
    if (do8e == nullptr ||
        !std::equal(expected.begin(), expected.end(), do8e->value.begin(), do8e->value.end())) {
        dropSession();
        return statusOnly(sw::kSmDataIncorrect);
    }
    Bytes data;
    if (do87 != nullptr) {
        if (do87->value.size() < 1 + blockSize() || do87->value[0] != 0x01) {
            dropSession();
            return statusOnly(sw::kSmDataIncorrect);
        }
        data = sessionCipher(do87->value.subspan(1), Direction::Decrypt);
        if (!unpad(data)) {
            dropSession();
            return statusOnly(sw::kSmDataIncorrect);
        }
    }
    std::size_t le = 0;
    if (do97 != nullptr) {
        for (auto byte : do97->value) {
            le = (le << 8) | byte;
        }
        if (le == 0) {
            le = do97->value.size() == 1 ? 256 : 65536;
        }
    }
    std::uint8_t ins = apdu[1];
    if (ins == 0xA4 && apdu[2] == 0x04) {
        applicationSelected_ =
            !faults_.hideApplication &&
            std::equal(data.begin(), data.end(), std::begin(kAid), std::end(kAid));
        return protectResponse({}, applicationSelected_ ? sw::kOk : sw::kFileNotFound);
    }
    if (ins == 0xA4) {
        if (data.size() != 2) {
            return protectResponse({}, sw::kWrongLength);
        }
        auto fileId = static_cast<std::uint16_t>((data[0] << 8) | data[1]);
        if (auto forced = faults_.selectStatus.find(fileId); forced != faults_.selectStatus.end()) {
            return protectResponse({}, forced->second);
        }
        if (fileId == dataGroupFileId(3) || fileId == dataGroupFileId(4)) {
            // EAC-protected biometrics (chip-id.md §2: DG3 answers 6982).
            return protectResponse({}, sw::kSecurityNotSatisfied);
        }
        if (image_.files.count(fileId) == 0) {
            return protectResponse({}, sw::kFileNotFound);
        }
        selectedFile_ = fileId;
        return protectResponse({}, sw::kOk);
    }
    if (ins == 0xB0) {
        if (!selectedFile_) {
            return protectResponse({}, 0x6986); // command not allowed: no current EF
        }
        if (le > 256 && !image_.extendedLength) {
            return protectResponse({}, sw::kWrongLength);
        }
        Bytes file = image_.files[*selectedFile_];
        if (faults_.alterDataGroup != 0 &&
            *selectedFile_ == dataGroupFileId(faults_.alterDataGroup) && file.size() > 3) {
            file[file.size() - 3] ^= 0x01; // inside the last field's value, so it still parses
        }
        std::size_t offset = static_cast<std::size_t>(((apdu[2] & 0x7F) << 8) | apdu[3]);
        if (offset > file.size()) {
            return protectResponse({}, sw::kWrongP1P2);
        }
        std::size_t count = std::min(le, file.size() - offset);
        auto chunk = std::span<const std::uint8_t>(file).subspan(offset, count);
        return protectResponse(chunk, count < le ? sw::kEndOfFile : sw::kOk);
    }
    if (ins == 0x88 && apdu[2] == 0x00 && apdu[3] == 0x00 && applicationSelected_) {
        return internalAuthenticate(data);
    }
    return protectResponse({}, sw::kInsNotSupported);
}

Bytes SimulatedIcaoCard::internalAuthenticate(std::span<const std::uint8_t> challenge) {
    if (!image_.activeAuthKey || faults_.refuseActiveAuth) {
        return protectResponse({}, sw::kInsNotSupported);
    }
    if (challenge.size() != kActiveAuthChallengeLength) {
        return protectResponse({}, sw::kWrongLength);
    }
    EVP_PKEY* key = image_.activeAuthKey.get();
    if (faults_.clonedChip) {
        if (!cloneKey_) {
            bool rsa = EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA;
            cloneKey_.reset(rsa ? EVP_RSA_gen(EVP_PKEY_get_bits(key)) : EVP_EC_gen("P-256"),
                            EVP_PKEY_free);
        }
        key = cloneKey_.get();
    }
    auto signature = signActiveAuthChallenge(key, challenge, image_.activeAuthDigest);
    if (!signature) {
        return protectResponse({}, 0x6F00); // no precise diagnosis (ISO 7816-4)
    }
    return protectResponse(*signature, sw::kOk);
}

Bytes SimulatedIcaoCard::manageSecurityEnvironment(std::span<const std::uint8_t> data) {
    paceStep_ = 0;
    auto objects = parseTlvList(data);
    const Tlv* protocol = objects ? findTlv(*objects, 0x80) : nullptr;
    const Tlv* reference = objects ? findTlv(*objects, 0x83) : nullptr;
    if (!image_.pace || faults_.refusePace || protocol == nullptr || reference == nullptr ||
        reference->value.size() != 1 ||
        !std::equal(protocol->value.begin(), protocol->value.end(), image_.pace->protocol.begin(),
                    image_.pace->protocol.end())) {
        return statusOnly(0x6A80); // incorrect parameters in the data field
    }
    passwordReference_ = reference->value[0];
    if (passwordReference_ != 1 && passwordReference_ != 2) {
        return statusOnly(0x6A80);
    }
    paceStep_ = 1;
    return statusOnly(sw::kOk);
}

Bytes SimulatedIcaoCard::generalAuthenticate(std::span<const std::uint8_t> data) {
    auto outer = parseTlv(data);
    auto inner = outer && outer->tag == 0x7C ? parseTlvList(outer->value)
                                             : Result<std::vector<Tlv>>(makeError("", ""));
    if (paceStep_ == 0 || !inner || !image_.pace) {
        paceStep_ = 0;
        return statusOnly(0x6985); // conditions of use not satisfied
    }
    auto curve = PaceCurve::forParameterId(image_.pace->parameterId);
    auto reply = [](std::uint32_t tag, ByteView value) {
        return withStatus(encodeTlv(0x7C, encodeTlv(tag, value)), sw::kOk);
    };
    auto fail = [this](std::uint16_t status) {
        paceStep_ = 0;
        return statusOnly(status);
    };
    switch (paceStep_) {
    case 1: {
        // Step 1: encrypt a fresh nonce under K_pi.
        std::string secret = passwordReference_ == 2 ? image_.pace->can : image_.mrzInformation;
        Bytes password = pacePasswordKey(
            passwordReference_ == 2 ? PacePassword::Can : PacePassword::Mrz, secret);
        Bytes kPi = deriveKey(password, KeyUse::Pace, KeyAlgorithm::Aes128);
        nonce_ = randomBytes(16);
        static constexpr std::uint8_t kZeroIv[16] = {};
        Bytes z = aesCbc(kPi, kZeroIv, nonce_, Direction::Encrypt);
        paceStep_ = 2;
        return reply(0x80, z);
    }
    case 2: {
        const Tlv* terminalMap = findTlv(*inner, 0x81);
        if (terminalMap == nullptr) {
            return fail(sw::kSmDataIncorrect);
        }
        Bytes mapSecret = curve->randomScalar();
        auto mapPublic = curve->multiplyGenerator(mapSecret);
        auto h = curve->multiply(mapSecret, terminalMap->value);
        if (!mapPublic || !h) {
            return fail(0x6A80);
        }
        auto generator = curve->mapGeneric(nonce_, *h);
        if (!generator) {
            return fail(0x6A80);
        }
        generator_ = *generator;
        paceStep_ = 3;
        return reply(0x82, *mapPublic);
    }
    case 3: {
        const Tlv* terminalPublic = findTlv(*inner, 0x83);
        if (terminalPublic == nullptr) {
            return fail(sw::kSmDataIncorrect);
        }
        Bytes secret = curve->randomScalar();
        auto ownPublic = curve->multiplyGenerator(secret, generator_);
        auto point = curve->multiply(secret, terminalPublic->value);
        if (!ownPublic || !point) {
            return fail(0x6A80);
        }
        Bytes shared = curve->xCoordinate(*point);
        ksEnc_ = deriveKey(shared, KeyUse::Enc, KeyAlgorithm::Aes128);
        ksMac_ = deriveKey(shared, KeyUse::Mac, KeyAlgorithm::Aes128);
        terminalPublic_.assign(terminalPublic->value.begin(), terminalPublic->value.end());
        cardPublic_ = *ownPublic;
        paceStep_ = 4;
        return reply(0x84, *ownPublic);
    }
    case 4: {
        const Tlv* token = findTlv(*inner, 0x85);
        Bytes expected = paceAuthenticationToken(ksMac_, image_.pace->protocol, cardPublic_);
        if (token == nullptr || !std::equal(token->value.begin(), token->value.end(),
                                            expected.begin(), expected.end())) {
            // Wrong password: the terminal's token cannot match (§4.4.3.5).
            return fail(sw::kAuthenticationFailed);
        }
        Bytes cardToken = paceAuthenticationToken(ksMac_, image_.pace->protocol, terminalPublic_);
        aes_ = true;
        ssc_.assign(16, 0);
        session_ = true;
        paceStep_ = 0;
        applicationSelected_ = false;
        return reply(0x86, cardToken);
    }
    default:
        return fail(0x6985);
    }
}

Bytes SimulatedIcaoCard::protectResponse(std::span<const std::uint8_t> data, std::uint16_t sw) {
    incrementSsc();
    ++protectedResponses_;
    Bytes objects;
    if (!data.empty()) {
        Bytes value{0x01};
        Bytes encrypted = sessionCipher(pad(data, blockSize()), Direction::Encrypt);
        value.insert(value.end(), encrypted.begin(), encrypted.end());
        objects = encodeTlv(0x87, value);
    }
    Bytes do99 = encodeTlv(0x99, statusOnly(sw));
    objects.insert(objects.end(), do99.begin(), do99.end());
    Bytes mac = sessionMac(objects);
    if (protectedResponses_ == faults_.corruptMacAtResponse) {
        mac[3] ^= 0x5A;
    }
    Bytes do8e = encodeTlv(0x8E, mac);
    objects.insert(objects.end(), do8e.begin(), do8e.end());
    return withStatus(objects, sw::kOk);
}

} // namespace kiosk::sim
