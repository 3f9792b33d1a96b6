// Pure ESC/POS command encoding: bytes out, no I/O. Field names follow the Epson ESC/POS manual.
#pragma once

#include "drivers/printer/bitmap.hpp"
#include "drivers/usb/usb_transport.hpp"

#include <cstdint>
#include <string_view>

namespace kiosk::escpos {

enum class CutMode { Full, Partial };

// DLE EOT n: which real-time status byte to ask for.
enum class StatusQuery : std::uint8_t {
    Printer = 1,      // online/offline
    OfflineCause = 2, // cover, paper-end stop, error
    ErrorCause = 3,   // cutter, unrecoverable
    RollPaper = 4,    // near-end and end sensors
};

enum class QrErrorCorrection : std::uint8_t { L = 0, M = 1, Q = 2, H = 3 };

// ESC @: clears the print buffer and resets modes (left over state from a failed job included).
Bytes initialize();

// GS v 0 m xL xH yL yH d1...dk, m = 0 (normal density). One command per band of at most
// `bandHeight` rows so a tall image never overflows a small receive buffer (escpos.md §1.2).
Bytes rasterImage(const Bitmap& image, int bandHeight);
void appendRasterImage(Bytes& out, const Bitmap& image, int bandHeight);

// ESC d n: print and feed n lines (n <= 255).
Bytes feedLines(int lines);

// GS V 65/66 n: feed n lines then cut ("feed and cut", the portable form, escpos.md §1.4).
Bytes feedAndCut(CutMode mode, int feedLines);
// GS V 0/1: cut at the current position (printers without function B).
Bytes cutNow(CutMode mode);

// GS ( k, cn = 49 (QR, model 2): select model, module size, error correction, store, print.
Bytes nativeQr(std::string_view data, int moduleSize, QrErrorCorrection errorCorrection);

// DLE EOT n: real-time status request; the printer answers one byte even when busy.
Bytes statusRequest(StatusQuery query);

} // namespace kiosk::escpos
