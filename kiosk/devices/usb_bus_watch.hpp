// Hears a USB device arrive or leave through the device nodes the kernel itself keeps under
// /dev/bus/usb (devtmpfs: no udev needed), so an idle kiosk with nothing plugged in need not
// look for its printer and reader every second.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <thread>

namespace kiosk {

class UsbBusWatch {
public:
    // Watches `root` (one folder per bus, one node per device) and calls `changed` on its own
    // thread after every arrival or departure. Null when `root` cannot be watched (no such
    // folder, no inotify): the caller then keeps polling.
    static std::unique_ptr<UsbBusWatch> open(const std::filesystem::path& root,
                                             std::function<void()> changed);
    ~UsbBusWatch();
    UsbBusWatch(const UsbBusWatch&) = delete;
    UsbBusWatch& operator=(const UsbBusWatch&) = delete;

private:
    UsbBusWatch(int inotifyFd, int stopFd, std::filesystem::path root,
                std::function<void()> changed);
    void run();
    // Adds a watch on every bus folder there is now.
    void watchBuses();

    int inotifyFd_;
    int stopFd_;
    std::filesystem::path root_;
    std::function<void()> changed_;
    std::thread thread_;
};

} // namespace kiosk
