// ICAO Doc 9303 Part 11 Appendix D worked example (BAC and secure messaging), byte for byte.
// https://www.icao.int/publications/Documents/9303_p11_cons_en.pdf
#include "drivers/card_reader/hex.hpp"
#include "drivers/card_reader/icao/bac.hpp"
#include "drivers/card_reader/icao/lds.hpp"
#include "drivers/card_reader/icao/mrz.hpp"
#include "drivers/card_reader/icao/secure_messaging.hpp"

#include <catch2/catch.hpp>
#include <deque>

using namespace kiosk;
using namespace kiosk::icao;

namespace {

constexpr const char* kMrzInformation = "L898902C<369080619406236";

// A card reader that checks every command APDU against a script and plays the card's answers.
class ScriptedReader final : public CardReader {
public:
    struct Step {
        std::string command;
        std::string response;
    };
    explicit ScriptedReader(std::deque<Step> steps)
        : steps_(std::move(steps)) {}
    ReaderState state() override { return ReaderState::CardPresent; }
    Result<Bytes> powerOn() override { return fromHex("3B8080010101"); }
    Result<Bytes> transmit(std::span<const std::uint8_t> apdu) override {
        REQUIRE_FALSE(steps_.empty());
        CHECK(toHex(apdu) == steps_.front().command);
        Bytes answer = fromHex(steps_.front().response);
        steps_.pop_front();
        return answer;
    }
    Status powerOff() override { return ok(); }
    ReaderCapabilities capabilities() const override { return {}; }
    bool finished() const { return steps_.empty(); }

private:
    std::deque<Step> steps_;
};

SessionKeys workedExampleSession() {
    return SessionKeys{SmCipher::TripleDes, fromHex("979EC13B1CBFE9DCD01AB0FED307EAE5"),
                       fromHex("F1CB1F1FB5ADF208806B89DC579DC1F8"), fromHex("887022120C06C226")};
}

} // namespace

TEST_CASE("MRZ check digits follow the 7-3-1 weighting of the worked example", "[icao]") {
    CHECK(mrzCheckDigit("L898902C<") == 3);
    CHECK(mrzCheckDigit("690806") == 1);
    CHECK(mrzCheckDigit("940623") == 6);
    CHECK(bacMrzInformation("L898902C", "690806", "940623") == kMrzInformation);
}

TEST_CASE("BAC key seed and document keys match ICAO 9303-11 D.2 and D.1", "[icao]") {
    CHECK(toHex(bacKeySeed(kMrzInformation)) == "239AB9CB282DAF66231DC5A4DF6BFBAE");
    BacKeys keys = deriveBacKeys(kMrzInformation);
    CHECK(toHex(keys.kEnc) == "AB94FDECF2674FDFB9B391F85D7F76F2");
    CHECK(toHex(keys.kMac) == "7962D9ECE03D1ACD4C76089DCE131543");
}

TEST_CASE("DES parity adjustment matches the worked example pairs", "[icao]") {
    Bytes a = fromHex("AB94FCEDF2664EDF");
    adjustParity(a);
    CHECK(toHex(a) == "AB94FDECF2674FDF");
    Bytes b = fromHex("B9B291F85D7F77F2");
    adjustParity(b);
    CHECK(toHex(b) == "B9B391F85D7F76F2");
}

TEST_CASE("BAC mutual authentication cryptogram and session keys match D.3", "[icao]") {
    BacKeys keys = deriveBacKeys(kMrzInformation);
    Bytes rndIc = fromHex("4608F91988702212");
    Bytes rndIfd = fromHex("781723860C06C226");
    Bytes kIfd = fromHex("0B795240CB7049B01C19B33E32804F0B");
    CHECK(toHex(bacAuthenticationData(keys, rndIc, rndIfd, kIfd)) ==
          "72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2"
          "5F1448EEA8AD90A7");
    auto session =
        bacSessionKeys(keys, rndIc, rndIfd, kIfd,
                       fromHex("46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F"
                               "2F2D235D074D7449"));
    REQUIRE(session);
    CHECK(toHex(session->kEnc) == "979EC13B1CBFE9DCD01AB0FED307EAE5");
    CHECK(toHex(session->kMac) == "F1CB1F1FB5ADF208806B89DC579DC1F8");
    CHECK(toHex(session->ssc) == "887022120C06C226");
}

TEST_CASE("BAC over a scripted card sends the worked example APDUs", "[icao]") {
    ScriptedReader reader({
        {"0084000008", "4608F919887022129000"},
        {"008200002872C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD"
         "90A728",
         "46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F2F2D235D074D74499000"},
    });
    std::deque<Bytes> randoms{fromHex("781723860C06C226"),
                              fromHex("0B795240CB7049B01C19B33E32804F0B")};
    auto session = performBac(reader, kMrzInformation, [&](std::size_t) {
        Bytes next = randoms.front();
        randoms.pop_front();
        return next;
    });
    REQUIRE(session);
    CHECK(reader.finished());
    CHECK(toHex(session->ssc) == "887022120C06C226");
}

TEST_CASE("a card refusing EXTERNAL AUTHENTICATE reads as a wrong access key", "[icao]") {
    ScriptedReader reader({
        {"0084000008", "4608F919887022129000"},
        {"008200002872C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD"
         "90A728",
         "6300"},
    });
    std::deque<Bytes> randoms{fromHex("781723860C06C226"),
                              fromHex("0B795240CB7049B01C19B33E32804F0B")};
    auto session = performBac(reader, kMrzInformation, [&](std::size_t) {
        Bytes next = randoms.front();
        randoms.pop_front();
        return next;
    });
    REQUIRE_FALSE(session);
    CHECK(session.error().code == bac_error::kRefused);
}

TEST_CASE("secure messaging SELECT and READ BINARY match D.4 byte for byte", "[icao]") {
    SecureMessaging sm(workedExampleSession());

    CommandApdu select = sm.protect({0x00, 0xA4, 0x02, 0x0C, fromHex("011E"), std::nullopt});
    CHECK(toHex(select.encode()) == "0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800");
    auto selected = sm.unprotect(*parseResponseApdu(fromHex("990290008E08FA855A5D4C50A8ED9000")));
    REQUIRE(selected);
    CHECK(selected->sw == 0x9000);
    CHECK(selected->data.empty());

    CommandApdu head = sm.protect({0x00, 0xB0, 0x00, 0x00, {}, 4});
    CHECK(toHex(head.encode()) == "0CB000000D9701048E08ED6705417E96BA5500");
    auto headData = sm.unprotect(
        *parseResponseApdu(fromHex("8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000")));
    REQUIRE(headData);
    CHECK(toHex(headData->data) == "60145F01");

    CommandApdu rest = sm.protect({0x00, 0xB0, 0x00, 0x04, {}, 0x12});
    CHECK(toHex(rest.encode()) == "0CB000040D9701128E082EA28A70F3C7B53500");
    auto restData = sm.unprotect(*parseResponseApdu(
        fromHex("871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D"
                "749000")));
    REQUIRE(restData);
    CHECK(toHex(restData->data) == "04303130365F36063034303030305C026175");
    CHECK(toHex(sm.ssc()) == "887022120C06C22C");

    Bytes com = headData->data;
    com.insert(com.end(), restData->data.begin(), restData->data.end());
    auto content = parseCom(com);
    REQUIRE(content);
    CHECK(content->ldsVersion == "0106");
    CHECK(content->dataGroups == std::vector<int>{1, 2});
}

TEST_CASE("a secure messaging response with a wrong MAC is rejected", "[icao]") {
    SecureMessaging sm(workedExampleSession());
    sm.protect({0x00, 0xA4, 0x02, 0x0C, fromHex("011E"), std::nullopt});
    auto answer = sm.unprotect(*parseResponseApdu(fromHex("990290008E08FA855A5D4C50A8EE9000")));
    REQUIRE_FALSE(answer);
    CHECK(answer.error().code == sm_error::kMac);
}

TEST_CASE("protected READ BINARY blocks fit a short response", "[icao]") {
    CHECK(maxProtectedReadLength(256, 8) == 231);
    std::size_t n = maxProtectedReadLength(1022, 8);
    CHECK(n > 900);
    CHECK(n < 1022);
}
