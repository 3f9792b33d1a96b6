// CCID framing (pure) and CcidReader over a scripted transport: bSeq, time extensions, chaining.
#include "drivers/card_reader/apdu.hpp"
#include "drivers/card_reader/ccid_message.hpp"
#include "drivers/card_reader/ccid_reader.hpp"
#include "drivers/card_reader/hex.hpp"
#include "drivers/card_reader/reader_quirks.hpp"

#include <catch2/catch.hpp>
#include <deque>
#include <fstream>
#include <sstream>

using namespace kiosk;

namespace {

Bytes loadHexFixture(const std::string& name) {
    std::ifstream in(std::string(KIOSK_TEST_FIXTURES) + "/ccid/" + name);
    REQUIRE(in);
    std::string line;
    std::string hex;
    while (std::getline(in, line)) {
        if (!line.empty() && line[0] != '#') {
            hex += line;
        }
    }
    return fromHex(hex);
}

// A USB transport replaying a script: each bulk-OUT is checked, each bulk-IN pops a frame.
class CcidScriptedTransport final : public UsbTransport {
public:
    explicit CcidScriptedTransport(Bytes descriptor) {
        info_.classDescriptor = std::move(descriptor);
    }
    std::deque<std::string> expectedOut;
    std::deque<Bytes> in;
    std::vector<std::chrono::milliseconds> readTimeouts;

    const UsbDeviceInfo& info() const override { return info_; }
    Result<std::size_t> bulkOut(std::span<const std::uint8_t> data,
                                std::chrono::milliseconds) override {
        REQUIRE_FALSE(expectedOut.empty());
        CHECK(toHex(data) == expectedOut.front());
        expectedOut.pop_front();
        return data.size();
    }
    Result<Bytes> bulkIn(std::size_t, std::chrono::milliseconds timeout) override {
        readTimeouts.push_back(timeout);
        if (in.empty()) {
            return makeError(usb_error::kTimeout, "nothing scripted");
        }
        Bytes frame = in.front();
        in.pop_front();
        return frame;
    }
    Result<Bytes> interruptIn(std::size_t, std::chrono::milliseconds) override {
        return makeError(usb_error::kTimeout, "none");
    }
    Result<Bytes> controlIn(std::uint8_t, std::uint8_t, std::uint16_t, std::uint16_t, std::uint16_t,
                            std::chrono::milliseconds) override {
        return makeError(usb_error::kStall, "none");
    }

private:
    UsbDeviceInfo info_;
};

std::unique_ptr<CcidReader> openReader(CcidScriptedTransport*& borrowed, Bytes descriptor) {
    auto transport = std::make_unique<CcidScriptedTransport>(std::move(descriptor));
    borrowed = transport.get();
    auto reader = CcidReader::open(std::move(transport));
    REQUIRE(reader);
    return std::move(*reader);
}

Bytes withMaxMessage(Bytes descriptor, std::uint32_t length) {
    for (int i = 0; i < 4; ++i) {
        descriptor[44 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(length >> (8 * i));
    }
    return descriptor;
}

} // namespace

TEST_CASE("CCID commands are framed with a little-endian dwLength, bSlot and bSeq", "[ccid]") {
    CHECK(toHex(ccid::iccPowerOn(0, 7, ccid::PowerSelect::Automatic)) == "62000000000007000000");
    CHECK(toHex(ccid::iccPowerOff(0, 8)) == "63000000000008000000");
    CHECK(toHex(ccid::getSlotStatus(1, 9)) == "65000000000109000000");
    CHECK(toHex(ccid::xfrBlock(0, 0x2A, fromHex("0084000008"))) ==
          "6F05000000002A0000000084000008");
    Bytes big(300, 0x11);
    Bytes framed = ccid::xfrBlock(0, 1, big, ccid::kChainBegin);
    CHECK(toHex(std::span(framed).first(10)) == "6F2C0100000001000100");
}

TEST_CASE("CCID responses are parsed and truncated frames rejected", "[ccid]") {
    auto block = ccid::parseResponse(fromHex("80020000000005000000"
                                             "9000"));
    REQUIRE(block);
    CHECK(block->bMessageType == ccid::kRdrToPcDataBlock);
    CHECK(block->bSeq == 5);
    CHECK(toHex(block->abData) == "9000");
    CHECK(block->commandStatus() == ccid::CommandStatus::Ok);

    auto absent = ccid::parseResponse(fromHex("81000000000006"
                                              "42FE00"));
    REQUIRE(absent);
    CHECK(absent->iccStatus() == ccid::IccStatus::Absent);
    CHECK(absent->commandStatus() == ccid::CommandStatus::Failed);
    CHECK(absent->bError == ccid::kErrorIccMute);

    auto extension = ccid::parseResponse(fromHex("80000000000006"
                                                 "800200"));
    REQUIRE(extension);
    CHECK(extension->commandStatus() == ccid::CommandStatus::TimeExtension);

    CHECK_FALSE(ccid::parseResponse(fromHex("800500000000050000009000")));
    CHECK_FALSE(ccid::parseResponse(fromHex("8000000000")));
}

TEST_CASE("the ACR1252 class descriptor gives extended APDU level and 522-byte messages",
          "[ccid]") {
    auto descriptor =
        ccid::parseClassDescriptor(loadHexFixture("acs_acr1252_class_descriptor.hex"));
    REQUIRE(descriptor);
    CHECK(descriptor->dwFeatures == 0x000404BA);
    CHECK(descriptor->dwMaxCCIDMessageLength == 522);
    CHECK(descriptor->dwMaxIFSD == 254);
    CHECK(descriptor->exchangeLevel() == ccid::ClassDescriptor::ExchangeLevel::ExtendedApdu);

    Bytes tpdu = loadHexFixture("acs_acr1252_class_descriptor.hex");
    tpdu[42] = 0x01; // dwFeatures bits 16-18: TPDU level
    CHECK(ccid::parseClassDescriptor(tpdu)->exchangeLevel() ==
          ccid::ClassDescriptor::ExchangeLevel::Tpdu);
    CHECK_FALSE(ccid::parseClassDescriptor(fromHex("0904000003")));
}

TEST_CASE("a TPDU-level reader is refused", "[ccid]") {
    Bytes tpdu = loadHexFixture("acs_acr1252_class_descriptor.hex");
    tpdu[42] = 0x01;
    auto reader = CcidReader::open(std::make_unique<CcidScriptedTransport>(tpdu));
    REQUIRE_FALSE(reader);
    CHECK(reader.error().code == card_error::kUnsupported);
}

TEST_CASE("NotifySlotChange reports presence and change per slot", "[ccid]") {
    auto present = ccid::parseNotifySlotChange(fromHex("5003"), 0);
    REQUIRE(present);
    CHECK(present->present);
    CHECK(present->changed);
    auto slot1 = ccid::parseNotifySlotChange(fromHex("5008"), 1);
    REQUIRE(slot1);
    CHECK_FALSE(slot1->present);
    CHECK(slot1->changed);
    CHECK_FALSE(ccid::parseNotifySlotChange(fromHex("5103"), 0));
}

TEST_CASE("the reader skips stale bSeq frames and waits through time extensions", "[ccid]") {
    CcidScriptedTransport* transport = nullptr;
    auto reader = openReader(transport, loadHexFixture("acs_acr1252_class_descriptor.hex"));
    transport->expectedOut = {"62000000000000000000", "6F0500000000010000000084000008"};
    transport->in = {fromHex("800200000000000000003B80"),
                     fromHex("81000000000000000000"), // stale: answers bSeq 0 again
                     fromHex("80000000000001800300"), // time extension x3
                     fromHex("800A00000000010000004608F919887022129000")};
    REQUIRE(reader->powerOn());
    auto answer = reader->transmit(fromHex("0084000008"));
    REQUIRE(answer);
    CHECK(toHex(*answer) == "4608F919887022129000");
    REQUIRE(transport->readTimeouts.size() == 4);
    CHECK(transport->readTimeouts[3] == transport->readTimeouts[1] * 3);
}

TEST_CASE("long APDUs are chained with wLevelParameter and long answers collected", "[ccid]") {
    CcidScriptedTransport* transport = nullptr;
    auto reader = openReader(
        transport, withMaxMessage(loadHexFixture("acs_acr1252_class_descriptor.hex"), 10 + 8));
    Bytes apdu = fromHex("00D6000000000A00112233445566778899");
    CHECK(apdu.size() == 17);
    transport->expectedOut = {"62000000000000000000",
                              "6F080000000001000100"
                              "00D6000000000A00",
                              "6F080000000002000300"
                              "1122334455667788",
                              "6F010000000003000200"
                              "99",
                              "6F000000000004001000"};
    transport->in = {fromHex("80000000000000000000"), fromHex("80000000000001000010"),
                     fromHex("80000000000002000010"),
                     fromHex("80040000000003000001"
                             "01020304"),
                     fromHex("80020000000004000002"
                             "9000")};
    REQUIRE(reader->powerOn());
    auto answer = reader->transmit(apdu);
    REQUIRE(answer);
    CHECK(toHex(*answer) == "010203049000");
    CHECK(transport->expectedOut.empty());
}

TEST_CASE("a short-level reader refuses an APDU longer than one message", "[ccid]") {
    Bytes descriptor = loadHexFixture("acs_acr1252_class_descriptor.hex");
    descriptor[42] = 0x02; // short APDU level
    CcidScriptedTransport* transport = nullptr;
    auto reader = openReader(transport, withMaxMessage(descriptor, 20));
    auto answer = reader->transmit(Bytes(30, 0));
    REQUIRE_FALSE(answer);
    CHECK(answer.error().code == card_error::kUnsupported);
}

TEST_CASE("a failed power-on with a mute card means no card", "[ccid]") {
    CcidScriptedTransport* transport = nullptr;
    auto reader = openReader(transport, loadHexFixture("acs_acr1252_class_descriptor.hex"));
    transport->expectedOut = {"62000000000000000000"};
    transport->in = {fromHex("80000000000000"
                             "42FE00")};
    auto atr = reader->powerOn();
    REQUIRE_FALSE(atr);
    CHECK(atr.error().code == card_error::kNoCard);
}

TEST_CASE("a reader that never answers times out", "[ccid]") {
    CcidScriptedTransport* transport = nullptr;
    auto reader = openReader(transport, loadHexFixture("acs_acr1252_class_descriptor.hex"));
    transport->expectedOut = {"62000000000000000000"};
    auto atr = reader->powerOn();
    REQUIRE_FALSE(atr);
    CHECK(atr.error().code == card_error::kTimeout);
}

namespace {
class ScriptedCard final : public CardReader {
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
} // namespace

TEST_CASE("APDUs use short or extended length as ISO 7816-4 cases require", "[ccid]") {
    CHECK(toHex(CommandApdu{0x00, 0xA4, 0x02, 0x0C, fromHex("011E"), std::nullopt}.encode()) ==
          "00A4020C02011E");
    CHECK(toHex(CommandApdu{0x00, 0xB0, 0x00, 0x00, {}, 256}.encode()) == "00B0000000");
    CHECK(toHex(CommandApdu{0x00, 0xB0, 0x00, 0x00, {}, 1000}.encode()) == "00B000000003E8");
    CHECK(toHex(CommandApdu{0x00, 0xB0, 0x00, 0x00, {}, 65536}.encode()) == "00B00000000000");
    CommandApdu bigData{0x00, 0xD6, 0x00, 0x00, Bytes(300, 0xAB), 0x100};
    Bytes encoded = bigData.encode();
    CHECK(toHex(std::span(encoded).first(7)) == "00D6000000012C");
    CHECK(toHex(std::span(encoded).last(2)) == "0100");
    CHECK(encoded.size() == 7 + 300 + 2);
}

TEST_CASE("61xx answers are collected with GET RESPONSE", "[ccid]") {
    ScriptedCard card;
    card.script = {
        {"00B0000000", "01026104"}, {"00C0000004", "030405066102"}, {"00C0000002", "07089000"}};
    auto answer = exchangeApdu(card, CommandApdu{0x00, 0xB0, 0x00, 0x00, {}, 256});
    REQUIRE(answer);
    CHECK(answer->sw == 0x9000);
    CHECK(toHex(answer->data) == "0102030405060708");
}

TEST_CASE("6Cxx answers are resent once with the exact Le", "[ccid]") {
    ScriptedCard card;
    card.script = {{"00B0000010", "6C05"}, {"00B0000005", "11223344559000"}};
    auto answer = exchangeApdu(card, CommandApdu{0x00, 0xB0, 0x00, 0x00, {}, 16});
    REQUIRE(answer);
    CHECK(toHex(answer->data) == "1122334455");
    CHECK_FALSE(parseResponseApdu(fromHex("90")));
}

TEST_CASE("reader quirks are looked up by USB id", "[ccid]") {
    const ReaderQuirk* acr122 = findReaderQuirk(0x072F, 0x2200);
    REQUIRE(acr122 != nullptr);
    CHECK(acr122->support == ReaderSupport::Avoid);
    const ReaderQuirk* utrust = findReaderQuirk(0x04E6, 0x5790);
    REQUIRE(utrust != nullptr);
    CHECK(utrust->readTimeoutMultiplier == 4);
    CHECK(findReaderQuirk(0x1D6B, 0xCC1D) == nullptr);
}
