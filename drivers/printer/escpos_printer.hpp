// The real receipt printer: the ESC/POS encoder and status parser over a UsbTransport.
#pragma once

#include "drivers/printer/printer.hpp"
#include "drivers/printer/printer_profile.hpp"
#include "drivers/usb/usb_transport.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace kiosk {

// Opens (or reopens after an unplug) the transport; the driver owns what it returns.
using TransportConnector = std::function<Result<std::unique_ptr<UsbTransport>>()>;

struct EscPosTimeouts {
    // Each write slice gets its own bounded timeout; a whole receipt never shares one
    // (python-escpos #325: one short timeout broke large images; none at all hangs forever).
    std::chrono::milliseconds writeSlice{5000};
    std::chrono::milliseconds statusReply{300}; // bounded: some clones never answer (#143)
    std::chrono::milliseconds drain{20};
};

// The bytes of a job for a profile: ESC @, GS v 0 bands, then feed and cut (or just feed when
// the model has no cutter).
Bytes encodePrintJob(const PrintJob& job, const PrinterProfile& profile);

class EscPosPrinter final : public Printer {
public:
    EscPosPrinter(const PrinterProfile& profile, TransportConnector connect, DeviceKind kind,
                  EscPosTimeouts timeouts = {});

    PrinterState status() override;
    PrintResult print(const PrintJob& job) override;
    bool hasHeldJob() const override { return held_.has_value(); }
    PrintResult printHeldJob() override;
    void discardHeldJob() override { held_.reset(); }
    std::string description() const override;
    bool simulated() const override { return kind_ == DeviceKind::Simulated; }
    int widthDots() const override { return profile_->widthDots; }

    const PrinterProfile& profile() const { return *profile_; }
    bool connected() const { return transport_ != nullptr; }

private:
    bool ensureConnected();
    // Drains stale bytes, then asks DLE EOT 1, 2 and 4. nullopt = the transport failed.
    std::optional<PrinterState> queryState();
    std::optional<std::uint8_t> ask(escpos::StatusQuery query, bool& transportFailed);
    Status send(const Bytes& bytes, std::size_t& sent);
    void dropHandle();
    PrintResult fail(PrintResult result, const PrintJob& job);

    const PrinterProfile* configured_;
    const PrinterProfile* profile_;
    TransportConnector connect_;
    DeviceKind kind_;
    EscPosTimeouts timeouts_;
    std::unique_ptr<UsbTransport> transport_;
    std::optional<PrintJob> held_;
    std::string model_; // from the IEEE 1284 device ID, when the printer gave one
};

} // namespace kiosk
