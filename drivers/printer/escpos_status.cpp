// DLE EOT n status bits (ESC/POS command reference, "DLE EOT n: transmit real-time status").
#include "drivers/printer/escpos_status.hpp"

namespace kiosk::escpos {
namespace {

bool bit(std::optional<std::uint8_t> byte, int index) {
    return byte && (*byte & (1u << index)) != 0;
}

} // namespace

bool isValidStatusByte(std::uint8_t byte) {
    return (byte & 0x93) == 0x12;
}

std::optional<std::uint8_t> statusByteFrom(std::span<const std::uint8_t> reply) {
    for (auto it = reply.rbegin(); it != reply.rend(); ++it) {
        if (isValidStatusByte(*it)) {
            return *it;
        }
    }
    return std::nullopt;
}

StatusFlags decodeStatus(const StatusReplies& replies) {
    StatusFlags flags;
    flags.offline = bit(replies.printer, 3);
    flags.waitingForOnlineRecovery = bit(replies.printer, 5);
    flags.feedButtonPressed = bit(replies.printer, 6);
    flags.coverOpen = bit(replies.offlineCause, 2);
    flags.feedingByButton = bit(replies.offlineCause, 3);
    flags.stoppedByPaperEnd = bit(replies.offlineCause, 5);
    flags.errorOccurred = bit(replies.offlineCause, 6);
    flags.recoverableError = bit(replies.errorCause, 2);
    flags.autocutterError = bit(replies.errorCause, 3);
    flags.unrecoverableError = bit(replies.errorCause, 5);
    flags.autoRecoverableError = bit(replies.errorCause, 6);
    // The sensors are reported on two bits each (one per sensor on two-sensor models); either
    // set means the condition holds.
    flags.paperNearEnd = bit(replies.rollPaper, 2) || bit(replies.rollPaper, 3);
    flags.paperEnd = bit(replies.rollPaper, 5) || bit(replies.rollPaper, 6);
    return flags;
}

PrinterState stateFromStatus(const StatusReplies& replies) {
    if (!replies.printer && !replies.offlineCause && !replies.errorCause && !replies.rollPaper) {
        return PrinterState::Unknown;
    }
    auto flags = decodeStatus(replies);
    if (flags.paperEnd || flags.stoppedByPaperEnd) {
        return PrinterState::NoPaper;
    }
    if (flags.coverOpen) {
        return PrinterState::CoverOpen;
    }
    if (flags.errorOccurred || flags.autocutterError || flags.unrecoverableError ||
        flags.recoverableError || flags.autoRecoverableError) {
        return PrinterState::Error;
    }
    if (flags.offline) {
        return PrinterState::Offline;
    }
    if (flags.paperNearEnd) {
        return PrinterState::PaperNearEnd;
    }
    return PrinterState::Ready;
}

bool acceptsJobs(PrinterState state) {
    switch (state) {
    case PrinterState::Ready:
    case PrinterState::PaperNearEnd:
    // Cheap clones often never answer status: printing is the only way to find out.
    case PrinterState::Unknown:
        return true;
    case PrinterState::NoPaper:
    case PrinterState::CoverOpen:
    case PrinterState::Offline:
    case PrinterState::Error:
    case PrinterState::Disconnected:
        return false;
    }
    return false;
}

} // namespace kiosk::escpos
