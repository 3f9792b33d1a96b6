// The simulated receipt printer: a software peer below the UsbTransport seam that speaks ESC/POS.
#pragma once

#include "drivers/printer/escpos_decoder.hpp"
#include "drivers/printer/printer.hpp"
#include "drivers/printer/printer_profile.hpp"
#include "drivers/usb/usb_transport.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace kiosk {

enum class SimulatedPaper { Plenty, NearEnd, Out };
enum class SimulatedCover { Closed, Open };
enum class SimulatedPresence { Plugged, Unplugged };

// The "device": receives the same bytes a real printer would, answers DLE EOT from its
// switchable sensors, decodes the raster and writes each cut page as a PNG. Shared between the
// transports it hands out (one per connection) and whoever flips its switches (tests, the
// maintenance screen), so every method is thread-safe.
class SimulatedPrinterDevice : public std::enable_shared_from_this<SimulatedPrinterDevice> {
public:
    // `outputDirectory` empty = keep pages in memory only.
    SimulatedPrinterDevice(const PrinterProfile& profile, std::filesystem::path outputDirectory);

    void setPaper(SimulatedPaper paper);
    void setCover(SimulatedCover cover);
    // Unplugging breaks every open transport for good, like a real unplug; plugging back in
    // lets the driver connect again.
    void setPresence(SimulatedPresence presence);
    // Called on the switching thread after any switch moves, so whoever shows the printer's
    // state hears of it instead of asking every second. Empty: nobody; clearing it waits for a
    // call under way, so the listener may go away afterwards.
    void setSwitchListener(std::function<void()> listener);

    // What a libusb open would return. The device must be owned by a shared_ptr.
    Result<std::unique_ptr<UsbTransport>> connect();

    // Pages cut while paper was in and the cover closed, oldest first.
    std::vector<Bitmap> printedPages() const;
    std::vector<std::filesystem::path> writtenFiles() const;
    // Pages whose bytes arrived while the printer could not print (lost, as on real paper).
    int lostPages() const;
    std::size_t bytesReceived() const;
    const PrinterProfile& profile() const { return profile_; }

    // Called by the transports.
    Result<std::size_t> receive(std::span<const std::uint8_t> data, unsigned generation);
    Result<Bytes> reply(std::size_t maxLength, unsigned generation);
    unsigned generation() const;

private:
    std::uint8_t statusByte(escpos::StatusQuery query) const;
    bool canPrint() const;
    void switched();

    const PrinterProfile& profile_;
    std::filesystem::path outputDirectory_;
    mutable std::mutex mutex_;
    std::mutex listenerMutex_; // apart from mutex_: the listener may ask for the status
    std::function<void()> switchListener_;
    SimulatedPaper paper_ = SimulatedPaper::Plenty;
    SimulatedCover cover_ = SimulatedCover::Closed;
    SimulatedPresence presence_ = SimulatedPresence::Plugged;
    unsigned generation_ = 0; // bumped on unplug: older transports are dead
    escpos::EscPosDecoder decoder_;
    Bytes replies_;
    std::vector<Bitmap> pages_;
    std::vector<std::filesystem::path> files_;
    int lostPages_ = 0;
    int fileNumber_ = 0;
    std::size_t bytesReceived_ = 0;
    bool pageSpoiled_ = false; // some of the current page arrived while it could not print
};

// The UsbTransport a connection to the simulated device gets.
class SimulatedPrinterTransport final : public UsbTransport {
public:
    SimulatedPrinterTransport(std::shared_ptr<SimulatedPrinterDevice> device, unsigned generation);

    const UsbDeviceInfo& info() const override { return info_; }
    Result<std::size_t> bulkOut(std::span<const std::uint8_t> data,
                                std::chrono::milliseconds timeout) override;
    Result<Bytes> bulkIn(std::size_t maxLength, std::chrono::milliseconds timeout) override;
    Result<Bytes> interruptIn(std::size_t maxLength, std::chrono::milliseconds timeout) override;
    Result<Bytes> controlIn(std::uint8_t requestType, std::uint8_t request, std::uint16_t value,
                            std::uint16_t index, std::uint16_t length,
                            std::chrono::milliseconds timeout) override;

private:
    std::shared_ptr<SimulatedPrinterDevice> device_;
    unsigned generation_;
    UsbDeviceInfo info_;
};

// A Printer driving the simulated device through the real EscPosPrinter code.
std::unique_ptr<Printer> makeSimulatedPrinter(std::shared_ptr<SimulatedPrinterDevice> device);

} // namespace kiosk
