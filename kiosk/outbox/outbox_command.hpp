// `kioskctl outbox list|retry` and `kioskctl procedures check`: maintainers' views, no personal
// data.
#pragma once

#include "kiosk/config/config.hpp"

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace kiosk {

// The outbox file inside the data directory.
std::filesystem::path outboxPath(const Config& config);

// args: "list" | "retry", then optional "--db FILE". `retry` makes every undelivered dossier due
// and, when [gateway] credential_file is set, tries them once now. Returns the exit code.
int runOutboxCommand(const std::vector<std::string>& args, const Config& config, std::ostream& out,
                     std::ostream& err);

// Loads a content directory's procedures, lists and categories and prints every problem.
int runProceduresCheck(const std::filesystem::path& contentDir, std::ostream& out,
                       std::ostream& err);

} // namespace kiosk
