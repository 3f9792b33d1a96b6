// `kioskctl outbox list|retry` and `kioskctl procedures check`: maintainers' views, no personal
// data.
#pragma once

#include "kiosk/config/config.hpp"

#include <filesystem>
#include <ostream>

namespace kiosk {

// The outbox file inside the data directory.
std::filesystem::path outboxPath(const Config& config);

enum class OutboxAction { List, Retry };

// `list` prints every dossier's reference, state and codes; `retry` makes every undelivered
// dossier due and, when [gateway] credential_file is set, tries them once now. `file` is the
// outbox (outboxPath(config) unless --db). Returns the exit code: 0 done, 1 failed.
int runOutboxCommand(OutboxAction action, const std::filesystem::path& file, const Config& config,
                     std::ostream& out, std::ostream& err);

// Loads a content directory's procedures, lists and categories and prints every problem.
int runProceduresCheck(const std::filesystem::path& contentDir, std::ostream& out,
                       std::ostream& err);

} // namespace kiosk
