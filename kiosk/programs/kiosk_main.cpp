// kiosk: the touchscreen program. Parses the command line and hands over to the UI.
#include "ui/app.hpp"

int main(int argc, char** argv) {
    return kiosk::ui::runKiosk(argc, argv);
}
