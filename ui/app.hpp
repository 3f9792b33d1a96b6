// Entry point of the `kiosk` program's UI: runs the kiosk, the screenshot pass or the demo.
#pragma once

namespace kiosk::ui {

int runKiosk(int argc, char** argv);

} // namespace kiosk::ui
