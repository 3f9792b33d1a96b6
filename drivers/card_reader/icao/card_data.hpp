// CardData: everything read from a chip ID card, as plain fields; wiped from memory when dropped.
#pragma once

#include "drivers/card_reader/icao/mrz.hpp"
#include "drivers/usb/usb_transport.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::icao {

// One DG13 field kept as received, for numbers we do not map or whose meaning sources disagree on.
struct RawField {
    int number = 0;
    Bytes der;                      // the whole field SEQUENCE as read
    std::vector<std::string> texts; // every UTF-8/printable string found inside, in order
};

// DG13 of the Vietnamese CCCD (not ICAO-defined): personal data in UTF-8 with diacritics, dates
// as dd/mm/yyyy exactly as the card stores them.
struct PersonalData {
    std::string idNumber;              // 1  Số định danh cá nhân (12 digits)
    std::string fullName;              // 2  Họ và tên
    std::string dateOfBirth;           // 3  Ngày sinh
    std::string sex;                   // 4  Giới tính
    std::string nationality;           // 5  Quốc tịch
    std::string ethnicity;             // 6  Dân tộc
    std::string religion;              // 7  Tôn giáo
    std::string placeOfOrigin;         // 8  Quê quán
    std::string placeOfResidence;      // 9  Nơi thường trú
    std::string identifyingMarks;      // 10 Đặc điểm nhận dạng
    std::string dateOfIssue;           // 11 Ngày cấp
    std::string dateOfExpiry;          // 12 Ngày hết hạn
    std::string fatherName;            // 13 first
    std::string motherName;            // 13 second
    std::string spouseName;            // 14
    std::string oldIdNumber;           // 15 or 16 (sources disagree; see chip-id.md)
    std::vector<RawField> otherFields; // 15, 16 and any number we do not know

    PersonalData() = default;
    ~PersonalData(); // wipes
    PersonalData(const PersonalData&) = default;
    PersonalData& operator=(const PersonalData&) = default;
    PersonalData(PersonalData&&) noexcept = default;
    PersonalData& operator=(PersonalData&&) noexcept = default;
    void wipe();
};

// A file exactly as read from the chip (including its outer tag and length: the SOD hashes that).
struct DataGroupFile {
    int number = 0; // 1..16 for DGs; 0 for EF.COM, 29 for EF.SOD (their short file identifiers)
    std::uint16_t fileId = 0;
    Bytes bytes;

    DataGroupFile() = default;
    DataGroupFile(int n, std::uint16_t id, Bytes content)
        : number(n)
        , fileId(id)
        , bytes(std::move(content)) {}
    ~DataGroupFile(); // wipes
    DataGroupFile(const DataGroupFile&) = default;
    DataGroupFile& operator=(const DataGroupFile&) = default;
    DataGroupFile(DataGroupFile&&) noexcept = default;
    DataGroupFile& operator=(DataGroupFile&&) noexcept = default;
};

enum class PassiveAuthOutcome { NotChecked, Verified, NotVerified, UnknownIssuer };
enum class AccessProtocol { None, Bac, Pace };

struct PassiveAuthReport {
    PassiveAuthOutcome outcome = PassiveAuthOutcome::NotChecked;
    bool signatureValid = false; // CMS signature over the LDS security object
    bool hashesMatch = false;    // every DG read matches its hash in the SOD
    bool chainValid = false;     // document signer chains to a CSCA in the trust store
    std::vector<int> mismatchedGroups;
    std::string reason; // system text (OpenSSL), never personal data
};

struct CardData {
    CardData() = default;
    ~CardData();
    CardData(const CardData&) = default;
    CardData& operator=(const CardData&) = default;
    CardData(CardData&&) noexcept = default;
    CardData& operator=(CardData&&) noexcept = default;

    AccessProtocol access = AccessProtocol::None;
    std::string ldsVersion;           // from EF.COM, e.g. "0107"
    std::vector<int> listedGroups;    // DG numbers EF.COM lists
    std::vector<DataGroupFile> files; // every file read, in reading order
    Mrz mrz;                          // DG1
    bool hasPersonalData = false;
    PersonalData personal; // DG13
    PassiveAuthReport passiveAuth;
    // Data groups EF.COM lists that could not be read or parsed (DG1 never: without it the
    // read fails). What was read is still used; the screen says what was not.
    std::vector<int> unreadGroups;

    const DataGroupFile* file(int number) const;
    // Overwrites every personal byte (OPENSSL_cleanse) and empties the struct.
    void wipe();
};

} // namespace kiosk::icao
