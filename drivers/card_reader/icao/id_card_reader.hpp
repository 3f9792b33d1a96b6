// readIdCard: the whole chip ID card read (access control, files, parsing, passive authentication).
#pragma once

#include "drivers/card_reader/card_reader.hpp"
#include "drivers/card_reader/icao/bac.hpp"
#include "drivers/card_reader/icao/card_data.hpp"

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::icao {

// What opens the chip: the BAC MRZ information (document number, birth and expiry dates as
// YYMMDD) and/or the PACE card access number. Secrets: wiped on destruction.
struct AccessKey {
    std::string documentNumber;
    std::string dateOfBirth;
    std::string dateOfExpiry;
    std::string can;

    // For the CCCD: the resident types the 12-digit ID number and the two dates; the document
    // number is its last 9 digits and the CAN its last 6 (chip-id.md §2).
    static AccessKey forCccd(std::string_view idNumber12, std::string_view dateOfBirth,
                             std::string_view dateOfExpiry);
    static AccessKey fromMrz(std::string_view documentNumber, std::string_view dateOfBirth,
                             std::string_view dateOfExpiry);
    static AccessKey fromCan(std::string_view can);

    bool hasMrz() const { return !documentNumber.empty(); }
    bool hasCan() const { return !can.empty(); }
    std::string mrzInformation() const;

    AccessKey() = default;
    ~AccessKey();
    AccessKey(const AccessKey&) = default;
    AccessKey& operator=(const AccessKey&) = default;
    AccessKey(AccessKey&&) noexcept = default;
    AccessKey& operator=(AccessKey&&) noexcept = default;
};

// Why a read failed, in the categories the resident is told about.
enum class ReadFailure {
    NoCard,          // nothing on the reader
    WrongAccessKey,  // "the numbers you typed do not open this card"
    CardRemoved,     // "keep the card still" (also lost contact, timeouts)
    ReaderUnplugged, // the reader left the bus
    Unsupported,     // not an eMRTD, or a reader/card feature we lack
    Malformed,       // the card's answers do not make sense (MAC, TLV, truncated)
    // The card offers only BAC (no EF.CardAccess, or PACE failed) and the key has no MRZ
    // information: ask for the date of birth and the date of expiry, then read again.
    NeedsMrzKey,
};

namespace idcard_error {
inline constexpr const char* kNoCard = "idcard.no_card";
inline constexpr const char* kWrongAccessKey = "idcard.wrong_access_key";
inline constexpr const char* kCardRemoved = "idcard.card_removed";
inline constexpr const char* kReaderUnplugged = "idcard.reader_unplugged";
inline constexpr const char* kUnsupported = "idcard.unsupported";
inline constexpr const char* kMalformed = "idcard.malformed";
inline constexpr const char* kNeedsMrzKey = "idcard.needs_mrz_key";
} // namespace idcard_error

// The category of an Error returned by readIdCard (its code is one of idcard_error).
ReadFailure readFailureOf(const Error& error);
std::string_view readFailureName(ReadFailure failure);

enum class LengthMode {
    Auto,      // extended-length READ BINARY when the reader offers it, short if the card refuses
    ShortOnly, // 256-byte answers at most
};

enum class AccessPreference {
    PaceThenBac, // PACE when EF.CardAccess offers it (CAN, else MRZ password), BAC otherwise
    BacOnly,
    PaceOnly,
};

struct ReadOptions {
    AccessPreference access = AccessPreference::PaceThenBac;
    std::filesystem::path trustStore; // directory of CSCA certificates; empty: UnknownIssuer
    // More CSCA directories: the list a signed content pack carries (`csca/` in the pack).
    std::vector<std::filesystem::path> moreTrustStores;
    LengthMode lengthMode = LengthMode::Auto;
    // Largest READ BINARY in bytes; 0: as large as the reader carries (the card may still refuse,
    // which triggers the short-block retry). Set it for cards with small extended buffers.
    std::size_t maxReadBlock = 0;
    bool readFacePhoto = false; // DG2 is large and not needed for dossiers
    // When not empty, only these data groups are read (if EF.COM lists them); DG1 always is.
    std::vector<int> onlyGroups;
    RandomSource random; // RND.IFD / K.IFD; empty: OpenSSL RAND_bytes
    // Called for each file read, in reading order, once the read succeeded; may be empty.
    std::function<void(const DataGroupFile&)> onFile;
};

// The kiosk-side cost of one read.
struct ReadStats {
    int apdus = 0; // APDUs handed to the reader (including GET RESPONSE)
    std::size_t bytesSent = 0;
    std::size_t bytesReceived = 0;
    double milliseconds = 0;
    int attempts = 0; // 2 when the card refused extended length and we read again in short mode
};

Result<CardData> readIdCard(CardReader& reader, const AccessKey& key,
                            const ReadOptions& options = {}, ReadStats* stats = nullptr);

} // namespace kiosk::icao
