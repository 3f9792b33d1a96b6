// libusb-backed opener for the card reader setup and `kioskctl card read`.
#include "kiosk/devices/usb_card_reader.hpp"

#include "drivers/usb/usb_context.hpp"

namespace kiosk {

UsbReaderOpener usbCardReaderOpener() {
    return []() -> Result<std::unique_ptr<UsbTransport>> {
        auto context = openUsbContext();
        if (!context) {
            return context.error();
        }
        auto found = findUsbInterfaces(**context, kSmartCardInterfaceClass);
        if (!found) {
            return found.error();
        }
        if (found->empty()) {
            return makeError(usb_error::kNoDevice,
                             "no smart-card reader (USB interface class 0x0B) is connected");
        }
        return openUsbInterface(*context, found->front());
    };
}

} // namespace kiosk
