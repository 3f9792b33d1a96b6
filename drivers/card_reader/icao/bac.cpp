// ICAO 9303-11 Basic Access Control.
#include "drivers/card_reader/icao/bac.hpp"

#include "drivers/card_reader/apdu.hpp"

#include <algorithm>

namespace kiosk::icao {

BacKeys::~BacKeys() {
    wipeBytes(kEnc);
    wipeBytes(kMac);
}

Bytes bacKeySeed(std::string_view mrzInformation) {
    Bytes seed = sha1(ByteView(reinterpret_cast<const std::uint8_t*>(mrzInformation.data()),
                               mrzInformation.size()));
    seed.resize(16);
    return seed;
}

BacKeys deriveBacKeys(std::string_view mrzInformation) {
    Bytes seed = bacKeySeed(mrzInformation);
    BacKeys keys;
    keys.kEnc = deriveKey(seed, KeyUse::Enc, KeyAlgorithm::TripleDes);
    keys.kMac = deriveKey(seed, KeyUse::Mac, KeyAlgorithm::TripleDes);
    wipeBytes(seed);
    return keys;
}

Bytes bacAuthenticationData(const BacKeys& keys, ByteView rndIc, ByteView rndIfd, ByteView kIfd) {
    Bytes s(rndIfd.begin(), rndIfd.end());
    s.insert(s.end(), rndIc.begin(), rndIc.end());
    s.insert(s.end(), kIfd.begin(), kIfd.end());
    Bytes eIfd = tripleDesCbc(keys.kEnc, s, Direction::Encrypt);
    Bytes mIfd = retailMac(keys.kMac, pad(eIfd, 8));
    wipeBytes(s);
    eIfd.insert(eIfd.end(), mIfd.begin(), mIfd.end());
    return eIfd;
}

Result<SessionKeys> bacSessionKeys(const BacKeys& keys, ByteView rndIc, ByteView rndIfd,
                                   ByteView kIfd, ByteView cardAnswer) {
    if (cardAnswer.size() != 40) {
        return makeError(bac_error::kCardCryptogram,
                         "EXTERNAL AUTHENTICATE answer is not 40 bytes");
    }
    ByteView eIc = cardAnswer.first(32);
    Bytes mIc = retailMac(keys.kMac, pad(eIc, 8));
    if (!std::equal(mIc.begin(), mIc.end(), cardAnswer.begin() + 32)) {
        return makeError(bac_error::kCardCryptogram, "card's authentication MAC does not verify");
    }
    Bytes r = tripleDesCbc(keys.kEnc, eIc, Direction::Decrypt);
    // R = RND.IC || RND.IFD || K.IC; the card must echo our nonce.
    if (!std::equal(rndIc.begin(), rndIc.end(), r.begin()) ||
        !std::equal(rndIfd.begin(), rndIfd.end(), r.begin() + 8)) {
        wipeBytes(r);
        return makeError(bac_error::kCardCryptogram, "card did not return our challenge");
    }
    Bytes seed(16);
    for (std::size_t i = 0; i < 16; ++i) {
        seed[i] = static_cast<std::uint8_t>(kIfd[i] ^ r[16 + i]);
    }
    SessionKeys session;
    session.cipher = SmCipher::TripleDes;
    session.kEnc = deriveKey(seed, KeyUse::Enc, KeyAlgorithm::TripleDes);
    session.kMac = deriveKey(seed, KeyUse::Mac, KeyAlgorithm::TripleDes);
    // §9.8.6.3: SSC = 4 least significant bytes of RND.IC || 4 of RND.IFD.
    session.ssc.assign(rndIc.begin() + 4, rndIc.begin() + 8);
    session.ssc.insert(session.ssc.end(), rndIfd.begin() + 4, rndIfd.begin() + 8);
    wipeBytes(seed);
    wipeBytes(r);
    return session;
}

Result<SessionKeys> performBac(CardReader& reader, std::string_view mrzInformation,
                               const RandomSource& random) {
    BacKeys keys = deriveBacKeys(mrzInformation);
    auto challenge = exchangeApdu(reader, CommandApdu{0x00, 0x84, 0x00, 0x00, {}, 8});
    if (!challenge) {
        return challenge.error();
    }
    if (!challenge->ok() || challenge->data.size() != 8) {
        return makeError(bac_error::kCardCryptogram, "GET CHALLENGE refused by the card");
    }
    Bytes rndIfd = random(8);
    Bytes kIfd = random(16);
    if (rndIfd.size() != 8 || kIfd.size() != 16) {
        return makeError("bac.random", "no random numbers available");
    }
    CommandApdu authenticate{
        0x00, 0x82, 0x00, 0x00, bacAuthenticationData(keys, challenge->data, rndIfd, kIfd), 40};
    auto answer = exchangeApdu(reader, authenticate);
    if (!answer) {
        return answer.error();
    }
    if (!answer->ok()) {
        // 6300 (or 6982 on some cards): the cryptogram did not decrypt under the card's keys,
        // which is what a mistyped document number or date looks like.
        return makeError(bac_error::kRefused, "card refused the access key");
    }
    auto session = bacSessionKeys(keys, challenge->data, rndIfd, kIfd, answer->data);
    wipeBytes(kIfd);
    return session;
}

} // namespace kiosk::icao
