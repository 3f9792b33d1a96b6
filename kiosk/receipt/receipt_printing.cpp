// Render, print and log: the glue the kiosk's print screens call.
#include "kiosk/receipt/receipt_printing.hpp"

#include "drivers/printer/png_writer.hpp"

namespace kiosk {

LogToken printerStateToken(PrinterState state) {
    switch (state) {
    case PrinterState::Unknown:
        return LogToken("unknown");
    case PrinterState::Ready:
        return LogToken("ready");
    case PrinterState::PaperNearEnd:
        return LogToken("paper_near_end");
    case PrinterState::NoPaper:
        return LogToken("no_paper");
    case PrinterState::CoverOpen:
        return LogToken("cover_open");
    case PrinterState::Offline:
        return LogToken("offline");
    case PrinterState::Error:
        return LogToken("error");
    case PrinterState::Disconnected:
        return LogToken("disconnected");
    }
    return LogToken("unknown");
}

PrintResult printImage(Printer& printer, const Bitmap& image, Logger& logger, int copies) {
    PrintJob job{image, copies, escpos::CutMode::Partial};
    auto result = printer.print(job);
    switch (result.outcome) {
    case PrintOutcome::Printed:
        logger.log(LogEvent::ReceiptPrinted,
                   {{"bytes", static_cast<std::int64_t>(result.bytesSent)},
                    {"rows", image.height()},
                    {"copies", copies},
                    {"simulated", printer.simulated()}});
        break;
    case PrintOutcome::Refused:
        logger.log(LogEvent::ReceiptRefused, {{"state", printerStateToken(result.state)}});
        break;
    case PrintOutcome::Failed:
        logger.log(LogEvent::ReceiptPrintFailed,
                   {{"state", printerStateToken(result.state)},
                    {"error", SystemText{result.reason.code}},
                    {"bytes", static_cast<std::int64_t>(result.bytesSent)}});
        break;
    }
    return result;
}

namespace {

PrintResult renderFailed(const Error& error, Logger& logger) {
    logger.log(LogEvent::ReceiptRenderFailed, {{"error", SystemText{error.code}}});
    return {PrintOutcome::Failed, PrinterState::Unknown, error, 0};
}

} // namespace

PrintResult printReceipt(Printer& printer, const Receipt& receipt, TextRenderer& text,
                         Logger& logger, int copies) {
    auto image = renderReceipt(receipt, text, printer.widthDots());
    if (!image) {
        return renderFailed(image.error(), logger);
    }
    return printImage(printer, *image, logger, copies);
}

PrintResult printTakeHomeSheet(Printer& printer, const TakeHomeSheet& sheet, TextRenderer& text,
                               Logger& logger) {
    auto image = renderTakeHomeSheet(sheet, text, printer.widthDots());
    if (!image) {
        return renderFailed(image.error(), logger);
    }
    return printImage(printer, *image, logger, 1);
}

Status writeReceiptPreview(const Receipt& receipt, TextRenderer& text, int widthDots,
                           const std::filesystem::path& path) {
    auto image = renderReceipt(receipt, text, widthDots);
    if (!image) {
        return image.error();
    }
    return writePng(*image, path);
}

} // namespace kiosk
