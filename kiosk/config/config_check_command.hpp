// `kioskctl config check FILE`: the configuration's values, then the files it names.
#pragma once

#include <filesystem>
#include <ostream>

namespace kiosk {

// 0 and "FILE: ok" when the kiosk would start with this configuration; 1 and the same message
// the kiosk would show on its maintenance screen otherwise.
int runConfigCheck(const std::filesystem::path& file, std::ostream& out, std::ostream& err);

} // namespace kiosk
