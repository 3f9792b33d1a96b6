// Printing receipts and sheets in one call: render at the printer's width, print, log the outcome.
#pragma once

#include "drivers/printer/printer.hpp"
#include "kiosk/log/logger.hpp"
#include "kiosk/receipt/receipt.hpp"
#include "kiosk/receipt/text_renderer.hpp"

#include <filesystem>

namespace kiosk {

// Renders and prints; a render failure comes back as a Failed result with the reason. The
// log lines carry only the outcome, state and byte count, never receipt content.
PrintResult printReceipt(Printer& printer, const Receipt& receipt, TextRenderer& text,
                         Logger& logger, int copies = 1);
PrintResult printTakeHomeSheet(Printer& printer, const TakeHomeSheet& sheet, TextRenderer& text,
                               Logger& logger);
// Prints an already rendered image (test page, reprint) and logs the outcome.
PrintResult printImage(Printer& printer, const Bitmap& image, Logger& logger, int copies = 1);

// The same bitmap the printer gets, as a PNG (the on-screen preview, the simulated printer).
Status writeReceiptPreview(const Receipt& receipt, TextRenderer& text, int widthDots,
                           const std::filesystem::path& path);

// Stable log token for a printer state.
LogToken printerStateToken(PrinterState state);

} // namespace kiosk
