// LDS file parsers (9303-10): EF.COM and the Vietnamese DG13; file identifiers of the eMRTD.
#pragma once

#include "drivers/card_reader/icao/card_data.hpp"
#include "drivers/common/result.hpp"

#include <optional>
#include <span>

namespace kiosk::icao {

// 9303-10 §4.6.1 / Table 38: file identifiers and tags.
inline constexpr std::uint16_t kFileIdCom = 0x011E;
inline constexpr std::uint16_t kFileIdSod = 0x011D;
inline constexpr std::uint16_t kFileIdCardAccess = 0x011C;
// DGn lives at 01 0n.
constexpr std::uint16_t dataGroupFileId(int number) {
    return static_cast<std::uint16_t>(0x0100 + number);
}
// DG tags: 61 DG1, 75 DG2, 63 DG3, 76 DG4, 65..6F DG5..15 except DG7 (67), 70 DG16.
std::optional<int> dataGroupOfTag(std::uint8_t tag);
std::uint8_t tagOfDataGroup(int number);

struct ComContent {
    std::string ldsVersion;      // 5F01
    std::string unicodeVersion;  // 5F36
    std::vector<int> dataGroups; // from the tag list 5C
};
Result<ComContent> parseCom(std::span<const std::uint8_t> com);

// DG13: 6D { 30 { INTEGER version, OID, SET { SEQUENCE { INTEGER n, value } ... } } }. Fields are
// found by their number wherever they sit; unknown numbers are kept raw.
Result<PersonalData> parseDg13(std::span<const std::uint8_t> dg13);

} // namespace kiosk::icao
