// EF.COM and DG13 parsing, by tag and field number, never by offset.
#include "drivers/card_reader/icao/lds.hpp"

#include "drivers/card_reader/icao/tlv.hpp"

namespace kiosk::icao {
namespace {

constexpr std::uint8_t kDataGroupTags[17] = {0,    0x61, 0x75, 0x63, 0x76, 0x65, 0x66, 0x67, 0x68,
                                             0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0x70};

std::string text(std::span<const std::uint8_t> bytes) {
    return std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

bool isStringTag(std::uint32_t tag) {
    // UTF8String, NumericString, PrintableString, T61String, IA5String, BMP not expected.
    return tag == 0x0C || tag == 0x12 || tag == 0x13 || tag == 0x14 || tag == 0x16;
}

// Collects every string inside a field's value, depth first (father and mother sit in a
// nested SEQUENCE).
void collectTexts(std::span<const std::uint8_t> bytes, std::vector<std::string>& out, int depth) {
    auto list = parseTlvList(bytes);
    if (!list || depth > 4) {
        return;
    }
    for (const auto& tlv : *list) {
        if (isStringTag(tlv.tag)) {
            out.push_back(text(tlv.value));
        } else if (tlv.constructed()) {
            collectTexts(tlv.value, out, depth + 1);
        }
    }
}

bool allDigits(const std::string& value) {
    return !value.empty() && value.find_first_not_of("0123456789") == std::string::npos;
}

// A field SEQUENCE is { INTEGER number, value... }; returns the number or nullopt.
std::optional<int> fieldNumber(const Tlv& field) {
    auto children = parseTlvList(field.value);
    if (!children || children->empty() || (*children)[0].tag != 0x02 ||
        (*children)[0].value.empty() || (*children)[0].value.size() > 2) {
        return std::nullopt;
    }
    // The outer SEQUENCE is { INTEGER version, OID, SET }: an OID after the INTEGER marks it as
    // a container, not a field.
    if (children->size() > 1 && (*children)[1].tag == 0x06) {
        return std::nullopt;
    }
    int number = 0;
    for (auto byte : (*children)[0].value) {
        number = (number << 8) | byte;
    }
    return number;
}

void assign(PersonalData& data, int number, std::vector<std::string> texts, const Tlv& field) {
    auto first = [&]() { return texts.empty() ? std::string{} : texts[0]; };
    switch (number) {
    case 1:
        data.idNumber = first();
        return;
    case 2:
        data.fullName = first();
        return;
    case 3:
        data.dateOfBirth = first();
        return;
    case 4:
        data.sex = first();
        return;
    case 5:
        data.nationality = first();
        return;
    case 6:
        data.ethnicity = first();
        return;
    case 7:
        data.religion = first();
        return;
    case 8:
        data.placeOfOrigin = first();
        return;
    case 9:
        data.placeOfResidence = first();
        return;
    case 10:
        data.identifyingMarks = first();
        return;
    case 11:
        data.dateOfIssue = first();
        return;
    case 12:
        data.dateOfExpiry = first();
        return;
    case 13:
        data.fatherName = first();
        data.motherName = texts.size() > 1 ? texts[1] : std::string{};
        return;
    case 14:
        data.spouseName = first();
        return;
    default:
        break;
    }
    // Fields 15 and 16 disagree between sources (other document / old ID number): kept raw, and
    // a 9- or 12-digit value is offered as the old ID number.
    if ((number == 15 || number == 16) && data.oldIdNumber.empty() && allDigits(first()) &&
        (first().size() == 9 || first().size() == 12)) {
        data.oldIdNumber = first();
    }
    const std::uint8_t* begin = field.value.data() - field.headerLength;
    data.otherFields.push_back(
        RawField{number, Bytes(begin, field.value.data() + field.value.size()), std::move(texts)});
}

void walkFields(std::span<const std::uint8_t> bytes, PersonalData& data, int depth) {
    auto list = parseTlvList(bytes);
    if (!list || depth > 3) {
        return;
    }
    for (const auto& tlv : *list) {
        if (tlv.tag == 0x31) {
            walkFields(tlv.value, data, depth + 1);
        } else if (tlv.tag == 0x30) {
            if (auto number = fieldNumber(tlv)) {
                std::vector<std::string> texts;
                auto children = parseTlvList(tlv.value);
                if (children && children->size() > 1) {
                    auto rest = tlv.value.subspan((*children)[0].totalLength());
                    collectTexts(rest, texts, 0);
                }
                assign(data, *number, std::move(texts), tlv);
            } else {
                walkFields(tlv.value, data, depth + 1);
            }
        }
    }
}

} // namespace

std::optional<int> dataGroupOfTag(std::uint8_t tag) {
    for (int n = 1; n <= 16; ++n) {
        if (kDataGroupTags[n] == tag) {
            return n;
        }
    }
    return std::nullopt;
}

std::uint8_t tagOfDataGroup(int number) {
    return number >= 1 && number <= 16 ? kDataGroupTags[number] : 0;
}

Result<ComContent> parseCom(std::span<const std::uint8_t> com) {
    auto outer = parseTlv(com);
    if (!outer || outer->tag != 0x60) {
        return makeError("com.malformed", "EF.COM does not start with tag 60");
    }
    auto inner = parseTlvList(outer->value);
    if (!inner) {
        return makeError("com.malformed", "EF.COM content is not BER-TLV");
    }
    ComContent content;
    if (const Tlv* version = findTlv(*inner, 0x5F01)) {
        content.ldsVersion = text(version->value);
    }
    if (const Tlv* unicode = findTlv(*inner, 0x5F36)) {
        content.unicodeVersion = text(unicode->value);
    }
    const Tlv* list = findTlv(*inner, 0x5C);
    if (list == nullptr) {
        return makeError("com.malformed", "EF.COM has no data group list (5C)");
    }
    for (auto tag : list->value) {
        if (auto number = dataGroupOfTag(tag)) {
            content.dataGroups.push_back(*number);
        }
    }
    return content;
}

Result<PersonalData> parseDg13(std::span<const std::uint8_t> dg13) {
    auto outer = parseTlv(dg13);
    if (!outer || outer->tag != 0x6D) {
        return makeError("dg13.malformed", "DG13 does not start with tag 6D");
    }
    if (!parseTlvList(outer->value)) {
        return makeError("dg13.malformed", "DG13 content is not BER-TLV");
    }
    PersonalData data;
    walkFields(outer->value, data, 0);
    if (data.idNumber.empty() && data.fullName.empty()) {
        return makeError("dg13.malformed", "DG13 holds neither an ID number nor a name");
    }
    return data;
}

} // namespace kiosk::icao
