// EF.SOD (9303-10 §4.6.2, 9303-11 §5.1): LDS security object parsing and passive authentication.
#pragma once

#include "drivers/card_reader/icao/card_data.hpp"
#include "drivers/common/result.hpp"

#include <filesystem>
#include <span>
#include <string>
#include <vector>

namespace kiosk::icao {

struct DataGroupHash {
    int number = 0;
    Bytes hash;
};

struct LdsSecurityObject {
    std::string hashAlgorithm; // OpenSSL digest name, e.g. "SHA256"
    std::vector<DataGroupHash> hashes;
};

// The CMS ContentInfo inside EF.SOD (tag 77 stripped).
Result<Bytes> sodCms(std::span<const std::uint8_t> sodFile);
// LDSSecurityObject ::= SEQUENCE { version, hashAlgorithm, SEQUENCE OF DataGroupHash, ... }.
Result<LdsSecurityObject> parseLdsSecurityObject(std::span<const std::uint8_t> der);
// Parses EF.SOD and its LDS security object without checking any signature.
Result<LdsSecurityObject> parseSod(std::span<const std::uint8_t> sodFile);

// Passive authentication: CMS signature (with the embedded document signer certificate), the
// hash of every data group in `files` (EF.COM and EF.SOD excluded), and the signer chain to a
// CSCA found in `trustStore` (a directory of PEM or DER certificates; empty path: no store),
// and, where the CSCA published a revocation list (CRL) there, that the signer is not on it.
// `moreTrustStores`: further directories, e.g. the CSCA list a signed content pack carries.
PassiveAuthReport verifyPassiveAuth(std::span<const std::uint8_t> sodFile,
                                    const std::vector<DataGroupFile>& files,
                                    const std::filesystem::path& trustStore,
                                    const std::vector<std::filesystem::path>& moreTrustStores = {});

// One certificate of a trust store directory, for `kioskctl card trust list`.
struct TrustAnchor {
    std::filesystem::path file;
    std::string subject;  // one line, as OpenSSL prints it
    std::string notAfter; // YYYY-MM-DD
    bool expired = false;
};
std::vector<TrustAnchor> listTrustAnchors(const std::filesystem::path& directory);

// One revocation list (CRL) of a trust store directory: a CSCA's list of the document signers
// it revoked. Cards are checked against it where their issuer published one.
struct RevocationListInfo {
    std::filesystem::path file;
    std::string issuer;     // the CSCA that signed the list, one line
    std::string lastUpdate; // YYYY-MM-DD
    std::string nextUpdate; // YYYY-MM-DD; empty when the list names none
    bool stale = false;     // past its next update: still applied, but a newer list is due
    int revokedCount = 0;
};
std::vector<RevocationListInfo> listRevocationLists(const std::filesystem::path& directory);

} // namespace kiosk::icao
