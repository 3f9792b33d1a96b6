// Device states mapped to the home screen's "today" notices.
#include "kiosk/devices/device_notices.hpp"

namespace kiosk {

std::vector<Msg> residentNotices(const DeviceStatus& devices) {
    std::vector<Msg> notices;
    switch (devices.printer) {
    case PrinterState::NoPaper:
        notices.push_back(Msg::NoticePrinterNoPaper);
        break;
    case PrinterState::CoverOpen:
    case PrinterState::Offline:
    case PrinterState::Error:
    case PrinterState::Disconnected:
        notices.push_back(Msg::NoticePrinterDown);
        break;
    case PrinterState::Unknown:
    case PrinterState::Ready:
    case PrinterState::PaperNearEnd: // still prints
        break;
    }
    if (devices.reader == ReaderState::Error || devices.reader == ReaderState::Disconnected) {
        notices.push_back(Msg::NoticeReaderDown);
    }
    if (devices.network == NetworkState::Offline) {
        notices.push_back(Msg::NoticeOffline);
    }
    if (!devices.dossierStorageReady) {
        notices.push_back(Msg::NoticeStorage);
    }
    return notices;
}

} // namespace kiosk
