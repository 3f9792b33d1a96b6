// The receipt printer in the kiosk's own words: is it ready, print this, what is it.
#pragma once

#include "drivers/common/result.hpp"
#include "drivers/printer/bitmap.hpp"
#include "drivers/printer/escpos_encoder.hpp"
#include "drivers/printer/printer_state.hpp"

#include <cstddef>
#include <string>

namespace kiosk {

enum class DeviceKind { Real, Simulated };

// One thing to print: already rendered to raster at the printer's width (text is never sent as
// characters, so no code page can garble Vietnamese).
struct PrintJob {
    Bitmap image;
    int copies = 1; // the receipt is often printed twice (Liên 1 / Liên 2)
    escpos::CutMode cut = escpos::CutMode::Partial;
};

enum class PrintOutcome {
    Printed,
    Refused, // the printer said it cannot print now (no paper, cover open, offline, error)
    Failed,  // the connection broke; the printer is reconnected on the next status poll
};

struct PrintResult {
    PrintOutcome outcome = PrintOutcome::Failed;
    PrinterState state = PrinterState::Unknown; // the state that explains the outcome
    Error reason;                               // empty code when printed
    std::size_t bytesSent = 0;
};

// Implementations: EscPosPrinter over a UsbTransport (a real USB printer, or the simulated one
// behind the same seam). Not thread-safe: one driver thread owns a Printer.
class Printer {
public:
    virtual ~Printer() = default;

    // Polls the device: reconnects a dropped handle, then asks for real-time status.
    virtual PrinterState status() = 0;
    // Checks paper and cover first and refuses without sending a byte when it cannot print.
    // A job that was not printed is held (see heldJob) so nothing is lost and nothing prints
    // by surprise later: only printHeldJob() sends it again.
    virtual PrintResult print(const PrintJob& job) = 0;
    virtual bool hasHeldJob() const = 0;
    virtual PrintResult printHeldJob() = 0;
    virtual void discardHeldJob() = 0;

    // Model and connection, for maintainers ("Epson TM-T20 (USB 04b8:0e03)").
    virtual std::string description() const = 0;
    virtual bool simulated() const = 0;
    virtual int widthDots() const = 0;
};

} // namespace kiosk
