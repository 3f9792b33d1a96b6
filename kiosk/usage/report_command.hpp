// `kioskctl report`: a usage report for a date range as CSV or as the printable summary.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace kiosk {

// args (after "report"):
//   --from YYYY-MM-DD --to YYYY-MM-DD | --period today|week|month
//   [--csv] [--db FILE] [--lang vi|en]
// The default database is usageDatabasePath of the default data directory. Returns the exit
// status: 0 done, 1 the report could not be made, 2 bad arguments.
int runReportCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace kiosk
