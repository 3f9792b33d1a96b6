// The simulated printer's behaviour: sensors, status replies, decoding and PNG output.
#include "drivers/printer/simulated_printer.hpp"

#include "drivers/printer/escpos_printer.hpp"
#include "drivers/printer/png_writer.hpp"

#include <algorithm>
#include <cstdio>
#include <system_error>

namespace kiosk {
namespace {

// A product id outside any real vendor's range would need an allocation; the simulated device
// never reaches a bus, so it borrows the "test" ids of the Linux USB gadget framework.
constexpr std::uint16_t kSimulatedVendor = 0x1D6B;
constexpr std::uint16_t kSimulatedProduct = 0x0104;

Error gone() {
    return makeError(usb_error::kNoDevice, "the simulated printer was unplugged");
}

} // namespace

SimulatedPrinterDevice::SimulatedPrinterDevice(const PrinterProfile& profile,
                                               std::filesystem::path outputDirectory)
    : profile_(profile)
    , outputDirectory_(std::move(outputDirectory))
    , decoder_(profile.widthDots) {}

void SimulatedPrinterDevice::setSwitchListener(std::function<void()> listener) {
    std::lock_guard lock(listenerMutex_);
    switchListener_ = std::move(listener);
}

void SimulatedPrinterDevice::switched() {
    std::lock_guard lock(listenerMutex_);
    if (switchListener_) {
        switchListener_();
    }
}

void SimulatedPrinterDevice::setPaper(SimulatedPaper paper) {
    {
        std::lock_guard lock(mutex_);
        paper_ = paper;
    }
    switched();
}

void SimulatedPrinterDevice::setCover(SimulatedCover cover) {
    {
        std::lock_guard lock(mutex_);
        cover_ = cover;
    }
    switched();
}

void SimulatedPrinterDevice::setPresence(SimulatedPresence presence) {
    {
        std::lock_guard lock(mutex_);
        if (presence_ == SimulatedPresence::Plugged && presence == SimulatedPresence::Unplugged) {
            ++generation_;
            // Power is gone: whatever was in the buffer is lost.
            decoder_ = escpos::EscPosDecoder(profile_.widthDots);
            replies_.clear();
        }
        presence_ = presence;
    }
    switched();
}

unsigned SimulatedPrinterDevice::generation() const {
    std::lock_guard lock(mutex_);
    return generation_;
}

Result<std::unique_ptr<UsbTransport>> SimulatedPrinterDevice::connect() {
    std::lock_guard lock(mutex_);
    if (presence_ == SimulatedPresence::Unplugged) {
        return makeError(usb_error::kNoDevice, "no simulated printer is plugged in");
    }
    return std::unique_ptr<UsbTransport>(
        std::make_unique<SimulatedPrinterTransport>(shared_from_this(), generation_));
}

bool SimulatedPrinterDevice::canPrint() const {
    return paper_ != SimulatedPaper::Out && cover_ == SimulatedCover::Closed;
}

std::uint8_t SimulatedPrinterDevice::statusByte(escpos::StatusQuery query) const {
    // Fixed bits: 1 and 4 set, 0 and 7 clear (DLE EOT reply format).
    std::uint8_t byte = 0x12;
    bool paperOut = paper_ == SimulatedPaper::Out;
    bool coverOpen = cover_ == SimulatedCover::Open;
    switch (query) {
    case escpos::StatusQuery::Printer:
        if (!canPrint()) {
            byte |= 0x08; // offline
        }
        break;
    case escpos::StatusQuery::OfflineCause:
        if (coverOpen) {
            byte |= 0x04;
        }
        if (paperOut) {
            byte |= 0x20; // printing stopped by paper end
        }
        break;
    case escpos::StatusQuery::ErrorCause:
        break;
    case escpos::StatusQuery::RollPaper:
        if (paper_ != SimulatedPaper::Plenty) {
            byte |= 0x0C; // near-end sensor
        }
        if (paperOut) {
            byte |= 0x60; // end sensor
        }
        break;
    }
    return byte;
}

Result<std::size_t> SimulatedPrinterDevice::receive(std::span<const std::uint8_t> data,
                                                    unsigned generation) {
    std::lock_guard lock(mutex_);
    if (generation != generation_ || presence_ == SimulatedPresence::Unplugged) {
        return gone();
    }
    bytesReceived_ += data.size();
    int heightBefore = decoder_.currentPage().image.height();
    auto fed = decoder_.feed(data);
    // Status queries are answered even without paper; only paper movement spoils the page.
    if (!canPrint() && decoder_.currentPage().image.height() != heightBefore) {
        pageSpoiled_ = true;
    }
    for (auto query : decoder_.takeStatusRequests()) {
        replies_.push_back(statusByte(query));
    }
    if (!fed) {
        // A real printer would print garbage; the simulation refuses so tests notice.
        return makeError(usb_error::kIo, fed.error().message);
    }
    for (auto& page : decoder_.takeFinishedPages()) {
        if (pageSpoiled_ || !canPrint()) {
            ++lostPages_;
            pageSpoiled_ = false;
            continue;
        }
        if (!outputDirectory_.empty()) {
            std::error_code error;
            std::filesystem::create_directories(outputDirectory_, error);
            // Never overwrite pages of an earlier run: a maintainer may be comparing them.
            std::filesystem::path path;
            do {
                char name[32];
                std::snprintf(name, sizeof name, "receipt-%04d.png", ++fileNumber_);
                path = outputDirectory_ / name;
            } while (std::filesystem::exists(path, error));
            if (writePng(page.image, path)) {
                files_.push_back(path);
            }
        }
        pages_.push_back(std::move(page.image));
    }
    return data.size();
}

Result<Bytes> SimulatedPrinterDevice::reply(std::size_t maxLength, unsigned generation) {
    std::lock_guard lock(mutex_);
    if (generation != generation_ || presence_ == SimulatedPresence::Unplugged) {
        return gone();
    }
    if (replies_.empty()) {
        return makeError(usb_error::kTimeout, "no status byte waiting");
    }
    std::size_t length = std::min(maxLength, replies_.size());
    Bytes out(replies_.begin(), replies_.begin() + static_cast<std::ptrdiff_t>(length));
    replies_.erase(replies_.begin(), replies_.begin() + static_cast<std::ptrdiff_t>(length));
    return out;
}

std::vector<Bitmap> SimulatedPrinterDevice::printedPages() const {
    std::lock_guard lock(mutex_);
    return pages_;
}

std::vector<std::filesystem::path> SimulatedPrinterDevice::writtenFiles() const {
    std::lock_guard lock(mutex_);
    return files_;
}

int SimulatedPrinterDevice::lostPages() const {
    std::lock_guard lock(mutex_);
    return lostPages_;
}

std::size_t SimulatedPrinterDevice::bytesReceived() const {
    std::lock_guard lock(mutex_);
    return bytesReceived_;
}

SimulatedPrinterTransport::SimulatedPrinterTransport(std::shared_ptr<SimulatedPrinterDevice> device,
                                                     unsigned generation)
    : device_(std::move(device))
    , generation_(generation) {
    info_.vendorId = kSimulatedVendor;
    info_.productId = kSimulatedProduct;
    info_.interfaceClass = 7; // printer class, subclass 1, bidirectional
    info_.interfaceSubClass = 1;
    info_.interfaceProtocol = 2;
    info_.manufacturer = "Kiosk";
    info_.product = "Simulated receipt printer";
}

Result<std::size_t> SimulatedPrinterTransport::bulkOut(std::span<const std::uint8_t> data,
                                                       std::chrono::milliseconds) {
    return device_->receive(data, generation_);
}

Result<Bytes> SimulatedPrinterTransport::bulkIn(std::size_t maxLength, std::chrono::milliseconds) {
    return device_->reply(maxLength, generation_);
}

Result<Bytes> SimulatedPrinterTransport::interruptIn(std::size_t, std::chrono::milliseconds) {
    return makeError(usb_error::kStall, "a printer has no interrupt endpoint");
}

Result<Bytes> SimulatedPrinterTransport::controlIn(std::uint8_t requestType, std::uint8_t request,
                                                   std::uint16_t, std::uint16_t,
                                                   std::uint16_t length,
                                                   std::chrono::milliseconds) {
    if (device_->generation() != generation_) {
        return gone();
    }
    // GET_DEVICE_ID (printer class request 0).
    if (requestType != 0xA1 || request != 0) {
        return makeError(usb_error::kStall, "request not supported by the simulated printer");
    }
    std::string id = "MFG:Kiosk;CMD:ESC/POS;MDL:Simulated ";
    id += device_->profile().displayName;
    id += ";CLS:PRINTER;";
    auto total = static_cast<std::uint16_t>(id.size() + 2);
    Bytes reply{static_cast<std::uint8_t>(total >> 8), static_cast<std::uint8_t>(total & 0xFF)};
    reply.insert(reply.end(), id.begin(), id.end());
    reply.resize(std::min<std::size_t>(reply.size(), length));
    return reply;
}

std::unique_ptr<Printer> makeSimulatedPrinter(std::shared_ptr<SimulatedPrinterDevice> device) {
    const PrinterProfile& profile = device->profile();
    return std::make_unique<EscPosPrinter>(
        profile, [device]() { return device->connect(); }, DeviceKind::Simulated);
}

} // namespace kiosk
