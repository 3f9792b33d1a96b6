// ICAO Doc 9303 Part 11 Appendix G.1: PACE, ECDH generic mapping, brainpoolP256r1, AES-128.
// https://www.icao.int/publications/Documents/9303_p11_cons_en.pdf
#include "drivers/card_reader/apdu.hpp"
#include "drivers/card_reader/hex.hpp"
#include "drivers/card_reader/icao/mrz.hpp"
#include "drivers/card_reader/icao/pace.hpp"
#include "drivers/card_reader/icao/pace_curve.hpp"

#include <catch2/catch.hpp>
#include <deque>

using namespace kiosk;
using namespace kiosk::icao;

namespace {

constexpr const char* kSkMapIfd =
    "7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99";
constexpr const char* kPkMapIfd =
    "047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E"
    "544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D";
constexpr const char* kPkMapIc =
    "04824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F57"
    "30D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54";
constexpr const char* kH = "0460332EF2450B5D247EF6D3868397D398852ED6E8CAF6FFEEF6BF85CA57057FD5"
                           "0840CA7415BAF3E43BD414D35AA4608B93A2CAF3A4E3EA4E82C9C13D03EB7181";
constexpr const char* kMappedG =
    "048CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E2"
    "8C879506743F8611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522";
constexpr const char* kSkDhIfd = "A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595";
constexpr const char* kPkDhIfd =
    "042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C"
    "3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462";
constexpr const char* kPkDhIc = "049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB"
                                "7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094";

class PaceWorkedExampleScriptedReader final : public CardReader {
public:
    std::deque<std::pair<std::string, std::string>> script;
    ReaderState state() override { return ReaderState::CardPresent; }
    Result<Bytes> powerOn() override { return Bytes{}; }
    Result<Bytes> transmit(std::span<const std::uint8_t> apdu) override {
        REQUIRE_FALSE(script.empty());
        CHECK(toHex(apdu) == script.front().first);
        Bytes answer = fromHex(script.front().second);
        script.pop_front();
        return answer;
    }
    Status powerOff() override { return ok(); }
    ReaderCapabilities capabilities() const override { return {}; }
};

PaceInfo workedExampleInfo() {
    auto infos = parseCardAccess(fromHex("31143012060A04007F0007020204020202010202010D"));
    REQUIRE(infos);
    REQUIRE(infos->size() == 1);
    return infos->front();
}

std::string mrzInformation() {
    return bacMrzInformation("T22000129", "640812", "101031");
}

} // namespace

TEST_CASE("EF.CardAccess of the worked example offers ECDH-GM-AES-128 on brainpoolP256r1",
          "[icao]") {
    PaceInfo info = workedExampleInfo();
    CHECK(toHex(info.protocol) == "04007F00070202040202");
    CHECK(info.version == 2);
    CHECK(info.parameterId == 13);
    CHECK(info.keyAlgorithm == KeyAlgorithm::Aes128);
    CHECK(parseCardAccess(fromHex("3100"))->empty());
    CHECK_FALSE(parseCardAccess(fromHex("3012")));
}

TEST_CASE("PACE password key, nonce and generic mapping match Appendix G.1", "[icao]") {
    CHECK(mrzInformation() == "T22000129364081251010318");
    Bytes k = pacePasswordKey(PacePassword::Mrz, mrzInformation());
    CHECK(toHex(k) == "7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD");
    Bytes kPi = deriveKey(k, KeyUse::Pace, KeyAlgorithm::Aes128);
    CHECK(toHex(kPi) == "89DED1B26624EC1E634C1989302849DD");
    Bytes iv(16, 0);
    CHECK(toHex(aesCbc(kPi, iv, fromHex("95A3A016522EE98D01E76CB6B98B42C3"), Direction::Decrypt)) ==
          "3F00C4D39D153F2B2A214A078D899B22");

    auto curve = PaceCurve::forParameterId(13);
    REQUIRE(curve);
    CHECK(toHex(*curve->multiplyGenerator(fromHex(kSkMapIfd))) == kPkMapIfd);
    auto h = curve->multiply(fromHex(kSkMapIfd), fromHex(kPkMapIc));
    REQUIRE(h);
    CHECK(toHex(*h) == kH);
    auto mapped = curve->mapGeneric(fromHex("3F00C4D39D153F2B2A214A078D899B22"), *h);
    REQUIRE(mapped);
    CHECK(toHex(*mapped) == kMappedG);
    CHECK(toHex(*curve->multiplyGenerator(fromHex(kSkDhIfd), *mapped)) == kPkDhIfd);
    auto shared = curve->multiply(fromHex(kSkDhIfd), fromHex(kPkDhIc));
    REQUIRE(shared);
    CHECK(toHex(curve->xCoordinate(*shared)) ==
          "28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925");
    CHECK_FALSE(curve->multiply(fromHex(kSkDhIfd), fromHex("04" + std::string(128, '1'))));
}

TEST_CASE("PACE over a scripted card sends the Appendix G.1 APDUs byte for byte", "[icao]") {
    PaceWorkedExampleScriptedReader reader;
    reader.script = {
        {"0022C1A40F800A04007F00070202040202830101", "9000"},
        {"10860000027C0000", "7C12801095A3A016522EE98D01E76CB6B98B42C39000"},
        {std::string("10860000457C438141") + kPkMapIfd + "00",
         std::string("7C438241") + kPkMapIc + "9000"},
        {std::string("10860000457C438341") + kPkDhIfd + "00",
         std::string("7C438441") + kPkDhIc + "9000"},
        {"008600000C7C0A8508C2B0BD78D94BA86600", "7C0A86083ABB9674BCE93C089000"},
    };
    std::deque<Bytes> scalars{fromHex(kSkMapIfd), fromHex(kSkDhIfd)};
    Bytes password = pacePasswordKey(PacePassword::Mrz, mrzInformation());
    auto keys =
        performPace(reader, workedExampleInfo(), PacePassword::Mrz, password, [&](std::size_t) {
            Bytes next = scalars.front();
            scalars.pop_front();
            return next;
        });
    REQUIRE(keys);
    CHECK(reader.script.empty());
    CHECK(keys->cipher == SmCipher::Aes);
    CHECK(toHex(keys->kEnc) == "F5F0E35C0D7161EE6724EE513A0D9A7F");
    CHECK(toHex(keys->kMac) == "FE251C7858B356B24514B3BD5F4297D1");
    CHECK(toHex(keys->ssc) == std::string(32, '0'));

    // The first protected command under these keys: SELECT of the eMRTD application.
    SecureMessaging sm(std::move(*keys));
    CommandApdu select =
        sm.protect({0x00, 0xA4, 0x04, 0x0C, fromHex("A0000002471001"), std::nullopt});
    CHECK(toHex(select.encode()) ==
          "0CA4040C1D871101752F676B09FAC86A87D632749A49C7CC8E08C18BA1FCE707BD9F00");
    auto answer = sm.unprotect(*parseResponseApdu(fromHex("990290008E08BEA7B381C494A0799000")));
    REQUIRE(answer);
    CHECK(answer->sw == 0x9000);
}

TEST_CASE("a PACE token mismatch from the card reads as a refused password", "[icao]") {
    PaceWorkedExampleScriptedReader reader;
    reader.script = {
        {"0022C1A40F800A04007F00070202040202830101", "9000"},
        {"10860000027C0000", "7C12801095A3A016522EE98D01E76CB6B98B42C39000"},
        {std::string("10860000457C438141") + kPkMapIfd + "00",
         std::string("7C438241") + kPkMapIc + "9000"},
        {std::string("10860000457C438341") + kPkDhIfd + "00",
         std::string("7C438441") + kPkDhIc + "9000"},
        {"008600000C7C0A8508C2B0BD78D94BA86600", "6300"},
    };
    std::deque<Bytes> scalars{fromHex(kSkMapIfd), fromHex(kSkDhIfd)};
    Bytes password = pacePasswordKey(PacePassword::Mrz, mrzInformation());
    auto keys =
        performPace(reader, workedExampleInfo(), PacePassword::Mrz, password, [&](std::size_t) {
            Bytes next = scalars.front();
            scalars.pop_front();
            return next;
        });
    REQUIRE_FALSE(keys);
    CHECK(keys.error().code == pace_error::kRefused);
}
