// CardData: everything read from a chip ID card, as plain fields; wiped from memory when dropped.
#pragma once

#include "drivers/card_reader/icao/mrz.hpp"
#include "drivers/usb/usb_transport.hpp"

#include <cstdint>
#include <string>
#include <string_view>
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

enum class PassiveAuthOutcome {
    NotChecked,
    Verified,
    NotVerified,
    UnknownIssuer,
    SignerRevoked, // chain and data sound, but the CSCA revoked the document signer's certificate
};
enum class AccessProtocol { None, Bac, Pace };

struct PassiveAuthReport {
    PassiveAuthOutcome outcome = PassiveAuthOutcome::NotChecked;
    bool signatureValid = false; // CMS signature over the LDS security object
    bool hashesMatch = false;    // every DG read matches its hash in the SOD
    bool chainValid = false;     // document signer chains to a CSCA in the trust store
    std::vector<int> mismatchedGroups;
    std::vector<int> signedGroups; // DG numbers the SOD holds hashes for (when it parsed)
    std::string reason;            // system text (OpenSSL), never personal data
};

// Active Authentication (9303-11 §6.1): did the chip prove it holds the DG15 private key?
enum class ActiveAuthOutcome {
    NotOffered, // no DG15: the chip has no AA key (nothing to say about cloning)
    NotChecked, // DG15 is there but not proven by a valid SOD signature and hash: not tried
    Passed,     // the chip signed our fresh challenge with the key the issuer signed
    Failed,     // wrong signature, or the chip refused: not the chip the issuer made (a clone)
};

struct ActiveAuthReport {
    ActiveAuthOutcome outcome = ActiveAuthOutcome::NotOffered;
    std::string algorithm; // e.g. "ECDSA prime256v1 SHA256"
    std::string reason;    // system text, never personal data
};

// What a read proved, in the words a resident and a volunteer are told (issue 14, defect 6).
enum class CardAuthenticity {
    Genuine,          // issuer's signature chains to a trusted CSCA, data matches, chip proved
                      // it is the original (Active Authentication)
    IssuerSigned,     // as Genuine, but the chip offers no AA: the data is the issuer's, the
                      // chip itself was not checked
    ChipNotProven,    // the data is the issuer's, but the chip failed AA: a copied chip
    UnknownIssuer,    // signature and data match, the signer is not in the trust store
    SignatureInvalid, // the SOD's signature does not verify (forged or broken)
    DataAltered,      // a data group does not match its hash in the SOD
    SignerRevoked,    // the issuer revoked the certificate that signed this card's data
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
    ActiveAuthReport activeAuth;
    // Data groups EF.COM lists that could not be read or parsed (DG1 never: without it the
    // read fails). What was read is still used; the screen says what was not.
    std::vector<int> unreadGroups;

    const DataGroupFile* file(int number) const;
    // Overwrites every personal byte (OPENSSL_cleanse) and empties the struct.
    void wipe();
};

CardAuthenticity cardAuthenticity(const CardData& data);
// A stable token for logs, screens and kioskctl: "genuine", "issuer_signed", ...
std::string_view cardAuthenticityName(CardAuthenticity authenticity);

} // namespace kiosk::icao
