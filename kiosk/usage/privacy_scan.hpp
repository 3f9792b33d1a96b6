// Privacy scan: searches every file under a directory for residents' data, also in disguise.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace kiosk {

// `label` names the kind of secret ("name", "id_number", "birth_date", "phone") and is what a
// finding reports; `text` is the secret itself and never appears in a finding.
struct PrivacySecret {
    std::string label;
    std::string text;
};

struct PrivacyFinding {
    std::filesystem::path file;
    std::string label;        // the secret's label
    std::string variant;      // which disguise matched, e.g. "exact", "folded", "digits", "utf16le"
    std::uint64_t offset = 0; // in the file, or in the normalised view for folded/digit variants
};

// Looks for each secret byte-wise in every regular file under `directory` (databases and their
// -wal/-shm files, CSVs, logs), as:
//   exact      the UTF-8 bytes;  utf16le  the same text in UTF-16LE;  hex  its hex dump;
//   folded     without Vietnamese diacritics, any case, with or without spaces
//              ("NGUYEN THI ANH TUYET", "nguyenthianhtuyet"; also NFD-decomposed text);
//   digits     the digits alone when there are 8 or more, with separators ignored in the file
//              ("0912 345 678", "001-190-012-345"); a date also reordered (yyyymmdd, ddmmyyyy)
//              and a phone number also as +84 / 84.
// Returns every match; an empty result means none was found.
std::vector<PrivacyFinding> scanForSecrets(const std::filesystem::path& directory,
                                           const std::vector<PrivacySecret>& secrets);

// The same on bytes already in memory (`name` is reported as the file).
std::vector<PrivacyFinding> scanBytesForSecrets(const std::string& bytes,
                                                const std::filesystem::path& name,
                                                const std::vector<PrivacySecret>& secrets);

// Folding used by the scan: Vietnamese letters to their base ASCII letter, combining marks
// dropped, ASCII lowercased; other bytes unchanged.
std::string foldVietnamese(const std::string& text);

} // namespace kiosk
