// Reads and checks procedure files, categories and picker lists from a content directory.
#pragma once

#include "drivers/common/result.hpp"
#include "kiosk/procedure/procedure.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk {

// Everything a content pack holds for guided submission.
struct ProcedureCatalog {
    std::vector<Procedure> procedures; // sorted by popularity
    std::vector<Category> categories;
    std::vector<PickerList> lists;

    const Procedure* findProcedure(const std::string& code) const;
    const PickerList* findList(const std::string& id) const;
};

// Parses one procedure file. `origin` names the file in messages, which read
// "<origin>: <json path>: <what is wrong>", one problem per line, all problems at once.
Result<Procedure> parseProcedure(const std::string& jsonText, const std::string& origin);
Result<PickerList> parsePickerList(const std::string& jsonText, const std::string& origin);
Result<std::vector<Category>> parseCategories(const std::string& jsonText,
                                              const std::string& origin);

// Loads <contentDir>/procedures/*.json, categories.json and <contentDir>/lists/*.json, then
// checks cross-references (categories, picker ids, prefill sources).
Result<ProcedureCatalog> loadProcedureCatalog(const std::filesystem::path& contentDir);

// Checks one procedure against categories and lists; returns the problems, empty when fine.
std::vector<std::string> crossCheckProcedure(const Procedure& procedure,
                                             const ProcedureCatalog& catalog,
                                             const std::string& origin);

} // namespace kiosk
