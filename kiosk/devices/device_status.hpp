// What the status bar shows: the state of the printer, the card reader and the network.
#pragma once

#include "drivers/card_reader/reader_state.hpp"
#include "drivers/printer/printer_state.hpp"
#include "kiosk/storage/data_partition.hpp"
#include "kiosk/storage/store_fault.hpp"

#include <cstdint>

namespace kiosk {

enum class NetworkState { Unknown, Online, Offline };

// The data partition and the outbox: what a volunteer must know before a resident starts a
// dossier, and what the maintainer must fix (docs/storage.md).
struct StorageStatus {
    PartitionState partition = PartitionState::Ok;
    std::int64_t freeMegabytes = -1;      // -1 until measured; whole MB so it changes rarely
    StoreFault outbox = StoreFault::None; // the outbox's last fault
    bool acceptsDossiers = true;          // false: not open, or corrupt
    std::int64_t lostDossiers = 0;        // committed, then vanished (reference ledger)
    bool operator==(const StorageStatus&) const = default;
};

struct DeviceStatus {
    PrinterState printer = PrinterState::Unknown;
    bool printerSimulated = false;
    ReaderState reader = ReaderState::Unknown;
    bool readerSimulated = false;
    NetworkState network = NetworkState::Unknown;
    int queuedDossiers = 0; // dossiers in the outbox waiting for the network (last known)
    // The outbox is open and its partition has room for a dossier: checked before a resident
    // starts, not at Submit. True until a check says otherwise (a notice is never a guess).
    bool dossierStorageReady = true;
    StorageStatus storage;

    bool operator==(const DeviceStatus&) const = default;
};

} // namespace kiosk
