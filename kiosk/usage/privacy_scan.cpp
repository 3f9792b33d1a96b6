// Byte-wise secret search over exact, folded, UTF-16, hex and digits-only views of files.
#include "kiosk/usage/privacy_scan.hpp"

#include <array>
#include <fstream>
#include <string_view>
#include <utility>

namespace kiosk {
namespace {

// Decodes one UTF-8 sequence at `at`; returns the code point and its length, or the raw byte
// with length 1 when the bytes are not valid UTF-8 (binary files are scanned too).
std::pair<char32_t, std::size_t> decode(std::string_view text, std::size_t at) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    unsigned char lead = byte(at);
    std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xe ? 3 : 0;
    if (length <= 1 || at + length > text.size()) {
        return {lead, 1};
    }
    char32_t point = lead & (length == 2 ? 0x1f : 0x0f);
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xc0) != 0x80) {
            return {lead, 1};
        }
        point = (point << 6) | (byte(at + i) & 0x3f);
    }
    return {point, length};
}

// Base letter of each precomposed Vietnamese letter, lower and upper case.
constexpr std::array<std::pair<char, std::string_view>, 7> kLetterFamilies{{
    {'a', "àáảãạăằắẳẵặâầấẩẫậÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬ"},
    {'e', "èéẻẽẹêềếểễệÈÉẺẼẸÊỀẾỂỄỆ"},
    {'i', "ìíỉĩịÌÍỈĨỊ"},
    {'o', "òóỏõọôồốổỗộơờớởỡợÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢ"},
    {'u', "ùúủũụưừứửữựÙÚỦŨỤƯỪỨỬỮỰ"},
    {'y', "ỳýỷỹỵỲÝỶỸỴ"},
    {'d', "đĐ"},
}};

char baseLetter(char32_t point) {
    for (const auto& [base, family] : kLetterFamilies) {
        for (std::size_t at = 0; at < family.size();) {
            auto [member, length] = decode(family, at);
            if (member == point) {
                return base;
            }
            at += length;
        }
    }
    return 0;
}

bool isVietnameseMark(char32_t point) {
    // The marks Vietnamese uses when written decomposed (NFD): grave, acute, circumflex, tilde,
    // breve, hook above, horn, dot below.
    return point == 0x300 || point == 0x301 || point == 0x302 || point == 0x303 || point == 0x306 ||
           point == 0x309 || point == 0x31b || point == 0x323;
}

bool isDigit(char c) {
    return c >= '0' && c <= '9';
}

std::string digitsOf(std::string_view text) {
    std::string digits;
    for (char c : text) {
        if (isDigit(c)) {
            digits += c;
        }
    }
    return digits;
}

// Separators people and programs put inside numbers.
bool isNumberSeparator(char c) {
    return c == ' ' || c == '.' || c == '-' || c == '/' || c == '(' || c == ')' || c == '+';
}

std::string withoutSeparators(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    for (char c : bytes) {
        if (!isNumberSeparator(c)) {
            out += c;
        }
    }
    return out;
}

std::string withoutSpaces(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c != ' ') {
            out += c;
        }
    }
    return out;
}

std::string utf16le(std::string_view text) {
    std::string out;
    for (std::size_t at = 0; at < text.size();) {
        auto [point, length] = decode(text, at);
        at += length;
        auto unit = [&](char32_t value) {
            out += static_cast<char>(value & 0xff);
            out += static_cast<char>((value >> 8) & 0xff);
        };
        if (point >= 0x10000) {
            point -= 0x10000;
            unit(0xd800 + (point >> 10));
            unit(0xdc00 + (point & 0x3ff));
        } else {
            unit(point);
        }
    }
    return out;
}

std::string hexOf(std::string_view text, const char* digits) {
    std::string out;
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        out += digits[byte >> 4];
        out += digits[byte & 0xf];
    }
    return out;
}

struct Needle {
    std::string variant;
    std::string bytes;
};

struct Needles {
    std::vector<Needle> raw;     // searched in the file as it is
    std::vector<Needle> folded;  // searched in the folded view
    std::vector<Needle> numbers; // searched in the view without number separators
};

Needles needlesFor(const std::string& secret) {
    Needles needles;
    needles.raw.push_back({"exact", secret});
    needles.raw.push_back({"utf16le", utf16le(secret)});
    needles.raw.push_back({"hex", hexOf(secret, "0123456789abcdef")});
    needles.raw.push_back({"hex", hexOf(secret, "0123456789ABCDEF")});

    std::string folded = foldVietnamese(secret);
    // A folded two-letter word would match everywhere; such a secret is still searched exactly.
    if (folded.size() >= 4) {
        needles.folded.push_back({"folded", folded});
    }
    std::string compact = withoutSpaces(folded);
    if (compact != folded && compact.size() >= 6) {
        needles.folded.push_back({"folded", compact});
    }

    std::string digits = digitsOf(secret);
    if (digits.size() >= 8) {
        needles.numbers.push_back({"digits", digits});
    }
    // A date of birth written dd/mm/yyyy or yyyy-mm-dd: also look for the other orders.
    if (digits.size() == 8 && secret.size() == 10) {
        bool dayFirst = isDigit(secret[0]) && isDigit(secret[1]) && !isDigit(secret[2]);
        bool yearFirst = isDigit(secret[3]) && !isDigit(secret[4]);
        std::string d;
        std::string m;
        std::string y;
        if (dayFirst) {
            d = digits.substr(0, 2), m = digits.substr(2, 2), y = digits.substr(4, 4);
        } else if (yearFirst) {
            y = digits.substr(0, 4), m = digits.substr(4, 2), d = digits.substr(6, 2);
        }
        if (!y.empty()) {
            needles.numbers.push_back({"date", y + m + d});
            needles.numbers.push_back({"date", d + m + y});
            needles.numbers.push_back({"date", m + d + y});
        }
    }
    // A Vietnamese mobile number: 0xxxxxxxxx, 84xxxxxxxxx and +84xxxxxxxxx are the same phone.
    if (digits.size() == 10 && digits[0] == '0') {
        needles.numbers.push_back({"phone", "84" + digits.substr(1)});
    } else if (digits.size() == 11 && digits.rfind("84", 0) == 0) {
        needles.numbers.push_back({"phone", "0" + digits.substr(2)});
    }
    return needles;
}

void search(const std::string& haystack, const std::vector<Needle>& needles,
            const PrivacySecret& secret, const std::filesystem::path& name,
            std::vector<PrivacyFinding>& findings) {
    for (const Needle& needle : needles) {
        if (needle.bytes.empty()) {
            continue;
        }
        for (auto at = haystack.find(needle.bytes); at != std::string::npos;
             at = haystack.find(needle.bytes, at + 1)) {
            findings.push_back(PrivacyFinding{name, secret.label, needle.variant, at});
        }
    }
}

} // namespace

std::string foldVietnamese(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        auto [point, length] = decode(text, at);
        if (length == 1) {
            char c = text[at];
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        } else if (char base = baseLetter(point); base != 0) {
            out += base;
        } else if (!isVietnameseMark(point)) {
            out.append(text, at, length);
        }
        at += length;
    }
    return out;
}

std::vector<PrivacyFinding> scanBytesForSecrets(const std::string& bytes,
                                                const std::filesystem::path& name,
                                                const std::vector<PrivacySecret>& secrets) {
    std::vector<PrivacyFinding> findings;
    std::string folded = foldVietnamese(bytes);
    std::string numbers = withoutSeparators(bytes);
    for (const PrivacySecret& secret : secrets) {
        if (secret.text.empty()) {
            continue;
        }
        Needles needles = needlesFor(secret.text);
        search(bytes, needles.raw, secret, name, findings);
        search(folded, needles.folded, secret, name, findings);
        search(numbers, needles.numbers, secret, name, findings);
    }
    return findings;
}

std::vector<PrivacyFinding> scanForSecrets(const std::filesystem::path& directory,
                                           const std::vector<PrivacySecret>& secrets) {
    std::vector<PrivacyFinding> findings;
    std::error_code error;
    for (auto it = std::filesystem::recursive_directory_iterator(directory, error);
         !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        if (!it->is_regular_file(error)) {
            continue;
        }
        std::ifstream in(it->path(), std::ios::binary);
        auto size = it->file_size(error);
        if (error) {
            error.clear();
            continue;
        }
        std::string bytes(size, '\0');
        in.read(bytes.data(), static_cast<std::streamsize>(size));
        bytes.resize(static_cast<std::size_t>(in.gcount()));
        auto found = scanBytesForSecrets(bytes, it->path(), secrets);
        findings.insert(findings.end(), found.begin(), found.end());
    }
    return findings;
}

} // namespace kiosk
