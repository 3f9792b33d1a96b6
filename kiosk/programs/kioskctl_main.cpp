// kioskctl: the maintainers' command line (content packs, outbox, reports, devices, docs).
#include "kiosk/cli/kioskctl_cli.hpp"
#include "kiosk/devices/usb_card_reader.hpp"

#include <iostream>

int main(int argc, char** argv) {
    kiosk::cli::KioskctlIo io{std::cout,
                              std::cerr,
                              kiosk::terminalPinReader(),
                              kiosk::usbCardReaderOpener(),
                              kiosk::PinHashParams{},
                              kiosk::libusbInterfaceLister()};
    return kiosk::cli::runKioskctl(std::vector<std::string>(argv + 1, argv + argc), io);
}
