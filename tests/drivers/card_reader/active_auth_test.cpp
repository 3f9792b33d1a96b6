// Active Authentication byte by byte: INTERNAL AUTHENTICATE under secure messaging, RSA and ECDSA
// answers checked, and the simulated chip (original and cloned) read end to end.
#include "drivers/card_reader/hex.hpp"
#include "drivers/card_reader/icao/active_auth.hpp"
#include "drivers/card_reader/icao/lds.hpp"
#include "drivers/card_reader/icao/secure_messaging.hpp"
#include "drivers/card_reader/icao/tlv.hpp"
#include "drivers/card_reader/sim/chip_signer.hpp"
#include "tests/drivers/card_reader/sim_card_fixture.hpp"

#include <memory>
#include <openssl/evp.h>
#include <openssl/x509.h>

using kiosk::Bytes;
using kiosk::fromHex;

namespace {

// Computed independently with Python's `cryptography` package (3DES, the ISO 9797-1 retail MAC,
// ECDSA and raw RSA), which first reproduced the 9303-11 Appendix D.4 values: the session keys
// of Appendix D.3 with the SSC after D.4's third exchange (887022120C06C22C), challenge
// RND.IFD 0F1E2D3C4B5A6978.
constexpr const char* kAaChallenge = "0F1E2D3C4B5A6978";
constexpr const char* kAaKsEnc = "979EC13B1CBFE9DCD01AB0FED307EAE5";
constexpr const char* kAaKsMac = "F1CB1F1FB5ADF208806B89DC579DC1F8";
constexpr const char* kAaSsc = "887022120C06C22C";
constexpr const char* kAaCapdu = "0C8800002087110167B3DA0FE63D49E9C948E08BE25941029701008E0857748A"
                                 "1B25D9267300";
constexpr const char* kAaEcSpki = "3059301306072A8648CE3D020106082A8648CE3D030107034200041CC2BC7E8A"
                                  "005A97FD7D112C22D583AE25A74392AC7F467718B1480D2F2145C965C496D03A"
                                  "1F6ABD9A98E7064B0A0D5823A62300122E5D4927074A5E20F26B4C";
constexpr const char* kAaEcSig = "53FB0F01FE8E4416C34DE9E3AE3E84BB69ED84A3304A1BD7BEA0794045DF167A"
                                 "78D0DFA49EE926129B6A4010E1BBC39DDBC09C55708D9D5376F329B2F5C8491D";
constexpr const char* kAaEcRapdu =
    "874901E689AACB20090ECFA57DB3A85708DA67ADB3D08A38CCD03D703D29CCF5"
    "CC3DDDD4821465C165E51FF51349EFB6E390C3A74AEA792823DB69FBAF97DC2C"
    "CC30C956AE95B71F8B8842990290008E082B5884B8E0CB548C9000";
constexpr const char* kAaRsaSpki =
    "30819F300D06092A864886F70D010101050003818D0030818902818100D09ACD"
    "1CD6DC531BFFD19155B8FAC473CB241BC9BAD044F3CF0DA284FF868415305EDF"
    "02FF42A7ED95F521271B8D514E7DFD6746A17E3B521B7FE714F8EE36B5CC77C7"
    "88C2BD3ACBCAE4464107FC040C997C7687EF8DBA0B67660C6BAD5C58B1F0555C"
    "EAFE944796D683BCC922BC54018DB5E0E6F9C47AC304F37D0CF87C4C87020301"
    "0001";
constexpr const char* kAaRsaSig =
    "3514E132AEE18D022718A900644A8A9243DC3612632EE80EA1D3C6EBDE1D2F3C"
    "73B1EDC2D88116714B0210DE0F54BAB7FE84B6E7FC1537584873E1E1EF07041A"
    "5F1DD34DF42A4F81A5EC20F00AA4059BB68764326F09C584FFF006F99C1F022D"
    "F84F340526141884B1980A3227EE99CA3FCBCB46D38EB28C469AE0BCC8296A58";
kiosk::icao::SessionKeys workedExampleKeys() {
    return kiosk::icao::SessionKeys{kiosk::icao::SmCipher::TripleDes, fromHex(kAaKsEnc),
                                    fromHex(kAaKsMac), fromHex(kAaSsc)};
}

std::string hexOf(const Bytes& bytes) {
    return kiosk::toHex(bytes);
}

Bytes flipped(Bytes bytes, std::size_t at) {
    bytes[at] ^= 0x01;
    return bytes;
}

struct AaKeyFree {
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};

Bytes publicKeyInfoOf(EVP_PKEY* key) {
    int length = i2d_PUBKEY(key, nullptr);
    Bytes out(static_cast<std::size_t>(length));
    unsigned char* p = out.data();
    i2d_PUBKEY(key, &p);
    return out;
}

} // namespace

TEST_CASE("INTERNAL AUTHENTICATE is protected byte for byte as 9303-11 secure messaging says",
          "[card]") {
    using namespace kiosk::icao;
    Bytes challenge = fromHex(kAaChallenge);
    CHECK(hexOf(internalAuthenticate(challenge).encode()) == "008800000"
                                                             "80F1E2D3C4B5A697800");
    SecureMessaging sm(workedExampleKeys());
    CHECK(hexOf(sm.protect(internalAuthenticate(challenge)).encode()) == kAaCapdu);
}

TEST_CASE("an ECDSA chip's protected answer unwraps to r||s that verifies with its DG15 key",
          "[card]") {
    using namespace kiosk::icao;
    Bytes challenge = fromHex(kAaChallenge);
    SecureMessaging sm(workedExampleKeys());
    sm.protect(internalAuthenticate(challenge));
    auto response = kiosk::parseResponseApdu(fromHex(kAaEcRapdu));
    REQUIRE(response);
    auto plain = sm.unprotect(*response);
    REQUIRE(plain);
    CHECK(plain->ok());
    CHECK(hexOf(plain->data) == kAaEcSig);

    Bytes dg15 = encodeTlv(0x6F, fromHex(kAaEcSpki));
    auto key = activeAuthPublicKey(dg15);
    REQUIRE(key);
    CHECK(hexOf(*key) == kAaEcSpki);
    auto good = verifyActiveAuthSignature(*key, challenge, plain->data, "SHA256");
    REQUIRE(good);
    CHECK(good->valid);
    CHECK(good->algorithm == "ECDSA prime256v1 SHA256");
    // Without DG14's announcement the usual hashes are tried; SHA-256 is among them.
    auto guessed = verifyActiveAuthSignature(*key, challenge, plain->data, "");
    REQUIRE(guessed);
    CHECK(guessed->valid);

    SECTION("a wrong signature, another challenge, another hash or DER instead of plain fail") {
        for (std::size_t at : {std::size_t{0}, std::size_t{31}, std::size_t{32}, std::size_t{63}}) {
            auto wrong =
                verifyActiveAuthSignature(*key, challenge, flipped(plain->data, at), "SHA256");
            REQUIRE(wrong);
            CHECK_FALSE(wrong->valid);
            CHECK_FALSE(wrong->reason.empty());
        }
        auto replay = verifyActiveAuthSignature(*key, flipped(challenge, 7), plain->data, "SHA256");
        REQUIRE(replay);
        CHECK_FALSE(replay->valid);
        auto otherHash = verifyActiveAuthSignature(*key, challenge, plain->data, "SHA384");
        REQUIRE(otherHash);
        CHECK_FALSE(otherHash->valid);
        Bytes truncated(plain->data.begin(), plain->data.end() - 1);
        auto shortSignature = verifyActiveAuthSignature(*key, challenge, truncated, "SHA256");
        REQUIRE(shortSignature);
        CHECK_FALSE(shortSignature->valid);
    }
    SECTION("a MAC broken in transit is caught before the signature is looked at") {
        SecureMessaging again(workedExampleKeys());
        again.protect(internalAuthenticate(challenge));
        Bytes bytes = fromHex(kAaEcRapdu);
        bytes[10] ^= 0x01; // inside DO'87'
        auto broken = again.unprotect(*kiosk::parseResponseApdu(bytes));
        CHECK_FALSE(broken);
    }
}

TEST_CASE("an RSA chip's ISO/IEC 9796-2 signature verifies, and a wrong one does not", "[card]") {
    using namespace kiosk::icao;
    Bytes challenge = fromHex(kAaChallenge);
    Bytes key = fromHex(kAaRsaSpki);
    Bytes signature = fromHex(kAaRsaSig);
    auto good = verifyActiveAuthSignature(key, challenge, signature, "");
    REQUIRE(good);
    CHECK(good->valid);
    CHECK(good->algorithm == "RSA-1024 ISO/IEC 9796-2 SHA1");

    auto wrong = verifyActiveAuthSignature(key, challenge, flipped(signature, 100), "");
    REQUIRE(wrong);
    CHECK_FALSE(wrong->valid);
    auto replay = verifyActiveAuthSignature(key, flipped(challenge, 0), signature, "");
    REQUIRE(replay);
    CHECK_FALSE(replay->valid);
    CHECK(replay->reason == "the chip's signature does not cover this challenge");
}

TEST_CASE("the simulated chip signs as a real one: 6A..BC under RSA, 64-byte r||s under P-256",
          "[card]") {
    using namespace kiosk::icao;
    Bytes challenge = fromHex(kAaChallenge);
    SECTION("RSA") {
        std::unique_ptr<EVP_PKEY, AaKeyFree> key(EVP_RSA_gen(1024));
        REQUIRE(key);
        auto signature = kiosk::sim::signActiveAuthChallenge(key.get(), challenge, "");
        REQUIRE(signature);
        REQUIRE(signature->size() == 128);
        // Raise it to the public exponent here, independently of the verifier.
        std::unique_ptr<EVP_PKEY_CTX, void (*)(EVP_PKEY_CTX*)> ctx(
            EVP_PKEY_CTX_new(key.get(), nullptr), EVP_PKEY_CTX_free);
        REQUIRE(EVP_PKEY_verify_recover_init(ctx.get()) == 1);
        REQUIRE(EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_NO_PADDING) == 1);
        Bytes f(128);
        std::size_t length = f.size();
        REQUIRE(EVP_PKEY_verify_recover(ctx.get(), f.data(), &length, signature->data(),
                                        signature->size()) == 1);
        REQUIRE(length == 128);
        CHECK(f.front() == 0x6A);
        CHECK(f.back() == 0xBC);
        Bytes m(f.begin() + 1, f.end() - 21);
        m.insert(m.end(), challenge.begin(), challenge.end());
        CHECK(Bytes(f.end() - 21, f.end() - 1) == sha1(m));
        auto check =
            verifyActiveAuthSignature(publicKeyInfoOf(key.get()), challenge, *signature, "");
        REQUIRE(check);
        CHECK(check->valid);
    }
    SECTION("ECDSA") {
        std::unique_ptr<EVP_PKEY, AaKeyFree> key(EVP_EC_gen("P-256"));
        auto signature = kiosk::sim::signActiveAuthChallenge(key.get(), challenge, "SHA256");
        REQUIRE(signature);
        CHECK(signature->size() == 64); // r then s, 32 bytes each: not DER (70 to 72 bytes)
        auto check =
            verifyActiveAuthSignature(publicKeyInfoOf(key.get()), challenge, *signature, "SHA256");
        REQUIRE(check);
        CHECK(check->valid);
        std::unique_ptr<EVP_PKEY, AaKeyFree> other(EVP_EC_gen("P-256"));
        auto foreign = verifyActiveAuthSignature(publicKeyInfoOf(other.get()), challenge,
                                                 *signature, "SHA256");
        REQUIRE(foreign);
        CHECK_FALSE(foreign->valid);
    }
}

TEST_CASE("DG14's ActiveAuthenticationInfo names the ECDSA hash: DG15 must hold a key", "[card]") {
    using namespace kiosk::icao;
    // A hand-made SecurityInfos with one ActiveAuthenticationInfo (ecdsa-plain-SHA384).
    Bytes oidAa = fromHex("06066781080101"
                          "05");
    Bytes oidPlainSha384 = fromHex("060A04007F000701010401"
                                   "04");
    Bytes info = encodeTlv(0x30, [&] {
        Bytes body = oidAa;
        Bytes version = fromHex("020101");
        body.insert(body.end(), version.begin(), version.end());
        body.insert(body.end(), oidPlainSha384.begin(), oidPlainSha384.end());
        return body;
    }());
    CHECK(activeAuthDigestFromDg14(encodeTlv(0x6E, encodeTlv(0x31, info))) == "SHA384");
    CHECK(activeAuthDigestFromDg14(fromHex("6E00")) == "");
    CHECK(activeAuthDigestFromDg14(fromHex("6E0531033001FF")) == "");
    CHECK_FALSE(activeAuthPublicKey(fromHex("6F03020101")));
    CHECK_FALSE(activeAuthPublicKey(fromHex("6E00")));
}

namespace {

// One simulated reader with a shipped resident's card and a trust store holding its CSCA.
struct AaRig {
    kiosk::sim::CardProfile profile;
    kiosk::sim::SimulatedReader sim;
    std::unique_ptr<kiosk::testing::TrustStore> trust;

    explicit AaRig(const std::string& name, const std::string& activeAuthKey = "") {
        profile = kiosk::testing::loadProfile(name);
        if (!activeAuthKey.empty()) {
            profile.activeAuthKey = activeAuthKey;
        }
        auto made = kiosk::sim::makeSimulatedReader(profile);
        REQUIRE(made);
        sim = std::move(*made);
        trust = std::make_unique<kiosk::testing::TrustStore>(sim.pki, "aa-" + name);
    }
    kiosk::sim::CardFaults& faults() { return sim.transport->card()->faults(); }
    kiosk::Result<kiosk::icao::CardData> read() {
        kiosk::icao::ReadOptions options;
        options.trustStore = trust->path();
        return kiosk::icao::readIdCard(*sim.reader, kiosk::testing::accessKeyFor(profile), options);
    }
};

} // namespace

TEST_CASE("every shipped resident's original chip passes Active Authentication: genuine",
          "[card]") {
    using namespace kiosk::icao;
    for (const auto& name : kiosk::sim::listCardProfiles(kiosk::testing::cardProfileDirectory())) {
        INFO(name);
        AaRig rig(name);
        auto data = rig.read();
        REQUIRE(data);
        CHECK(data->passiveAuth.outcome == PassiveAuthOutcome::Verified);
        CHECK(data->activeAuth.outcome == ActiveAuthOutcome::Passed);
        CHECK(data->activeAuth.reason.empty());
        CHECK(data->activeAuth.algorithm == (rig.profile.activeAuthKey == "rsa"
                                                 ? "RSA-1024 ISO/IEC 9796-2 SHA1"
                                                 : "ECDSA prime256v1 SHA256"));
        CHECK(cardAuthenticity(*data) == CardAuthenticity::Genuine);
    }
}

TEST_CASE("a cloned chip fails Active Authentication and is never called genuine", "[card]") {
    using namespace kiosk::icao;
    for (const char* name : {"nguyen-thi-anh-tuyet", "tran-van-duc"}) { // ECDSA/PACE, RSA/BAC
        INFO(name);
        AaRig rig(name);
        rig.faults().clonedChip = true;
        auto data = rig.read();
        REQUIRE(data);
        // The copied data is the issuer's and verifies; only the chip gives the copy away.
        CHECK(data->passiveAuth.outcome == PassiveAuthOutcome::Verified);
        CHECK(data->hasPersonalData);
        CHECK(data->activeAuth.outcome == ActiveAuthOutcome::Failed);
        // ECDSA: the signature does not verify; RSA: what the foreign key "recovers" is noise.
        CHECK_FALSE(data->activeAuth.reason.empty());
        CHECK(cardAuthenticity(*data) == CardAuthenticity::ChipNotProven);
        CHECK(cardAuthenticityName(cardAuthenticity(*data)) == "chip_not_proven");
    }
    SECTION("a chip that refuses INTERNAL AUTHENTICATE has proven nothing") {
        AaRig rig("pham-quang-vinh");
        rig.faults().refuseActiveAuth = true;
        auto data = rig.read();
        REQUIRE(data);
        CHECK(data->activeAuth.outcome == ActiveAuthOutcome::Failed);
        CHECK(data->activeAuth.reason == "the chip refused INTERNAL AUTHENTICATE (SW 6D00)");
        CHECK(cardAuthenticity(*data) == CardAuthenticity::ChipNotProven);
    }
    SECTION("a chip hiding DG15 cannot dodge the check: the signed SOD lists it") {
        AaRig rig("pham-quang-vinh");
        rig.faults().selectStatus[dataGroupFileId(15)] = 0x6A82;
        auto data = rig.read();
        REQUIRE(data);
        CHECK(data->file(15) == nullptr);
        CHECK(data->activeAuth.outcome == ActiveAuthOutcome::Failed);
        CHECK(cardAuthenticity(*data) == CardAuthenticity::ChipNotProven);
    }
}

TEST_CASE("a chip without an Active Authentication key reads as signed by the issuer only",
          "[card]") {
    using namespace kiosk::icao;
    AaRig rig("ha-thi-mai", "none");
    auto data = rig.read();
    REQUIRE(data);
    CHECK(data->file(15) == nullptr);
    CHECK(data->passiveAuth.outcome == PassiveAuthOutcome::Verified);
    CHECK(data->activeAuth.outcome == ActiveAuthOutcome::NotOffered);
    CHECK(cardAuthenticity(*data) == CardAuthenticity::IssuerSigned);
}

TEST_CASE("Active Authentication needs a proven DG15: an unknown issuer is not genuine", "[card]") {
    using namespace kiosk::icao;
    AaRig rig("pham-quang-vinh");
    kiosk::icao::ReadOptions noStore;
    auto data = readIdCard(*rig.sim.reader, kiosk::testing::accessKeyFor(rig.profile), noStore);
    REQUIRE(data);
    CHECK(data->passiveAuth.outcome == PassiveAuthOutcome::UnknownIssuer);
    // The chip holds the DG15 key, but anyone can make a chip that matches their own SOD.
    CHECK(data->activeAuth.outcome == ActiveAuthOutcome::Passed);
    CHECK(cardAuthenticity(*data) == CardAuthenticity::UnknownIssuer);
}
