// EscPosPrinter: status before every job, slices with bounded timeouts, drop-and-reconnect.
#include "drivers/printer/escpos_printer.hpp"

#include "drivers/printer/escpos_status.hpp"
#include "drivers/printer/ieee1284_device_id.hpp"

#include <algorithm>
#include <cstdio>

namespace kiosk {
namespace {

// Stale replies (escpos-rs #18) are a handful of bytes; a bound keeps a chatty device from
// trapping the drain loop.
constexpr int kMaxDrainReads = 8;

Error stateError(PrinterState state) {
    switch (state) {
    case PrinterState::NoPaper:
        return makeError("printer.no_paper", "the printer is out of paper");
    case PrinterState::CoverOpen:
        return makeError("printer.cover_open", "the printer cover is open");
    case PrinterState::Offline:
        return makeError("printer.offline", "the printer is offline");
    case PrinterState::Error:
        return makeError("printer.error", "the printer reports an error (cutter or mechanism)");
    case PrinterState::Disconnected:
        return makeError("printer.disconnected", "the printer is not connected");
    default:
        return makeError("printer.unavailable", "the printer cannot print now");
    }
}

} // namespace

Bytes encodePrintJob(const PrintJob& job, const PrinterProfile& profile) {
    Bytes out;
    out.reserve(job.image.data().size() * static_cast<std::size_t>(std::max(job.copies, 1)) + 64);
    for (int copy = 0; copy < std::max(job.copies, 1); ++copy) {
        auto init = escpos::initialize();
        out.insert(out.end(), init.begin(), init.end());
        escpos::appendRasterImage(out, job.image, profile.bandHeight);
        Bytes tail;
        switch (profile.cut) {
        case CutSupport::FullAndPartial:
            tail = escpos::feedAndCut(job.cut, profile.feedLinesBeforeCut);
            break;
        case CutSupport::FullOnly:
            tail = escpos::feedAndCut(escpos::CutMode::Full, profile.feedLinesBeforeCut);
            break;
        case CutSupport::None:
            // No cutter: feed far enough to tear the paper off above the printed part.
            tail = escpos::feedLines(profile.feedLinesBeforeCut + 2);
            break;
        }
        out.insert(out.end(), tail.begin(), tail.end());
    }
    return out;
}

EscPosPrinter::EscPosPrinter(const PrinterProfile& profile, TransportConnector connect,
                             DeviceKind kind, EscPosTimeouts timeouts)
    : configured_(&profile)
    , profile_(&profile)
    , connect_(std::move(connect))
    , kind_(kind)
    , timeouts_(timeouts) {}

bool EscPosPrinter::ensureConnected() {
    if (transport_) {
        return true;
    }
    auto opened = connect_();
    if (!opened) {
        return false;
    }
    transport_ = std::move(*opened);
    // The 1284 model picks the profile; a printer that does not answer keeps the configured one.
    if (auto id = readIeee1284DeviceId(*transport_)) {
        model_ = id->model();
        profile_ = &profileForDevice(model_, transport_->info().vendorId, *configured_);
    } else {
        model_.clear();
        profile_ = configured_;
    }
    return true;
}

void EscPosPrinter::dropHandle() {
    transport_.reset();
}

std::optional<std::uint8_t> EscPosPrinter::ask(escpos::StatusQuery query, bool& transportFailed) {
    auto request = escpos::statusRequest(query);
    auto written = transport_->bulkOut(request, timeouts_.writeSlice);
    if (!written) {
        transportFailed = true;
        return std::nullopt;
    }
    auto reply = transport_->bulkIn(transport_->info().bulkInMaxPacket, timeouts_.statusReply);
    if (!reply) {
        // A timeout is "no answer" (Unknown); anything else means the device is gone.
        transportFailed = reply.error().code != usb_error::kTimeout;
        return std::nullopt;
    }
    return escpos::statusByteFrom(*reply);
}

std::optional<PrinterState> EscPosPrinter::queryState() {
    if (profile_->status == StatusSupport::None) {
        // The model is known not to answer: being connected is all we can know.
        return PrinterState::Ready;
    }
    // Raster data can make the printer push unsolicited status bytes (escpos.md §1.5).
    for (int read = 0; read < kMaxDrainReads; ++read) {
        auto stale = transport_->bulkIn(transport_->info().bulkInMaxPacket, timeouts_.drain);
        if (!stale) {
            if (stale.error().code != usb_error::kTimeout) {
                return std::nullopt;
            }
            break;
        }
        if (stale->empty()) {
            break;
        }
    }
    escpos::StatusReplies replies;
    bool failed = false;
    replies.printer = ask(escpos::StatusQuery::Printer, failed);
    if (!failed) {
        replies.offlineCause = ask(escpos::StatusQuery::OfflineCause, failed);
    }
    if (!failed) {
        replies.rollPaper = ask(escpos::StatusQuery::RollPaper, failed);
    }
    if (failed) {
        return std::nullopt;
    }
    return escpos::stateFromStatus(replies);
}

PrinterState EscPosPrinter::status() {
    if (!ensureConnected()) {
        return PrinterState::Disconnected;
    }
    auto state = queryState();
    if (!state) {
        dropHandle();
        return PrinterState::Disconnected;
    }
    return *state;
}

Status EscPosPrinter::send(const Bytes& bytes, std::size_t& sent) {
    std::size_t slice = std::max<std::size_t>(profile_->maxWriteSlice, 1);
    while (sent < bytes.size()) {
        std::size_t length = std::min(slice, bytes.size() - sent);
        auto written =
            transport_->bulkOut(std::span(bytes).subspan(sent, length), timeouts_.writeSlice);
        if (!written) {
            return written.error();
        }
        sent += *written;
        if (*written < length) {
            return makeError(usb_error::kTimeout, "the printer accepted only part of a write");
        }
    }
    return ok();
}

PrintResult EscPosPrinter::fail(PrintResult result, const PrintJob& job) {
    held_ = job;
    return result;
}

PrintResult EscPosPrinter::print(const PrintJob& job) {
    if (!ensureConnected()) {
        return fail({PrintOutcome::Failed, PrinterState::Disconnected,
                     stateError(PrinterState::Disconnected), 0},
                    job);
    }
    auto before = queryState();
    if (!before) {
        dropHandle();
        return fail({PrintOutcome::Failed, PrinterState::Disconnected,
                     stateError(PrinterState::Disconnected), 0},
                    job);
    }
    if (!escpos::acceptsJobs(*before)) {
        return fail({PrintOutcome::Refused, *before, stateError(*before), 0}, job);
    }
    auto bytes = encodePrintJob(job, *profile_);
    std::size_t sent = 0;
    if (auto written = send(bytes, sent); !written) {
        // The printer's buffer now holds half a job; the next connection starts with ESC @.
        dropHandle();
        return fail({PrintOutcome::Failed, PrinterState::Disconnected, written.error(), sent}, job);
    }
    // Paper can run out in the middle of the receipt: ask again so the resident is not sent
    // away with half a slip (escpos.md §1.5, step 2).
    auto after = queryState();
    if (!after) {
        dropHandle();
        return fail({PrintOutcome::Failed, PrinterState::Disconnected,
                     stateError(PrinterState::Disconnected), sent},
                    job);
    }
    if (*after == PrinterState::NoPaper) {
        return fail({PrintOutcome::Failed, *after,
                     makeError("printer.paper_ran_out", "paper ran out while printing"), sent},
                    job);
    }
    held_.reset();
    return {PrintOutcome::Printed, *after, {}, sent};
}

PrintResult EscPosPrinter::printHeldJob() {
    if (!held_) {
        return {PrintOutcome::Refused, PrinterState::Unknown,
                makeError("printer.nothing_held", "there is no held job to print"), 0};
    }
    PrintJob job = *held_;
    return print(job);
}

std::string EscPosPrinter::description() const {
    std::string text(profile_->displayName);
    if (!model_.empty()) {
        text += " [" + model_ + "]";
    }
    if (transport_) {
        char usb[32];
        std::snprintf(usb, sizeof usb, " (USB %04x:%04x)", transport_->info().vendorId,
                      transport_->info().productId);
        text += usb;
    } else {
        text += " (not connected)";
    }
    if (kind_ == DeviceKind::Simulated) {
        text += " (simulated)";
    }
    return text;
}

} // namespace kiosk
