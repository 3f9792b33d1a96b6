// Procedure search: fold both sides to unmarked ASCII words, then rank by where the words match.
#include "kiosk/procedure/procedure_search.hpp"

#include "kiosk/input/utf8.hpp"
#include "kiosk/input/vietnamese_letters.hpp"

#include <algorithm>

namespace kiosk {
namespace {

std::vector<std::string_view> wordsOf(std::string_view folded) {
    std::vector<std::string_view> words;
    std::size_t start = 0;
    while (start < folded.size()) {
        std::size_t end = folded.find(' ', start);
        if (end == std::string_view::npos) {
            end = folded.size();
        }
        if (end > start) {
            words.push_back(folded.substr(start, end - start));
        }
        start = end + 1;
    }
    return words;
}

bool startsWith(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// Where the typed words sit in one folded text; higher is a closer match, 0 is none.
enum Tier : int {
    NoMatch = 0,
    InsideWords = 1,  // every typed word found, some inside longer words ("sinh" in "khaisinh")
    WordStarts = 2,   // every typed word starts a word of the text, in any order
    PhraseAtWord = 3, // the typed words, in order, starting at a word boundary
};

Tier matchTier(std::string_view folded, std::string_view query,
               const std::vector<std::string_view>& queryWords) {
    const std::string padded = " " + std::string(folded);
    if (padded.find(" " + std::string(query)) != std::string::npos) {
        return PhraseAtWord;
    }
    std::vector<std::string_view> words = wordsOf(folded);
    bool allStart = true;
    for (std::string_view typed : queryWords) {
        bool starts = std::any_of(words.begin(), words.end(),
                                  [&](std::string_view word) { return startsWith(word, typed); });
        if (!starts) {
            allStart = false;
            if (folded.find(typed) == std::string_view::npos) {
                return NoMatch;
            }
        }
    }
    return allStart ? WordStarts : InsideWords;
}

// One text's score: the tier first, then texts that are mostly the typed words ("thường trú"
// finds "Đăng ký thường trú" before a long linked procedure that mentions it among many
// things; "giấy khai sinh" finds the birth registration, whose keyword it is, before the copy
// of a birth certificate, whose long name holds it), then names before keywords.
int textScore(std::string_view folded, std::string_view query,
              const std::vector<std::string_view>& queryWords, bool isName) {
    Tier tier = matchTier(folded, query, queryWords);
    if (tier == NoMatch) {
        return 0;
    }
    bool focused = queryWords.size() * 2 >= wordsOf(folded).size();
    return tier * 4 + (focused ? 2 : 0) + (isName ? 1 : 0);
}

} // namespace

std::string foldForSearch(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    bool pendingSpace = false;
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        bool valid = true;
        char32_t codepoint = input::decodeUtf8At(utf8, pos, valid);
        if (input::isCombiningMark(codepoint)) {
            continue; // decomposed text: the mark goes, its letter was already kept
        }
        char folded = 0;
        if (codepoint >= U'0' && codepoint <= U'9') {
            folded = static_cast<char>(codepoint);
        } else if (auto parts = input::decomposeLetter(codepoint)) {
            folded = parts->base; // the base letter, lower case, with no mark or tone
        }
        if (folded == 0) {
            pendingSpace = !out.empty();
            continue;
        }
        if (pendingSpace) {
            out.push_back(' ');
            pendingSpace = false;
        }
        out.push_back(folded);
    }
    return out;
}

std::vector<SearchHit> searchProcedures(const ProcedureCatalog& catalog, std::string_view query) {
    const std::string folded = foldForSearch(query);
    const std::vector<std::string_view> queryWords = wordsOf(folded);
    std::vector<SearchHit> hits;
    if (queryWords.empty()) {
        return hits;
    }
    // The catalog is sorted by popularity; a stable sort keeps that order among equal scores.
    for (const Procedure& procedure : catalog.procedures) {
        int best = 0;
        for (const std::string* name : {&procedure.name.vi, &procedure.name.en}) {
            best = std::max(best, textScore(foldForSearch(*name), folded, queryWords, true));
        }
        for (const std::string& keyword : procedure.keywords) {
            best = std::max(best, textScore(foldForSearch(keyword), folded, queryWords, false));
        }
        if (best > 0) {
            hits.push_back({procedure.code, best});
        }
    }
    std::stable_sort(hits.begin(), hits.end(),
                     [](const SearchHit& a, const SearchHit& b) { return a.score > b.score; });
    return hits;
}

} // namespace kiosk
