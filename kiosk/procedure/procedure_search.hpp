// Finding a procedure by what the resident types: accents, case and word order forgiven.
#pragma once

#include "kiosk/procedure/procedure_loader.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// Lower case ASCII with every Vietnamese mark removed (đ -> d, ế -> e), anything that is not a
// letter or digit turned into one space, no leading or trailing space: "Đăng ký  KẾT-hôn" ->
// "dang ky ket hon". Residents type with or without tones, so both sides are folded.
std::string foldForSearch(std::string_view utf8);

// How well a procedure matched, best first; the score orders results, the code names them.
struct SearchHit {
    std::string code;
    int score = 0;
};

// The procedures matching `query`, best first: the typed words as a phrase from the start of a
// word, then every typed word starting a word (in any order), then words found inside longer
// words. At each of these, a short text that is mostly the typed words comes before a long
// one, and a name before a keyword. Ties keep the catalog's popularity order.
// Every typed word must be found; an empty query finds nothing.
std::vector<SearchHit> searchProcedures(const ProcedureCatalog& catalog, std::string_view query);

} // namespace kiosk
