// Parsing of DLE EOT real-time status bytes into the printer's closed set of states.
#pragma once

#include "drivers/printer/escpos_encoder.hpp"
#include "drivers/printer/printer_state.hpp"

#include <cstdint>
#include <optional>
#include <span>

namespace kiosk::escpos {

// Every DLE EOT reply has bits 1 and 4 set and bits 0 and 7 clear (0xx1xx10); anything else is
// not a status byte (a stale echo, zeros from a confused clone) and must be ignored.
bool isValidStatusByte(std::uint8_t byte);

// Takes a read from the IN endpoint and returns the status byte if it is exactly one valid one.
// Several bytes mean stale replies were queued; the last valid one is the freshest.
std::optional<std::uint8_t> statusByteFrom(std::span<const std::uint8_t> reply);

// The replies to the four DLE EOT queries; a missing one was not asked or not answered.
struct StatusReplies {
    std::optional<std::uint8_t> printer;      // n = 1
    std::optional<std::uint8_t> offlineCause; // n = 2
    std::optional<std::uint8_t> errorCause;   // n = 3
    std::optional<std::uint8_t> rollPaper;    // n = 4
};

// What the bits say, by name (ESC/POS DLE EOT, "Transmit real-time status").
struct StatusFlags {
    bool offline = false;                  // n=1 bit 3
    bool waitingForOnlineRecovery = false; // n=1 bit 5
    bool feedButtonPressed = false;        // n=1 bit 6
    bool coverOpen = false;                // n=2 bit 2
    bool feedingByButton = false;          // n=2 bit 3
    bool stoppedByPaperEnd = false;        // n=2 bit 5
    bool errorOccurred = false;            // n=2 bit 6
    bool recoverableError = false;         // n=3 bit 2
    bool autocutterError = false;          // n=3 bit 3
    bool unrecoverableError = false;       // n=3 bit 5
    bool autoRecoverableError = false;     // n=3 bit 6
    bool paperNearEnd = false;             // n=4 bits 2+3
    bool paperEnd = false;                 // n=4 bits 5+6
};

StatusFlags decodeStatus(const StatusReplies& replies);

// The state the status bar shows. No reply at all is Unknown (the printer may not support
// status); paper end wins over everything because it is the one a volunteer can fix at once.
PrinterState stateFromStatus(const StatusReplies& replies);

// Whether a job may be sent in this state: refused only when it would surely be lost.
bool acceptsJobs(PrinterState state);

} // namespace kiosk::escpos
