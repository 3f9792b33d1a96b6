// readIdCard: power, select the eMRTD application, BAC, secure file reads, parsing, passive auth.
#include "drivers/card_reader/icao/id_card_reader.hpp"

#include "drivers/card_reader/apdu.hpp"
#include "drivers/card_reader/icao/active_auth.hpp"
#include "drivers/card_reader/icao/lds.hpp"
#include "drivers/card_reader/icao/mrz.hpp"
#include "drivers/card_reader/icao/pace.hpp"
#include "drivers/card_reader/icao/sod.hpp"
#include "drivers/card_reader/icao/tlv.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

namespace kiosk::icao {
namespace {

// 9303-10 §2.2: the eMRTD LDS1 application.
constexpr std::uint8_t kEmrtdAid[] = {0xA0, 0x00, 0x00, 0x02, 0x47, 0x10, 0x01};
constexpr const char* kExtendedRefused = "idcard.extended_refused";
constexpr const char* kFileMissing = "idcard.file_missing";

// Counts what crosses the reader boundary for ReadStats.
class CountingReader final : public CardReader {
public:
    CountingReader(CardReader& inner, ReadStats& stats)
        : inner_(inner)
        , stats_(stats) {}
    ReaderState state() override { return inner_.state(); }
    Result<Bytes> powerOn() override { return inner_.powerOn(); }
    Result<Bytes> transmit(std::span<const std::uint8_t> apdu) override {
        ++stats_.apdus;
        stats_.bytesSent += apdu.size();
        auto answer = inner_.transmit(apdu);
        if (answer) {
            stats_.bytesReceived += answer->size();
        }
        return answer;
    }
    Status powerOff() override { return inner_.powerOff(); }
    ReaderCapabilities capabilities() const override { return inner_.capabilities(); }

private:
    CardReader& inner_;
    ReadStats& stats_;
};

Error categorised(const Error& cause) {
    const std::string& code = cause.code;
    const char* category = idcard_error::kMalformed;
    if (code == card_error::kNoCard) {
        category = idcard_error::kNoCard;
    } else if (code == card_error::kRemoved || code == card_error::kTimeout ||
               code == card_error::kReaderError) {
        category = idcard_error::kCardRemoved;
    } else if (code == card_error::kUnplugged) {
        category = idcard_error::kReaderUnplugged;
    } else if (code == card_error::kUnsupported || code == "sod.unsupported") {
        category = idcard_error::kUnsupported;
    } else if (code == bac_error::kRefused) {
        category = idcard_error::kWrongAccessKey;
    } else if (code.rfind("idcard.", 0) == 0) {
        return cause;
    }
    return makeError(category, cause.message);
}

// The secure channel after access control: protected SELECT and READ BINARY.
class SecureFileReader {
public:
    SecureFileReader(CardReader& reader, SessionKeys keys, std::size_t responseLimit,
                     std::size_t maxReadBlock, bool extended)
        : reader_(reader)
        , sm_(std::move(keys))
        , maxRead_(maxProtectedReadLength(responseLimit, sm_.blockSize()))
        , extended_(extended) {
        if (maxReadBlock > 0) {
            maxRead_ = std::min(maxRead_, maxReadBlock);
        }
    }

    std::size_t maxRead() const { return maxRead_; }

    Result<ResponseApdu> send(const CommandApdu& plain) {
        auto answer = exchangeApdu(reader_, sm_.protect(plain));
        if (!answer) {
            return answer.error();
        }
        return sm_.unprotect(*answer);
    }

    Result<Bytes> readFile(std::uint16_t fileId) {
        auto selected = send(CommandApdu{
            0x00, 0xA4, 0x02, 0x0C,
            Bytes{static_cast<std::uint8_t>(fileId >> 8), static_cast<std::uint8_t>(fileId)},
            std::nullopt});
        if (!selected) {
            return selected.error();
        }
        if (selected->sw == sw::kFileNotFound || selected->sw == sw::kSecurityNotSatisfied) {
            return makeError(kFileMissing, "file not found or not readable");
        }
        if (!selected->ok()) {
            return makeError(idcard_error::kMalformed, "SELECT refused by the card");
        }
        // First the tag and length (at most 4 bytes for LDS files up to 64 KiB), then the rest.
        auto head = readBinary(0, 4);
        if (!head) {
            return head.error();
        }
        Bytes file = std::move(*head);
        std::size_t total = 0;
        if (file.size() >= 2) {
            std::size_t lengthBytes = (file[1] & 0x80) ? (file[1] & 0x7F) : 0;
            std::size_t header = 2 + lengthBytes;
            std::size_t length = file[1];
            if (lengthBytes > 0) {
                if (lengthBytes > 2 || file.size() < header) {
                    return makeError(idcard_error::kMalformed, "file length field is malformed");
                }
                length = 0;
                for (std::size_t i = 0; i < lengthBytes; ++i) {
                    length = (length << 8) | file[2 + i];
                }
            }
            total = header + length;
        }
        if (total == 0 || total > 0x7FFF) {
            return makeError(idcard_error::kMalformed, "file is empty or larger than 32 KiB");
        }
        while (file.size() < total) {
            std::size_t want = std::min(maxRead_, total - file.size());
            auto part = readBinary(file.size(), want);
            if (!part) {
                return part.error();
            }
            if (part->empty()) {
                return makeError(idcard_error::kMalformed, "card returned no data mid-file");
            }
            file.insert(file.end(), part->begin(), part->end());
        }
        file.resize(total);
        return file;
    }

private:
    Result<Bytes> readBinary(std::size_t offset, std::size_t length) {
        // ISO 7816-4 §11.2.3: P1 bit 8 clear, so P1-P2 is a 15-bit offset.
        CommandApdu read{
            0x00, 0xB0,  static_cast<std::uint8_t>(offset >> 8), static_cast<std::uint8_t>(offset),
            {},   length};
        auto answer = send(read);
        if (!answer) {
            // A mute card or a timeout on an extended-length APDU is more often the card or
            // reader failing extended length than a removal: have it retried once with short
            // blocks (a card really gone fails that retry too, and is reported then).
            const std::string& code = answer.error().code;
            if (read.needsExtended() && extended_ &&
                (code == card_error::kTimeout || code == card_error::kRemoved)) {
                return makeError(kExtendedRefused, "no answer to an extended-length READ BINARY: " +
                                                       answer.error().message);
            }
            return answer.error();
        }
        if (answer->ok() || answer->sw == sw::kEndOfFile) {
            return std::move(answer->data);
        }
        if (read.needsExtended() && extended_) {
            return makeError(kExtendedRefused, "card refused an extended-length READ BINARY");
        }
        return makeError(idcard_error::kMalformed, "READ BINARY refused by the card");
    }

    CardReader& reader_;
    SecureMessaging sm_;
    std::size_t maxRead_;
    bool extended_;
};

CommandApdu selectApplication() {
    return CommandApdu{
        0x00, 0xA4, 0x04, 0x0C, Bytes(std::begin(kEmrtdAid), std::end(kEmrtdAid)), std::nullopt};
}

struct PaceOutcome {
    std::optional<SessionKeys> keys;
    bool attempted = false; // PACE commands were sent: the chip must be reset before BAC
};

// Reads EF.CardAccess in the clear (it sits in the master file; selecting it directly works
// where SELECT MF does not, chip-id.md §2) and runs PACE when it offers a usable protocol.
// Returns no keys when the card has no usable PACE or refused a step other than the password.
Result<PaceOutcome> tryPace(CardReader& reader, const AccessKey& key) {
    auto selected =
        exchangeApdu(reader, CommandApdu{0x00, 0xA4, 0x02, 0x0C, Bytes{0x01, 0x1C}, std::nullopt});
    if (!selected) {
        return selected.error();
    }
    if (!selected->ok()) {
        return PaceOutcome{};
    }
    auto content = exchangeApdu(reader, CommandApdu{0x00, 0xB0, 0x00, 0x00, {}, kLeMaxShort});
    if (!content) {
        return content.error();
    }
    if (!content->ok() && content->sw != sw::kEndOfFile) {
        return PaceOutcome{};
    }
    auto infos = parseCardAccess(content->data);
    if (!infos || infos->empty()) {
        return PaceOutcome{};
    }
    PacePassword kind = key.hasCan() ? PacePassword::Can : PacePassword::Mrz;
    std::string secret = key.hasCan() ? key.can : key.mrzInformation();
    Bytes password = pacePasswordKey(kind, secret);
    wipeText(secret);
    auto keys =
        performPace(reader, infos->front(), kind, password, {}, paceParametersAmbiguous(*infos));
    wipeBytes(password);
    if (keys) {
        return PaceOutcome{std::move(*keys), true};
    }
    if (keys.error().code == pace_error::kRefused) {
        return makeError(idcard_error::kWrongAccessKey, keys.error().message);
    }
    if (keys.error().code.rfind("card.", 0) == 0) {
        return keys.error(); // removed, unplugged, timeout: no point trying BAC
    }
    // The card offers PACE and a step failed: falling back to BAC would let an attacker who
    // disturbs PACE force the weaker protocol (a downgrade). BAC is only for cards without PACE.
    return makeError(idcard_error::kMalformed, "PACE failed (" + keys.error().message +
                                                   "); not falling back to BAC on a PACE card");
}

bool listsGroup(const std::vector<int>& groups, int number) {
    return std::find(groups.begin(), groups.end(), number) != groups.end();
}

// 9303-11 §6.1: INTERNAL AUTHENTICATE with a fresh challenge inside the secure channel, the
// answer checked with the DG15 key. Whether the chip offers AA is decided by the signed SOD,
// not by EF.COM (which nobody signs: a clone could drop DG15 from it).
Result<ActiveAuthReport> activeAuthentication(SecureFileReader& files, const CardData& data,
                                              const ReadOptions& options) {
    ActiveAuthReport report;
    const PassiveAuthReport& pa = data.passiveAuth;
    if (!pa.signatureValid) {
        report.outcome = ActiveAuthOutcome::NotChecked;
        report.reason = "DG15 is not proven: the SOD signature does not verify";
        return report;
    }
    if (!listsGroup(pa.signedGroups, 15)) {
        report.reason = "the SOD lists no DG15: the chip offers no Active Authentication";
        return report;
    }
    if (!options.onlyGroups.empty() && !listsGroup(options.onlyGroups, 15)) {
        report.outcome = ActiveAuthOutcome::NotChecked;
        report.reason = "DG15 was not asked for";
        return report;
    }
    if (listsGroup(pa.mismatchedGroups, 15)) {
        report.outcome = ActiveAuthOutcome::NotChecked;
        report.reason = "DG15 does not match its hash in the SOD";
        return report;
    }
    const DataGroupFile* dg15 = data.file(15);
    if (dg15 == nullptr) {
        report.outcome = ActiveAuthOutcome::Failed;
        report.reason = "the SOD lists DG15 but the chip did not give it";
        return report;
    }
    auto publicKey = activeAuthPublicKey(dg15->bytes);
    if (!publicKey) {
        report.outcome = ActiveAuthOutcome::NotChecked;
        report.reason = publicKey.error().message;
        return report;
    }
    const DataGroupFile* dg14 = data.file(14);
    std::string digest = dg14 != nullptr ? activeAuthDigestFromDg14(dg14->bytes) : std::string{};
    Bytes challenge = options.random ? options.random(kActiveAuthChallengeLength)
                                     : randomBytes(kActiveAuthChallengeLength);
    auto answer = files.send(internalAuthenticate(challenge));
    if (!answer) {
        if (answer.error().code.rfind("card.", 0) == 0) {
            return answer.error(); // removed or unplugged mid-read: told like any other read
        }
        report.outcome = ActiveAuthOutcome::Failed;
        report.reason =
            "the chip's answer to INTERNAL AUTHENTICATE is broken: " + answer.error().message;
        return report;
    }
    if (!answer->ok()) {
        char status[8];
        std::snprintf(status, sizeof status, "%04X", answer->sw);
        report.outcome = ActiveAuthOutcome::Failed;
        report.reason = std::string("the chip refused INTERNAL AUTHENTICATE (SW ") + status + ")";
        return report;
    }
    auto check = verifyActiveAuthSignature(*publicKey, challenge, answer->data, digest);
    if (!check) {
        report.outcome = ActiveAuthOutcome::NotChecked;
        report.reason = check.error().message;
        return report;
    }
    report.algorithm = check->algorithm;
    report.outcome = check->valid ? ActiveAuthOutcome::Passed : ActiveAuthOutcome::Failed;
    report.reason = check->reason;
    return report;
}

Result<CardData> readOnce(CardReader& reader, const AccessKey& key, const ReadOptions& options,
                          LengthMode mode) {
    auto atr = reader.powerOn();
    if (!atr) {
        return atr.error();
    }
    std::optional<SessionKeys> session;
    AccessProtocol protocol = AccessProtocol::None;
    if (options.access != AccessPreference::BacOnly && (key.hasCan() || key.hasMrz())) {
        auto pace = tryPace(reader, key);
        if (!pace) {
            return pace.error();
        }
        if (pace->keys) {
            session = std::move(*pace->keys);
            protocol = AccessProtocol::Pace;
        } else if (pace->attempted) {
            // A failed PACE run can leave the chip mid-protocol; a fresh power-up resets it.
            reader.powerOff();
            if (auto again = reader.powerOn(); !again) {
                return again.error();
            }
        }
    }
    if (!session && options.access == AccessPreference::PaceOnly) {
        return makeError(idcard_error::kUnsupported, "card does not offer PACE");
    }
    if (!session) {
        auto selected = exchangeApdu(reader, selectApplication());
        if (!selected) {
            return selected.error();
        }
        if (!selected->ok()) {
            return makeError(idcard_error::kUnsupported, "card has no eMRTD application");
        }
        if (!key.hasMrz()) {
            return makeError(idcard_error::kNeedsMrzKey,
                             "this card offers only BAC, which needs the ID number and both dates");
        }
        RandomSource random = options.random ? options.random : RandomSource(randomBytes);
        std::string mrzInformation = key.mrzInformation();
        auto bac = performBac(reader, mrzInformation, random);
        wipeText(mrzInformation);
        if (!bac) {
            return bac.error();
        }
        session = std::move(*bac);
        protocol = AccessProtocol::Bac;
    }

    ReaderCapabilities caps = reader.capabilities();
    bool extended = mode == LengthMode::Auto && caps.apduLevel == ApduLevel::Extended;
    std::size_t responseLimit = caps.maxApduLength > 2 ? caps.maxApduLength - 2 : 0;
    if (!extended) {
        responseLimit = std::min<std::size_t>(responseLimit, kLeMaxShort);
    }
    SecureFileReader files(reader, std::move(*session), responseLimit, options.maxReadBlock,
                           extended);
    if (files.maxRead() == 0) {
        return makeError(idcard_error::kUnsupported, "reader messages are too small for SM");
    }
    if (protocol == AccessProtocol::Pace) {
        // After PACE the application is selected inside the secure channel (9303-11 §4.4).
        auto selected = files.send(selectApplication());
        if (!selected) {
            return selected.error();
        }
        if (!selected->ok()) {
            return makeError(idcard_error::kUnsupported, "card has no eMRTD application");
        }
    }

    CardData data;
    data.access = protocol;
    auto addFile = [&](int number, std::uint16_t fileId, Bytes bytes) {
        data.files.push_back(DataGroupFile{number, fileId, std::move(bytes)});
    };

    auto com = files.readFile(kFileIdCom);
    if (!com) {
        return com.error();
    }
    auto comContent = parseCom(*com);
    if (!comContent) {
        return comContent.error();
    }
    data.ldsVersion = comContent->ldsVersion;
    data.listedGroups = comContent->dataGroups;
    addFile(0, kFileIdCom, std::move(*com));

    for (int number : data.listedGroups) {
        // DG3/DG4 (fingerprints, iris) need EAC terminal authentication: the card answers 6982.
        if (number == 3 || number == 4 || (number == 2 && !options.readFacePhoto)) {
            continue;
        }
        if (!options.onlyGroups.empty() && number != 1 &&
            std::find(options.onlyGroups.begin(), options.onlyGroups.end(), number) ==
                options.onlyGroups.end()) {
            continue;
        }
        auto file = files.readFile(dataGroupFileId(number));
        if (!file) {
            if (file.error().code == kFileMissing && number != 1) {
                continue;
            }
            // One refused or broken group other than DG1 does not fail the card; a reader or
            // card problem (card.*) or a broken secure channel still does.
            bool transport = file.error().code.rfind("card.", 0) == 0 ||
                             file.error().code.rfind("sm.", 0) == 0 ||
                             file.error().code == kExtendedRefused;
            if (number != 1 && !transport) {
                data.unreadGroups.push_back(number);
                continue;
            }
            return file.error();
        }
        addFile(number, dataGroupFileId(number), std::move(*file));
    }
    auto sod = files.readFile(kFileIdSod);
    if (!sod) {
        return sod.error();
    }
    addFile(29, kFileIdSod, std::move(*sod));
    // Passive authentication first: Active Authentication is only worth running with a DG15
    // whose hash the issuer's signature covers (9303-11 §6.1).
    data.passiveAuth = verifyPassiveAuth(data.file(29)->bytes, data.files, options.trustStore,
                                         options.moreTrustStores);
    auto active = activeAuthentication(files, data, options);
    if (!active) {
        return active.error();
    }
    data.activeAuth = std::move(*active);
    reader.powerOff();

    const DataGroupFile* dg1 = data.file(1);
    if (dg1 == nullptr) {
        return makeError(idcard_error::kMalformed, "card has no DG1");
    }
    auto mrz = parseDg1(dg1->bytes);
    if (!mrz) {
        return mrz.error();
    }
    data.mrz = std::move(*mrz);
    if (const DataGroupFile* dg13 = data.file(13)) {
        if (auto personal = parseDg13(dg13->bytes)) {
            data.personal = std::move(*personal);
            data.hasPersonalData = true;
        } else {
            // DG1 and the signature can still be good: pre-fill from them, say DG13 was not.
            data.unreadGroups.push_back(13);
        }
    }
    return data;
}

} // namespace

AccessKey AccessKey::forCccd(std::string_view idNumber12, std::string_view dateOfBirth,
                             std::string_view dateOfExpiry) {
    AccessKey key = fromMrz(cccdDocumentNumber(idNumber12), dateOfBirth, dateOfExpiry);
    if (idNumber12.size() >= 6) {
        key.can = std::string(idNumber12.substr(idNumber12.size() - 6));
    }
    return key;
}

AccessKey AccessKey::fromMrz(std::string_view documentNumber, std::string_view dateOfBirth,
                             std::string_view dateOfExpiry) {
    AccessKey key;
    key.documentNumber = std::string(documentNumber);
    key.dateOfBirth = std::string(dateOfBirth);
    key.dateOfExpiry = std::string(dateOfExpiry);
    return key;
}

AccessKey AccessKey::fromCan(std::string_view can) {
    AccessKey key;
    key.can = std::string(can);
    return key;
}

std::string AccessKey::mrzInformation() const {
    return bacMrzInformation(documentNumber, dateOfBirth, dateOfExpiry);
}

AccessKey::~AccessKey() {
    for (std::string* secret : {&documentNumber, &dateOfBirth, &dateOfExpiry, &can}) {
        wipeText(*secret);
    }
}

ReadFailure readFailureOf(const Error& error) {
    const std::string& code = error.code;
    if (code == idcard_error::kNoCard) {
        return ReadFailure::NoCard;
    }
    if (code == idcard_error::kWrongAccessKey) {
        return ReadFailure::WrongAccessKey;
    }
    if (code == idcard_error::kCardRemoved) {
        return ReadFailure::CardRemoved;
    }
    if (code == idcard_error::kReaderUnplugged) {
        return ReadFailure::ReaderUnplugged;
    }
    if (code == idcard_error::kUnsupported) {
        return ReadFailure::Unsupported;
    }
    if (code == idcard_error::kNeedsMrzKey) {
        return ReadFailure::NeedsMrzKey;
    }
    return ReadFailure::Malformed;
}

std::string_view readFailureName(ReadFailure failure) {
    switch (failure) {
    case ReadFailure::NoCard:
        return "no_card";
    case ReadFailure::WrongAccessKey:
        return "wrong_access_key";
    case ReadFailure::CardRemoved:
        return "card_removed";
    case ReadFailure::ReaderUnplugged:
        return "reader_unplugged";
    case ReadFailure::Unsupported:
        return "unsupported";
    case ReadFailure::Malformed:
        return "malformed";
    case ReadFailure::NeedsMrzKey:
        return "needs_mrz_key";
    }
    return "malformed";
}

Result<CardData> readIdCard(CardReader& reader, const AccessKey& key, const ReadOptions& options,
                            ReadStats* stats) {
    ReadStats local;
    ReadStats& counted = stats != nullptr ? *stats : local;
    counted = {};
    CountingReader counting(reader, counted);
    auto start = std::chrono::steady_clock::now();
    Result<CardData> result = makeError(idcard_error::kMalformed, "not read");
    LengthMode mode = options.lengthMode;
    for (;;) {
        ++counted.attempts;
        result = readOnce(counting, key, options, mode);
        if (!result && result.error().code == kExtendedRefused && mode == LengthMode::Auto) {
            // Some cards advertise nothing and refuse extended length: start over with short
            // reads (a fresh power-up also resets the secure messaging session).
            counting.powerOff();
            mode = LengthMode::ShortOnly;
            continue;
        }
        if (!result && mode == LengthMode::ShortOnly && counted.attempts > 1 &&
            result.error().code == card_error::kNoCard) {
            // The card left during the extended attempt: that is a removal, not "no card".
            result = makeError(card_error::kRemoved, "card removed during the read");
        }
        break;
    }
    if (!result) {
        counting.powerOff();
    }
    counted.milliseconds =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!result) {
        return categorised(result.error());
    }
    // Reported only for the attempt that succeeded, so a short-mode retry does not repeat files.
    if (options.onFile) {
        for (const auto& file : result->files) {
            options.onFile(file);
        }
    }
    return result;
}

} // namespace kiosk::icao
