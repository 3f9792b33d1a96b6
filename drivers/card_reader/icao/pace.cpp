// PACE (ECDH generic mapping, AES): EF.CardAccess parsing and the terminal side of the protocol.
#include "drivers/card_reader/icao/pace.hpp"

#include "drivers/card_reader/apdu.hpp"
#include "drivers/card_reader/icao/pace_curve.hpp"
#include "drivers/card_reader/icao/tlv.hpp"

namespace kiosk::icao {
namespace {

constexpr std::uint8_t kPaceEcdhGmPrefix[] = {0x04, 0x00, 0x7F, 0x00, 0x07, 0x02, 0x02, 0x04, 0x02};

int smallInteger(const Tlv& tlv) {
    int value = 0;
    for (auto byte : tlv.value) {
        value = (value << 8) | byte;
    }
    return tlv.value.size() <= 2 ? value : -1;
}

Bytes concat(ByteView a, ByteView b) {
    Bytes out(a.begin(), a.end());
    out.insert(out.end(), b.begin(), b.end());
    return out;
}

// One GENERAL AUTHENTICATE step: 7C { tag value } out, 7C { expected } back (§4.4.4.2).
Result<Bytes> generalAuthenticate(CardReader& reader, bool last, std::uint32_t tag, ByteView value,
                                  std::uint32_t expected) {
    Bytes inner = tag == 0 ? Bytes{} : encodeTlv(tag, value);
    CommandApdu command{static_cast<std::uint8_t>(last ? 0x00 : 0x10),
                        0x86,
                        0x00,
                        0x00,
                        encodeTlv(0x7C, inner),
                        kLeMaxShort};
    auto answer = exchangeApdu(reader, command);
    if (!answer) {
        return answer.error();
    }
    if (!answer->ok()) {
        // 6300 on the last step: the tokens did not match, i.e. the password is wrong.
        if (last || answer->sw1() == 0x63) {
            return makeError(pace_error::kRefused, "card refused the PACE password");
        }
        return makeError(pace_error::kFailed, "card refused a GENERAL AUTHENTICATE step");
    }
    auto outer = parseTlv(answer->data);
    if (!outer || outer->tag != 0x7C) {
        return makeError(pace_error::kMalformed, "GENERAL AUTHENTICATE answer is not 7C");
    }
    auto objects = parseTlvList(outer->value);
    const Tlv* object = objects ? findTlv(*objects, expected) : nullptr;
    if (object == nullptr) {
        return makeError(pace_error::kMalformed, "GENERAL AUTHENTICATE answer lacks its object");
    }
    return Bytes(object->value.begin(), object->value.end());
}

} // namespace

Bytes paceProtocolOid(KeyAlgorithm algorithm) {
    Bytes oid(std::begin(kPaceEcdhGmPrefix), std::end(kPaceEcdhGmPrefix));
    oid.push_back(algorithm == KeyAlgorithm::Aes256   ? 0x04
                  : algorithm == KeyAlgorithm::Aes192 ? 0x03
                                                      : 0x02);
    return oid;
}

Result<std::vector<PaceInfo>> parseCardAccess(std::span<const std::uint8_t> cardAccess) {
    auto set = parseTlv(cardAccess);
    if (!set || set->tag != 0x31) {
        return makeError(pace_error::kMalformed, "EF.CardAccess is not a SET of SecurityInfos");
    }
    auto infos = parseTlvList(set->value);
    if (!infos) {
        return makeError(pace_error::kMalformed, "EF.CardAccess SecurityInfos are malformed");
    }
    std::vector<PaceInfo> usable;
    for (const auto& info : *infos) {
        auto parts = info.tag == 0x30 ? parseTlvList(info.value)
                                      : Result<std::vector<Tlv>>(makeError("", ""));
        if (!parts || parts->size() < 3 || (*parts)[0].tag != 0x06 || (*parts)[1].tag != 0x02 ||
            (*parts)[2].tag != 0x02) {
            continue;
        }
        const auto& oid = (*parts)[0].value;
        if (oid.size() != sizeof kPaceEcdhGmPrefix + 1 ||
            !std::equal(std::begin(kPaceEcdhGmPrefix), std::end(kPaceEcdhGmPrefix), oid.begin())) {
            continue;
        }
        PaceInfo pace;
        pace.protocol.assign(oid.begin(), oid.end());
        pace.version = smallInteger((*parts)[1]);
        pace.parameterId = smallInteger((*parts)[2]);
        switch (oid.back()) {
        case 0x02:
            pace.keyAlgorithm = KeyAlgorithm::Aes128;
            break;
        case 0x03:
            pace.keyAlgorithm = KeyAlgorithm::Aes192;
            break;
        case 0x04:
            pace.keyAlgorithm = KeyAlgorithm::Aes256;
            break;
        default:
            continue; // 3DES generic mapping: BAC-era keys, not offered here
        }
        if (pace.version == 2 && PaceCurve::forParameterId(pace.parameterId)) {
            usable.push_back(std::move(pace));
        }
    }
    return usable;
}

bool paceParametersAmbiguous(const std::vector<PaceInfo>& infos) {
    for (const auto& info : infos) {
        if (info.parameterId != infos.front().parameterId) {
            return true;
        }
    }
    return false;
}

Bytes pacePasswordKey(PacePassword kind, std::string_view secret) {
    ByteView bytes(reinterpret_cast<const std::uint8_t*>(secret.data()), secret.size());
    if (kind == PacePassword::Mrz) {
        return sha1(bytes);
    }
    return Bytes(bytes.begin(), bytes.end());
}

Bytes paceAuthenticationToken(ByteView ksMac, ByteView protocol, ByteView publicPoint) {
    Bytes input =
        encodeTlv(0x7F49, concat(encodeTlv(0x06, protocol), encodeTlv(0x86, publicPoint)));
    Bytes token = aesCmac(ksMac, input);
    token.resize(8);
    return token;
}

Result<SessionKeys> performPace(CardReader& reader, const PaceInfo& info, PacePassword kind,
                                ByteView passwordKey, const RandomSource& scalars,
                                bool sendParameterId) {
    auto curve = PaceCurve::forParameterId(info.parameterId);
    if (!curve) {
        return makeError(pace_error::kFailed, "PACE domain parameters not supported");
    }
    auto scalar = [&]() { return scalars ? scalars(curve->fieldSize()) : curve->randomScalar(); };

    // §4.4.4.1 MSE:Set AT: 80 protocol OID, 83 password reference, 84 parameter ID.
    Bytes setAt = encodeTlv(0x80, info.protocol);
    Bytes reference = encodeTlv(0x83, Bytes{static_cast<std::uint8_t>(kind)});
    setAt.insert(setAt.end(), reference.begin(), reference.end());
    if (sendParameterId) {
        Bytes parameter = encodeTlv(0x84, Bytes{static_cast<std::uint8_t>(info.parameterId)});
        setAt.insert(setAt.end(), parameter.begin(), parameter.end());
    }
    auto set = exchangeApdu(reader, CommandApdu{0x00, 0x22, 0xC1, 0xA4, setAt, std::nullopt});
    if (!set) {
        return set.error();
    }
    if (!set->ok()) {
        return makeError(pace_error::kFailed, "card refused MSE:Set AT for PACE");
    }

    // Step 1: the encrypted nonce, decrypted with K_pi = KDF(password, 3).
    auto z = generalAuthenticate(reader, false, 0, {}, 0x80);
    if (!z) {
        return z.error();
    }
    if (z->empty() || z->size() % 16 != 0) {
        return makeError(pace_error::kMalformed, "encrypted nonce has a wrong length");
    }
    Bytes kPi = deriveKey(passwordKey, KeyUse::Pace, info.keyAlgorithm);
    static constexpr std::uint8_t kZeroIv[16] = {};
    Bytes nonce = aesCbc(kPi, kZeroIv, *z, Direction::Decrypt);
    wipeBytes(kPi);

    // Step 2: generic mapping.
    Bytes mapSecret = scalar();
    auto mapPublic = curve->multiplyGenerator(mapSecret);
    if (!mapPublic) {
        return mapPublic.error();
    }
    auto cardMapPublic = generalAuthenticate(reader, false, 0x81, *mapPublic, 0x82);
    if (!cardMapPublic) {
        return cardMapPublic.error();
    }
    auto shared = curve->multiply(mapSecret, *cardMapPublic);
    wipeBytes(mapSecret);
    if (!shared) {
        return makeError(pace_error::kMalformed, shared.error().message);
    }
    auto generator = curve->mapGeneric(nonce, *shared);
    wipeBytes(nonce);
    if (!generator) {
        return makeError(pace_error::kMalformed, generator.error().message);
    }

    // Step 3: key agreement on the mapped generator.
    Bytes agreementSecret = scalar();
    auto ownPublic = curve->multiplyGenerator(agreementSecret, *generator);
    if (!ownPublic) {
        return ownPublic.error();
    }
    auto cardPublic = generalAuthenticate(reader, false, 0x83, *ownPublic, 0x84);
    if (!cardPublic) {
        return cardPublic.error();
    }
    if (*cardPublic == *ownPublic) {
        return makeError(pace_error::kMalformed, "card echoed our ephemeral key"); // §4.4.3.4
    }
    auto point = curve->multiply(agreementSecret, *cardPublic);
    wipeBytes(agreementSecret);
    if (!point) {
        return makeError(pace_error::kMalformed, point.error().message);
    }
    Bytes secret = curve->xCoordinate(*point);
    SessionKeys keys;
    keys.cipher = SmCipher::Aes;
    keys.kEnc = deriveKey(secret, KeyUse::Enc, info.keyAlgorithm);
    keys.kMac = deriveKey(secret, KeyUse::Mac, info.keyAlgorithm);
    keys.ssc.assign(16, 0); // §9.8.7.3: SSC starts at zero after PACE
    wipeBytes(secret);

    // Step 4: mutual authentication tokens over the other side's public key.
    Bytes ownToken = paceAuthenticationToken(keys.kMac, info.protocol, *cardPublic);
    auto cardToken = generalAuthenticate(reader, true, 0x85, ownToken, 0x86);
    if (!cardToken) {
        return cardToken.error();
    }
    if (*cardToken != paceAuthenticationToken(keys.kMac, info.protocol, *ownPublic)) {
        return makeError(pace_error::kMalformed, "card's PACE authentication token is wrong");
    }
    return keys;
}

} // namespace kiosk::icao
