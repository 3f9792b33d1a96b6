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
    // The outbox is open and its partition has room for a dossier: checked before a resident
    // starts, not at Submit. True until a check says otherwise (a notice is never a guess).
    bool dossierStorageReady = true;

    bool operator==(const DeviceStatus&) const = default;
};

} // namespace kiosk
