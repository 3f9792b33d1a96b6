// What the status bar shows: the state of the printer, the card reader and the network.
#pragma once

#include "drivers/card_reader/reader_state.hpp"
#include "drivers/printer/printer_state.hpp"

namespace kiosk {

enum class NetworkState { Unknown, Online, Offline };

struct DeviceStatus {
    PrinterState printer = PrinterState::Unknown;
    bool printerSimulated = false;
    ReaderState reader = ReaderState::Unknown;
    bool readerSimulated = false;
    NetworkState network = NetworkState::Unknown;
    int queuedDossiers = 0; // dossiers in the outbox waiting for the network

    bool operator==(const DeviceStatus&) const = default;
};

} // namespace kiosk
