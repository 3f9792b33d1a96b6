// BER-TLV, MRZ and DG13 parsing: by tag and field number, with Vietnamese text intact.
#include "drivers/card_reader/hex.hpp"
#include "drivers/card_reader/icao/lds.hpp"
#include "drivers/card_reader/icao/mrz.hpp"
#include "drivers/card_reader/icao/tlv.hpp"
#include "drivers/card_reader/sim/card_image.hpp"
#include "tests/drivers/card_reader/sim_card_fixture.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;
using namespace kiosk::icao;

namespace {
Bytes bytesOf(std::string_view text) {
    return Bytes(text.begin(), text.end());
}
Bytes field(int number, const Bytes& value) {
    Bytes body = encodeTlv(0x02, Bytes{static_cast<std::uint8_t>(number)});
    body.insert(body.end(), value.begin(), value.end());
    return encodeTlv(0x30, body);
}
Bytes join(std::initializer_list<Bytes> parts) {
    Bytes out;
    for (const auto& p : parts) {
        out.insert(out.end(), p.begin(), p.end());
    }
    return out;
}
} // namespace

TEST_CASE("BER-TLV reads multi-byte tags and long-form lengths", "[icao]") {
    auto tlv = parseTlv(fromHex("5F1F8203"
                                "E8"));
    CHECK_FALSE(tlv); // length says 1000 bytes, one present
    Bytes value(300, 0x41);
    Bytes encoded = encodeTlv(0x5F1F, value);
    CHECK(toHex(std::span(encoded).first(5)) == "5F1F82012C");
    auto parsed = parseTlv(encoded);
    REQUIRE(parsed);
    CHECK(parsed->tag == 0x5F1F);
    CHECK(parsed->value.size() == 300);
    CHECK(parsed->headerLength == 5);
    CHECK(encodeTlv(0x7F49, Bytes{})[0] == 0x7F);
    CHECK(parseTlv(fromHex("7F4900"))->constructed());
    CHECK_FALSE(parseTlv(fromHex("1F")));
    CHECK_FALSE(parseTlv(fromHex("0480")));
    CHECK_FALSE(parseTlvList(fromHex("0401AA05")));
}

TEST_CASE("the CCCD MRZ line carries the 9-digit document number and the 12-digit ID", "[icao]") {
    // chip-id.md §2 synthetic example from the README sample number 001099012345.
    CHECK(mrzCheckDigit("099012345") == 9);
    CHECK(mrzCheckDigit("001099012345") == 0);
    CHECK(mrzCheckDigit("026168004817") == 5);
    CHECK(cccdDocumentNumber("001099012345") == "099012345");
    auto key = AccessKey::forCccd("001099012345", "990101", "390101");
    CHECK(key.documentNumber == "099012345");
    CHECK(key.can == "012345");
}

TEST_CASE("a TD1 MRZ round-trips and a bad check digit is noticed", "[icao]") {
    Mrz mrz;
    mrz.documentCode = "ID";
    mrz.issuingState = "VNM";
    mrz.documentNumber = "168004817";
    mrz.optionalData1 = "026168004817<<5";
    mrz.dateOfBirth = "680314";
    mrz.sex = "F";
    mrz.dateOfExpiry = "280314";
    mrz.nationality = "VNM";
    mrz.primaryIdentifier = "NGUYEN";
    mrz.secondaryIdentifier = "THI ANH TUYET";
    std::string text = buildTd1(mrz);
    REQUIRE(text.size() == 90);
    CHECK(text.substr(0, 30) == "IDVNM1680048173026168004817<<5");
    CHECK(text.substr(60) == "NGUYEN<<THI<ANH<TUYET<<<<<<<<<");
    auto parsed = parseMrz(text);
    REQUIRE(parsed);
    CHECK(parsed->checkDigitsValid);
    CHECK(parsed->secondaryIdentifier == "THI ANH TUYET");
    text[30 + 6] = text[30 + 6] == '0' ? '1' : '0';
    CHECK_FALSE(parseMrz(text)->checkDigitsValid);
    CHECK_FALSE(parseMrz("IDVNM123"));
    CHECK_FALSE(parseMrz(std::string(90, 'a')));
}

TEST_CASE("DG13 fields are found by number, in any order, with UTF-8 intact", "[icao]") {
    Bytes fields = join({
        field(2, encodeTlv(0x0C, bytesOf("Nguyễn Thị Ánh Tuyết"))),
        field(1, encodeTlv(0x0C, bytesOf("026168004817"))),
        field(13, encodeTlv(0x30, join({encodeTlv(0x0C, bytesOf("Nguyễn Văn Hùng")),
                                        encodeTlv(0x0C, bytesOf("Trần Thị Lan"))}))),
        field(14, encodeTlv(0x30, Bytes{})),
        field(21, encodeTlv(0x04, fromHex("CAFE"))),
        field(16, encodeTlv(0x0C, bytesOf("135246817"))),
    });
    Bytes dg13 = encodeTlv(
        0x6D, encodeTlv(0x30, join({encodeTlv(0x02, Bytes{1}), fromHex("060628D316010008"),
                                    encodeTlv(0x31, fields)})));
    auto data = parseDg13(dg13);
    REQUIRE(data);
    CHECK(data->idNumber == "026168004817");
    CHECK(data->fullName == "Nguyễn Thị Ánh Tuyết");
    CHECK(data->fatherName == "Nguyễn Văn Hùng");
    CHECK(data->motherName == "Trần Thị Lan");
    CHECK(data->spouseName.empty());
    CHECK(data->dateOfBirth.empty());
    CHECK(data->oldIdNumber == "135246817");
    REQUIRE(data->otherFields.size() == 2);
    CHECK(data->otherFields[0].number == 21);
    CHECK(toHex(data->otherFields[0].der) == "3007020115"
                                             "0402CAFE");
    CHECK(data->otherFields[1].number == 16);
}

TEST_CASE("DG13 with a wrong outer tag or no identity is malformed", "[icao]") {
    CHECK_FALSE(parseDg13(fromHex("6E03020101")));
    CHECK_FALSE(parseDg13(fromHex("6D053003020101")));
    CHECK_FALSE(parseDg13(fromHex("6D8330")));
}

TEST_CASE("the simulated card's DG13 parses back to its profile", "[icao]") {
    auto profile = testing::loadProfile("pham-quang-vinh");
    auto data = parseDg13(sim::buildDg13(profile));
    REQUIRE(data);
    CHECK(data->placeOfResidence == profile.placeOfResidence);
    CHECK(data->religion == "Công giáo");
    CHECK(data->spouseName == "Đỗ Thị Hằng");
    CHECK(data->oldIdNumber == "135098765");
}
