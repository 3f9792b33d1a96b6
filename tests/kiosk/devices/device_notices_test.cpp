// The home screen's "what will not work today" notices follow the one DeviceStatus.
#include "kiosk/devices/device_notices.hpp"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {

DeviceStatus healthy() {
    DeviceStatus devices;
    devices.printer = PrinterState::Ready;
    devices.reader = ReaderState::NoCard;
    devices.network = NetworkState::Online;
    return devices;
}

} // namespace

TEST_CASE("a healthy kiosk, or one still checking, gives residents no notice", "[devices]") {
    CHECK(residentNotices(healthy()).empty());
    CHECK(residentNotices(DeviceStatus{}).empty()); // all Unknown: never a guess
    DeviceStatus nearEnd = healthy();
    nearEnd.printer = PrinterState::PaperNearEnd;
    CHECK(residentNotices(nearEnd).empty());
}

TEST_CASE("each device in trouble is named with what still works", "[devices]") {
    DeviceStatus devices = healthy();
    devices.printer = PrinterState::NoPaper;
    CHECK(residentNotices(devices) == std::vector<Msg>{Msg::NoticePrinterNoPaper});
    for (PrinterState down : {PrinterState::CoverOpen, PrinterState::Offline, PrinterState::Error,
                              PrinterState::Disconnected}) {
        devices.printer = down;
        CHECK(residentNotices(devices) == std::vector<Msg>{Msg::NoticePrinterDown});
    }
    devices = healthy();
    devices.reader = ReaderState::Disconnected;
    devices.network = NetworkState::Offline;
    CHECK(residentNotices(devices) == std::vector<Msg>{Msg::NoticeReaderDown, Msg::NoticeOffline});
    devices = healthy();
    devices.dossierStorageReady = false;
    CHECK(residentNotices(devices) == std::vector<Msg>{Msg::NoticeStorage});
    // The printer notice promises the code on screen: the text must say so in both languages.
    CHECK(text(Msg::NoticePrinterNoPaper, Language::Vietnamese).find("màn hình") !=
          std::string_view::npos);
    CHECK(text(Msg::NoticePrinterNoPaper, Language::English).find("screen") !=
          std::string_view::npos);
}
