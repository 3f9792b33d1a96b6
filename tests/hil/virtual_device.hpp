// One virtual USB device: answers control, bulk and interrupt transfers from its model's
// descriptors and, behind its endpoints, the project's simulated card reader and printer.
#pragma once

#include "drivers/card_reader/sim/simulated_ccid_transport.hpp"
#include "drivers/printer/simulated_printer.hpp"
#include "tests/hil/usb_models.hpp"

#include <array>
#include <filesystem>
#include <memory>
#include <optional>

namespace kiosk::hil {

// One USB request block as USB/IP carries it.
struct Transfer {
    std::uint8_t endpoint = 0; // number, without the direction bit
    bool in = false;
    std::uint32_t length = 0; // transfer_buffer_length
    std::array<std::uint8_t, 8> setup{};
    Bytes out; // OUT data
};

struct Completion {
    int status = 0; // 0 or a negative errno, as the kernel's urb->status
    Bytes in;       // IN data
    std::uint32_t actualLength = 0;
};

class VirtualDevice {
public:
    // `card` goes on the reader interfaces (null: no card); printers write pages to `pages`.
    VirtualDevice(const DeviceModel& model, std::unique_ptr<sim::SimulatedIcaoCard> card,
                  const std::filesystem::path& pages);

    // The answer now, or nullopt for an IN transfer with nothing to say yet (kept pending).
    std::optional<Completion> submit(const Transfer& transfer);

    const DeviceModel& model() const { return model_; }
    std::size_t bulkOutBytes() const { return outBytes_; }
    int bulkOutTransfers() const { return outTransfers_; }

    // Switches the scenarios flip.
    void removeCard();
    void insertCard(std::unique_ptr<sim::SimulatedIcaoCard> card);
    SimulatedPrinterDevice* printer() { return printer_.get(); }

private:
    struct Interface {
        const InterfaceModel* model = nullptr;
        std::unique_ptr<sim::SimulatedCcidTransport> reader;
        std::unique_ptr<UsbTransport> printerLink;
        Bytes otherChipAnswers; // queued CCID answers of a CcidOtherChip interface
        Bytes otherChipNotice;
        bool otherChipPowered = false;
    };

    std::optional<Completion> control(const Transfer& transfer);
    Interface* interfaceForEndpoint(std::uint8_t endpoint, bool in);
    void otherChipMessage(Interface& iface, std::span<const std::uint8_t> message);

    const DeviceModel& model_;
    std::shared_ptr<SimulatedPrinterDevice> printer_;
    std::vector<Interface> interfaces_;
    std::size_t outBytes_ = 0;
    int outTransfers_ = 0;
};

} // namespace kiosk::hil
