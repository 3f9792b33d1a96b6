// libusb-1.0 behind the UsbTransport seam: enumeration, claiming, bulk and control transfers.
#include "drivers/usb/usb_context.hpp"

#include <algorithm>
#include <atomic>
#include <libusb.h>
#include <set>

namespace kiosk {

class UsbContext {
public:
    explicit UsbContext(libusb_context* context)
        : context_(context) {}
    ~UsbContext() { libusb_exit(context_); }
    UsbContext(const UsbContext&) = delete;
    UsbContext& operator=(const UsbContext&) = delete;

    libusb_context* get() const { return context_; }

private:
    libusb_context* context_;
};

namespace {

Error usbError(int code, const char* what) {
    std::string message = std::string(what) + ": " + libusb_strerror(code);
    switch (code) {
    case LIBUSB_ERROR_TIMEOUT:
        return makeError(usb_error::kTimeout, message);
    case LIBUSB_ERROR_PIPE:
        return makeError(usb_error::kStall, message);
    case LIBUSB_ERROR_NO_DEVICE:
    case LIBUSB_ERROR_NOT_FOUND:
        return makeError(usb_error::kNoDevice, message);
    default:
        return makeError(usb_error::kIo, message);
    }
}

struct DeviceList {
    libusb_device** devices = nullptr;
    ssize_t count = 0;
    ~DeviceList() {
        if (devices != nullptr) {
            libusb_free_device_list(devices, 1);
        }
    }
};

struct ConfigDescriptor {
    libusb_config_descriptor* descriptor = nullptr;
    ~ConfigDescriptor() {
        if (descriptor != nullptr) {
            libusb_free_config_descriptor(descriptor);
        }
    }
};

std::string readString(libusb_device_handle* handle, std::uint8_t index) {
    if (index == 0) {
        return {};
    }
    unsigned char text[128] = {};
    int length = libusb_get_string_descriptor_ascii(handle, index, text, sizeof text);
    if (length <= 0) {
        return {};
    }
    return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(length));
}

void describeInterface(const libusb_device_descriptor& device,
                       const libusb_interface_descriptor& alt, std::uint8_t configurationValue,
                       UsbInterfaceLocation& location) {
    location.configurationValue = configurationValue;
    location.alternateSetting = alt.bAlternateSetting;
    auto& info = location.info;
    info.vendorId = device.idVendor;
    info.productId = device.idProduct;
    info.interfaceClass = alt.bInterfaceClass;
    info.interfaceSubClass = alt.bInterfaceSubClass;
    info.interfaceProtocol = alt.bInterfaceProtocol;
    info.interfaceNumber = alt.bInterfaceNumber;
    // The class descriptor (CCID's lives here) follows the interface descriptor as "extra".
    if (alt.extra != nullptr && alt.extra_length > 0) {
        info.classDescriptor.assign(alt.extra, alt.extra + alt.extra_length);
    }
    for (int e = 0; e < alt.bNumEndpoints; ++e) {
        const auto& endpoint = alt.endpoint[e];
        auto type = endpoint.bmAttributes & LIBUSB_TRANSFER_TYPE_MASK;
        bool in = (endpoint.bEndpointAddress & LIBUSB_ENDPOINT_DIR_MASK) == LIBUSB_ENDPOINT_IN;
        // The first endpoint of each kind wins, as node-escpos and pappl do.
        if (type == LIBUSB_TRANSFER_TYPE_BULK && !in && location.bulkOutEndpoint == 0) {
            location.bulkOutEndpoint = endpoint.bEndpointAddress;
            info.bulkOutMaxPacket = endpoint.wMaxPacketSize;
        } else if (type == LIBUSB_TRANSFER_TYPE_BULK && in && location.bulkInEndpoint == 0) {
            location.bulkInEndpoint = endpoint.bEndpointAddress;
            info.bulkInMaxPacket = endpoint.wMaxPacketSize;
        } else if (type == LIBUSB_TRANSFER_TYPE_INTERRUPT && in &&
                   location.interruptInEndpoint == 0) {
            location.interruptInEndpoint = endpoint.bEndpointAddress;
            info.hasInterruptIn = true;
        }
    }
}

class LibusbTransport final : public UsbTransport {
public:
    LibusbTransport(std::shared_ptr<UsbContext> context, libusb_device_handle* handle,
                    UsbInterfaceLocation location)
        : context_(std::move(context))
        , handle_(handle)
        , location_(std::move(location)) {}

    ~LibusbTransport() override {
        // Releasing re-attaches usblp (auto-detach), so CUPS users get their printer back.
        libusb_release_interface(handle_, location_.info.interfaceNumber);
        libusb_close(handle_);
    }
    LibusbTransport(const LibusbTransport&) = delete;
    LibusbTransport& operator=(const LibusbTransport&) = delete;

    const UsbDeviceInfo& info() const override { return location_.info; }

    Result<std::size_t> bulkOut(std::span<const std::uint8_t> data,
                                std::chrono::milliseconds timeout) override {
        if (location_.bulkOutEndpoint == 0) {
            return makeError(usb_error::kIo, "the interface has no bulk OUT endpoint");
        }
        std::size_t sent = 0;
        while (sent < data.size()) {
            int chunk = static_cast<int>(std::min<std::size_t>(data.size() - sent, 1u << 20));
            int transferred = 0;
            int rc = libusb_bulk_transfer(handle_, location_.bulkOutEndpoint,
                                          const_cast<unsigned char*>(data.data() + sent), chunk,
                                          &transferred, timeoutMs(timeout));
            sent += static_cast<std::size_t>(std::max(transferred, 0));
            if (rc != 0) {
                return failed(rc, "bulk OUT", location_.bulkOutEndpoint);
            }
        }
        return sent;
    }

    Result<Bytes> bulkIn(std::size_t maxLength, std::chrono::milliseconds timeout) override {
        return readEndpoint(location_.bulkInEndpoint, maxLength, timeout, "bulk IN");
    }

    Result<Bytes> interruptIn(std::size_t maxLength, std::chrono::milliseconds timeout) override {
        return readEndpoint(location_.interruptInEndpoint, maxLength, timeout, "interrupt IN");
    }

    Result<Bytes> controlIn(std::uint8_t requestType, std::uint8_t request, std::uint16_t value,
                            std::uint16_t index, std::uint16_t length,
                            std::chrono::milliseconds timeout) override {
        Bytes buffer(length);
        int rc = libusb_control_transfer(handle_, requestType, request, value, index, buffer.data(),
                                         length, timeoutMs(timeout));
        if (rc < 0) {
            return usbError(rc, "control IN");
        }
        buffer.resize(static_cast<std::size_t>(rc));
        return buffer;
    }

private:
    static unsigned timeoutMs(std::chrono::milliseconds timeout) {
        // 0 means "forever" to libusb: never allow it (escpos.md §1.5, point 4).
        return static_cast<unsigned>(std::max<std::int64_t>(timeout.count(), 1));
    }

    Error failed(int rc, const char* what, std::uint8_t endpoint) {
        if (rc == LIBUSB_ERROR_PIPE) {
            // A halted endpoint stays halted until cleared; clear it so a reconnect can work.
            libusb_clear_halt(handle_, endpoint);
        }
        return usbError(rc, what);
    }

    Result<Bytes> readEndpoint(std::uint8_t endpoint, std::size_t maxLength,
                               std::chrono::milliseconds timeout, const char* what) {
        if (endpoint == 0) {
            return makeError(usb_error::kIo,
                             std::string("the interface has no ") + what + " endpoint");
        }
        // Read whole packets: a shorter buffer overflows when the device sends a full one.
        std::size_t packet = std::max<std::size_t>(location_.info.bulkInMaxPacket, 8);
        std::size_t length = ((std::max<std::size_t>(maxLength, 1) + packet - 1) / packet) * packet;
        Bytes buffer(length);
        int transferred = 0;
        int rc =
            endpoint == location_.interruptInEndpoint
                ? libusb_interrupt_transfer(handle_, endpoint, buffer.data(),
                                            static_cast<int>(length), &transferred,
                                            timeoutMs(timeout))
                : libusb_bulk_transfer(handle_, endpoint, buffer.data(), static_cast<int>(length),
                                       &transferred, timeoutMs(timeout));
        if (rc != 0 && !(rc == LIBUSB_ERROR_TIMEOUT && transferred > 0)) {
            return failed(rc, what, endpoint);
        }
        buffer.resize(static_cast<std::size_t>(transferred));
        return buffer;
    }

    std::shared_ptr<UsbContext> context_;
    libusb_device_handle* handle_;
    UsbInterfaceLocation location_;
};

} // namespace

Result<std::shared_ptr<UsbContext>> openUsbContext() {
    libusb_context* context = nullptr;
    int rc = libusb_init(&context);
    if (rc != 0) {
        return usbError(rc, "libusb_init");
    }
    return std::make_shared<UsbContext>(context);
}

Result<std::vector<UsbInterfaceLocation>> findUsbInterfaces(UsbContext& context,
                                                            std::uint8_t interfaceClass) {
    DeviceList list;
    list.count = libusb_get_device_list(context.get(), &list.devices);
    if (list.count < 0) {
        return usbError(static_cast<int>(list.count), "libusb_get_device_list");
    }
    std::vector<UsbInterfaceLocation> found;
    for (ssize_t d = 0; d < list.count; ++d) {
        libusb_device* device = list.devices[d];
        libusb_device_descriptor descriptor{};
        if (libusb_get_device_descriptor(device, &descriptor) != 0) {
            continue;
        }
        ConfigDescriptor config;
        // The active configuration; an unconfigured device falls back to its first one.
        if (libusb_get_active_config_descriptor(device, &config.descriptor) != 0 &&
            libusb_get_config_descriptor(device, 0, &config.descriptor) != 0) {
            continue;
        }
        for (int i = 0; i < config.descriptor->bNumInterfaces; ++i) {
            const auto& interface = config.descriptor->interface[i];
            for (int a = 0; a < interface.num_altsetting; ++a) {
                const auto& alt = interface.altsetting[a];
                if (alt.bInterfaceClass != interfaceClass) {
                    continue;
                }
                UsbInterfaceLocation location;
                location.busNumber = libusb_get_bus_number(device);
                location.deviceAddress = libusb_get_device_address(device);
                describeInterface(descriptor, alt, config.descriptor->bConfigurationValue,
                                  location);
                found.push_back(std::move(location));
                break; // one entry per interface: the first matching alternate setting
            }
        }
    }
    return found;
}

Result<std::unique_ptr<UsbTransport>> openUsbInterface(std::shared_ptr<UsbContext> context,
                                                       const UsbInterfaceLocation& location) {
    DeviceList list;
    list.count = libusb_get_device_list(context->get(), &list.devices);
    if (list.count < 0) {
        return usbError(static_cast<int>(list.count), "libusb_get_device_list");
    }
    libusb_device* device = nullptr;
    for (ssize_t d = 0; d < list.count; ++d) {
        if (libusb_get_bus_number(list.devices[d]) == location.busNumber &&
            libusb_get_device_address(list.devices[d]) == location.deviceAddress) {
            device = list.devices[d];
        }
    }
    if (device == nullptr) {
        return makeError(usb_error::kNoDevice, "the USB device is no longer on the bus");
    }
    libusb_device_handle* handle = nullptr;
    if (int rc = libusb_open(device, &handle); rc != 0) {
        return usbError(rc, "libusb_open (is the user in group lp? see 60-kiosk-printer.rules)");
    }
    // Auto-detach is atomic with the claim; detach-then-claim races with udev (escpos.md §1.6).
    // Platforms without kernel drivers to detach return NOT_SUPPORTED, which is fine.
    libusb_set_auto_detach_kernel_driver(handle, 1);
    // Only set the configuration when it differs: setting it resets the device's state.
    int current = 0;
    if (libusb_get_configuration(handle, &current) == 0 && current != location.configurationValue) {
        if (int rc = libusb_set_configuration(handle, location.configurationValue); rc != 0) {
            libusb_close(handle);
            return usbError(rc, "libusb_set_configuration");
        }
    }
    if (int rc = libusb_claim_interface(handle, location.info.interfaceNumber); rc != 0) {
        libusb_close(handle);
        return usbError(rc, "libusb_claim_interface (another program holds the interface?)");
    }
    if (location.alternateSetting != 0) {
        if (int rc = libusb_set_interface_alt_setting(handle, location.info.interfaceNumber,
                                                      location.alternateSetting);
            rc != 0) {
            libusb_release_interface(handle, location.info.interfaceNumber);
            libusb_close(handle);
            return usbError(rc, "libusb_set_interface_alt_setting");
        }
    }
    UsbInterfaceLocation opened = location;
    libusb_device_descriptor descriptor{};
    if (libusb_get_device_descriptor(device, &descriptor) == 0) {
        opened.info.manufacturer = readString(handle, descriptor.iManufacturer);
        opened.info.product = readString(handle, descriptor.iProduct);
    }
    return std::unique_ptr<UsbTransport>(
        std::make_unique<LibusbTransport>(std::move(context), handle, std::move(opened)));
}

namespace {

class EventHotplugMonitor final : public UsbHotplugMonitor {
public:
    explicit EventHotplugMonitor(std::shared_ptr<UsbContext> context)
        : context_(std::move(context)) {}
    ~EventHotplugMonitor() override {
        if (registered_) {
            libusb_hotplug_deregister_callback(context_->get(), handle_);
        }
    }
    EventHotplugMonitor(const EventHotplugMonitor&) = delete;
    EventHotplugMonitor& operator=(const EventHotplugMonitor&) = delete;

    bool start() {
        int rc = libusb_hotplug_register_callback(
            context_->get(),
            static_cast<libusb_hotplug_event>(LIBUSB_HOTPLUG_EVENT_DEVICE_ARRIVED |
                                              LIBUSB_HOTPLUG_EVENT_DEVICE_LEFT),
            LIBUSB_HOTPLUG_NO_FLAGS, LIBUSB_HOTPLUG_MATCH_ANY, LIBUSB_HOTPLUG_MATCH_ANY,
            LIBUSB_HOTPLUG_MATCH_ANY, &EventHotplugMonitor::onEvent, this, &handle_);
        registered_ = rc == LIBUSB_SUCCESS;
        return registered_;
    }

    bool devicesChanged() override {
        timeval zero{0, 0};
        // Runs any pending hot-plug callbacks without waiting.
        libusb_handle_events_timeout_completed(context_->get(), &zero, nullptr);
        return changed_.exchange(false);
    }
    bool usesHotplugEvents() const override { return true; }

private:
    static int LIBUSB_CALL onEvent(libusb_context*, libusb_device*, libusb_hotplug_event,
                                   void* self) {
        static_cast<EventHotplugMonitor*>(self)->changed_ = true;
        return 0; // stay registered
    }

    std::shared_ptr<UsbContext> context_;
    libusb_hotplug_callback_handle handle_{};
    bool registered_ = false;
    // Set from whichever thread runs libusb events (synchronous transfers do too).
    std::atomic<bool> changed_{false};
};

class PollingHotplugMonitor final : public UsbHotplugMonitor {
public:
    explicit PollingHotplugMonitor(std::shared_ptr<UsbContext> context)
        : context_(std::move(context)) {
        devices_ = snapshot();
    }

    bool devicesChanged() override {
        auto now = snapshot();
        bool changed = now != devices_;
        devices_ = std::move(now);
        return changed;
    }
    bool usesHotplugEvents() const override { return false; }

private:
    std::set<int> snapshot() const {
        std::set<int> ids;
        DeviceList list;
        list.count = libusb_get_device_list(context_->get(), &list.devices);
        for (ssize_t d = 0; d < list.count; ++d) {
            ids.insert(libusb_get_bus_number(list.devices[d]) << 8 |
                       libusb_get_device_address(list.devices[d]));
        }
        return ids;
    }

    std::shared_ptr<UsbContext> context_;
    std::set<int> devices_;
};

} // namespace

std::unique_ptr<UsbHotplugMonitor> makeUsbHotplugMonitor(std::shared_ptr<UsbContext> context) {
    if (libusb_has_capability(LIBUSB_CAP_HAS_HOTPLUG) != 0) {
        auto monitor = std::make_unique<EventHotplugMonitor>(context);
        if (monitor->start()) {
            return monitor;
        }
    }
    return std::make_unique<PollingHotplugMonitor>(std::move(context));
}

} // namespace kiosk
