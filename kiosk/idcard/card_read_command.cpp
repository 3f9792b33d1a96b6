// `kioskctl card read`: a maintainer's check that a reader and a card work end to end.
#include "kiosk/idcard/card_read_command.hpp"

#include "drivers/card_reader/ccid_reader.hpp"
#include "drivers/card_reader/hex.hpp"
#include "drivers/card_reader/icao/id_card_reader.hpp"
#include "drivers/card_reader/icao/lds.hpp"
#include "drivers/card_reader/reader_quirks.hpp"
#include "drivers/card_reader/sim/simulated_reader.hpp"

#include <cstdio>
#include <filesystem>
#include <iomanip>

namespace kiosk {
namespace {

std::string hex4(std::uint16_t value) {
    char text[8];
    std::snprintf(text, sizeof text, "%04x", value);
    return text;
}

std::string fileName(const icao::DataGroupFile& file) {
    if (file.number == 0) {
        return "EF.COM";
    }
    if (file.number == 29) {
        return "EF.SOD";
    }
    return "DG" + std::to_string(file.number);
}

std::string_view outcomeName(icao::PassiveAuthOutcome outcome) {
    switch (outcome) {
    case icao::PassiveAuthOutcome::NotChecked:
        return "not checked";
    case icao::PassiveAuthOutcome::Verified:
        return "VERIFIED";
    case icao::PassiveAuthOutcome::NotVerified:
        return "NOT VERIFIED";
    case icao::PassiveAuthOutcome::UnknownIssuer:
        return "UNKNOWN ISSUER (no matching CSCA in the trust store)";
    case icao::PassiveAuthOutcome::SignerRevoked:
        return "REVOKED (the document signer is on its CSCA's revocation list)";
    }
    return "?";
}

std::string_view activeAuthName(icao::ActiveAuthOutcome outcome) {
    switch (outcome) {
    case icao::ActiveAuthOutcome::NotOffered:
        return "not offered (no DG15 in the SOD)";
    case icao::ActiveAuthOutcome::NotChecked:
        return "not checked";
    case icao::ActiveAuthOutcome::Passed:
        return "PASSED";
    case icao::ActiveAuthOutcome::Failed:
        return "FAILED";
    }
    return "?";
}

std::string_view authenticityMeaning(icao::CardAuthenticity authenticity) {
    switch (authenticity) {
    case icao::CardAuthenticity::Genuine:
        return "issuer's signature valid and the chip proved it is the original";
    case icao::CardAuthenticity::IssuerSigned:
        return "data signed by the issuer; the chip itself was not checked";
    case icao::CardAuthenticity::ChipNotProven:
        return "data signed by the issuer, but the chip is NOT the original: a copy";
    case icao::CardAuthenticity::UnknownIssuer:
        return "signature valid, but the signer is not in the trust store";
    case icao::CardAuthenticity::SignatureInvalid:
        return "the security object's signature does not verify: forged or damaged";
    case icao::CardAuthenticity::DataAltered:
        return "a data group does not match its signed hash: not pre-filled";
    case icao::CardAuthenticity::SignerRevoked:
        return "the issuer revoked the certificate that signed this card: do not trust it";
    }
    return "?";
}

Status checkAccessKey(const CardReadRequest& request) {
    if (!request.simulated && (request.idNumber.size() != 12 || request.dateOfBirth.size() != 6 ||
                               request.dateOfExpiry.size() != 6)) {
        return makeError("usage", "a real card needs --id <12 digits> --dob YYMMDD --doe YYMMDD");
    }
    return ok();
}

void printField(std::ostream& out, const char* label, const std::string& value, bool show) {
    if (value.empty()) {
        return;
    }
    out << "  " << std::left << std::setw(20) << label << (show ? value : maskPersonal(value))
        << '\n';
}

void printCard(std::ostream& out, const icao::CardData& data, const icao::ReadStats& stats,
               bool show) {
    out << "Access control: "
        << (data.access == icao::AccessProtocol::Pace ? "PACE (ECDH generic mapping, AES)"
                                                      : "BAC (3DES)")
        << ", LDS " << data.ldsVersion << '\n';
    const auto& mrz = data.mrz;
    out << "MRZ (DG1), check digits " << (mrz.checkDigitsValid ? "valid" : "INVALID") << ":\n";
    printField(out, "document", mrz.documentCode + " " + mrz.issuingState, true);
    printField(out, "document number", mrz.documentNumber, show);
    printField(out, "optional data", mrz.optionalData1, show);
    printField(out, "surname", mrz.primaryIdentifier, show);
    printField(out, "given names", mrz.secondaryIdentifier, show);
    printField(out, "date of birth", mrz.dateOfBirth, show);
    printField(out, "sex", mrz.sex, show);
    printField(out, "date of expiry", mrz.dateOfExpiry, show);
    if (data.hasPersonalData) {
        const auto& p = data.personal;
        out << "Personal data (DG13):\n";
        printField(out, "ID number", p.idNumber, show);
        printField(out, "full name", p.fullName, show);
        printField(out, "date of birth", p.dateOfBirth, show);
        printField(out, "sex", p.sex, show);
        printField(out, "nationality", p.nationality, show);
        printField(out, "ethnicity", p.ethnicity, show);
        printField(out, "religion", p.religion, show);
        printField(out, "place of origin", p.placeOfOrigin, show);
        printField(out, "place of residence", p.placeOfResidence, show);
        printField(out, "identifying marks", p.identifyingMarks, show);
        printField(out, "date of issue", p.dateOfIssue, show);
        printField(out, "date of expiry", p.dateOfExpiry, show);
        printField(out, "father", p.fatherName, show);
        printField(out, "mother", p.motherName, show);
        printField(out, "spouse", p.spouseName, show);
        printField(out, "old ID number", p.oldIdNumber, show);
        for (const auto& field : p.otherFields) {
            out << "  field " << field.number << " (raw, " << field.der.size() << " bytes)"
                << (show ? ": " + toHex(field.der) : std::string{}) << '\n';
        }
    }
    out << "Passive authentication: " << outcomeName(data.passiveAuth.outcome) << '\n';
    out << "  signature " << (data.passiveAuth.signatureValid ? "valid" : "invalid") << ", hashes "
        << (data.passiveAuth.hashesMatch ? "match" : "DO NOT match") << ", chain "
        << (data.passiveAuth.chainValid ? "valid" : "not validated") << '\n';
    if (!data.passiveAuth.reason.empty()) {
        out << "  " << data.passiveAuth.reason << '\n';
    }
    out << "Active authentication: " << activeAuthName(data.activeAuth.outcome);
    if (!data.activeAuth.algorithm.empty()) {
        out << " (" << data.activeAuth.algorithm << ')';
    }
    out << '\n';
    if (!data.activeAuth.reason.empty()) {
        out << "  " << data.activeAuth.reason << '\n';
    }
    icao::CardAuthenticity authenticity = icao::cardAuthenticity(data);
    out << "Authenticity: " << icao::cardAuthenticityName(authenticity) << " ("
        << authenticityMeaning(authenticity) << ")\n";
    out << "Cost: " << stats.apdus << " APDUs, " << stats.bytesSent << " bytes sent, "
        << stats.bytesReceived << " bytes received, " << std::fixed << std::setprecision(1)
        << stats.milliseconds << " ms, " << stats.attempts << " attempt(s)\n";
}

} // namespace

std::string maskPersonal(const std::string& value) {
    std::string out;
    for (std::size_t i = 0; i < value.size(); ++i) {
        auto byte = static_cast<unsigned char>(value[i]);
        if ((byte & 0xC0) == 0x80) {
            continue; // UTF-8 continuation byte: part of a character already masked
        }
        bool keep = byte == ' ' || byte == '/' || byte == ',' || byte == '<' || byte == '-';
        out.push_back(keep ? static_cast<char>(byte) : '*');
    }
    return out;
}

int runCardRead(const CardReadRequest& request, const UsbReaderOpener& openUsbReader,
                std::ostream& out, std::ostream& err) {
    if (Status usable = checkAccessKey(request); !usable) {
        err << "kioskctl card read: " << usable.error().message << '\n';
        return 2;
    }
    std::unique_ptr<CardReader> reader;
    icao::AccessKey key;
    icao::ReadOptions readOptions;
    readOptions.readFacePhoto = request.photo;
    if (request.bacOnly) {
        readOptions.access = icao::AccessPreference::BacOnly;
    }
    readOptions.trustStore = request.trust;
    std::filesystem::path tempTrust;
    sim::TestPki keepPki;
    if (request.simulated) {
        const auto& directory = request.profiles;
        std::string name = request.profile;
        if (name.empty()) {
            auto names = sim::listCardProfiles(directory);
            if (names.empty()) {
                err << "kioskctl card read: no profiles in " << directory << '\n';
                return 1;
            }
            name = names.front();
        }
        std::filesystem::path file = name.find('/') != std::string::npos
                                         ? std::filesystem::path(name)
                                         : directory / (name + ".json");
        auto profile = sim::loadCardProfile(file);
        if (!profile) {
            err << "kioskctl card read: " << profile.error().message << '\n';
            return 1;
        }
        auto made = sim::makeSimulatedReader(*profile);
        if (!made) {
            err << "kioskctl card read: " << made.error().message << '\n';
            return 1;
        }
        out << "Simulated reader, card profile " << profile->profileName << '\n';
        if (!request.simFault.empty()) {
            sim::CardFaults& faults = made->transport->card()->faults();
            if (request.simFault == "cloned-chip") {
                faults.clonedChip = true;
            } else if (request.simFault == "no-active-auth") {
                faults.refuseActiveAuth = true;
            } else if (request.simFault == "altered-data") {
                faults.alterDataGroup = 13;
            } else {
                err << "kioskctl card read: unknown --sim-fault " << request.simFault
                    << " (cloned-chip, no-active-auth, altered-data)\n";
                return 2;
            }
            out << "Simulated fault: " << request.simFault << '\n';
        }
        key = icao::AccessKey::forCccd(profile->idNumber, sim::mrzDate(profile->dateOfBirth),
                                       sim::mrzDate(profile->dateOfExpiry));
        if (readOptions.trustStore.empty()) {
            tempTrust = std::filesystem::temp_directory_path() /
                        ("kioskctl-csca-" + std::to_string(reinterpret_cast<std::uintptr_t>(&out)));
            std::filesystem::create_directories(tempTrust);
            if (auto written = sim::writeCscaCertificate(made->pki, tempTrust / "csca.pem");
                !written) {
                err << "kioskctl card read: " << written.error().message << '\n';
                return 1;
            }
            readOptions.trustStore = tempTrust;
        }
        keepPki = std::move(made->pki);
        reader = std::move(made->reader);
    } else {
        auto transport = openUsbReader ? openUsbReader()
                                       : Result<std::unique_ptr<UsbTransport>>(
                                             makeError("usb", "no USB support in this build"));
        if (!transport) {
            err << "kioskctl card read: " << transport.error().message << '\n';
            return 1;
        }
        const UsbDeviceInfo& usb = (*transport)->info();
        if (const ReaderQuirk* quirk = findReaderQuirk(usb.vendorId, usb.productId)) {
            out << "Reader model: " << quirk->model << " (" << quirk->note << ")\n";
            if (quirk->support == ReaderSupport::Avoid) {
                out << "WARNING: this reader model is known to fail with chip ID cards\n";
            }
        }
        out << "USB " << hex4(usb.vendorId) << ':' << hex4(usb.productId) << " interface "
            << static_cast<int>(usb.interfaceNumber) << (usb.product.empty() ? "" : " (")
            << usb.product << (usb.product.empty() ? "" : ")") << '\n';
        auto timeouts = ccidTimeoutsFor(usb.vendorId, usb.productId);
        out << "Read timeout: " << timeouts.read.count() << " ms\n";
        auto ccid = CcidReader::open(std::move(*transport), timeouts);
        if (!ccid) {
            err << "kioskctl card read: " << ccid.error().message << '\n';
            return 1;
        }
        out << "Reader: dwMaxCCIDMessageLength " << (*ccid)->descriptor().dwMaxCCIDMessageLength
            << ", "
            << ((*ccid)->capabilities().apduLevel == ApduLevel::Extended ? "extended" : "short")
            << " APDU level\n";
        key = icao::AccessKey::forCccd(request.idNumber, request.dateOfBirth, request.dateOfExpiry);
        reader = std::move(*ccid);
    }

    bool show = request.show;
    readOptions.onFile = [&](const icao::DataGroupFile& file) {
        char id[8];
        std::snprintf(id, sizeof id, "%04X", file.fileId);
        out << "read " << std::left << std::setw(7) << fileName(file) << " (" << id << ") "
            << file.bytes.size() << " bytes";
        if (show) {
            out << ": " << toHex(file.bytes);
        }
        out << '\n';
    };
    icao::ReadStats stats;
    auto data = icao::readIdCard(*reader, key, readOptions, &stats);
    if (!tempTrust.empty()) {
        std::error_code ignored;
        std::filesystem::remove_all(tempTrust, ignored);
    }
    if (!data) {
        err << "kioskctl card read: " << icao::readFailureName(icao::readFailureOf(data.error()))
            << ": " << data.error().message << '\n';
        return 1;
    }
    printCard(out, *data, stats, show);
    return 0;
}

} // namespace kiosk
