// libusb-backed opener for the card reader setup and `kioskctl card read`: the right interface.
#include "kiosk/devices/usb_card_reader.hpp"

#include "drivers/card_reader/apdu.hpp"
#include "drivers/card_reader/ccid_message.hpp"
#include "drivers/card_reader/ccid_reader.hpp"

#include <algorithm>

namespace kiosk {
namespace {

// SELECT by AID of the eMRTD application (ICAO 9303-10 §3.6.1; chip-id.md §2).
constexpr std::uint8_t kSelectEmrtd[] = {0x00, 0xA4, 0x04, 0x0C, 0x07, 0xA0,
                                         0x00, 0x00, 0x02, 0x47, 0x10, 0x01};

enum class Probe { NoCard, IcaoApplication, OtherChip, Failed };

Probe probeForIcao(std::shared_ptr<UsbContext> context, const ReaderCandidate& candidate) {
    auto transport = openUsbInterface(std::move(context), candidate.location);
    if (!transport) {
        return Probe::Failed;
    }
    const auto& info = (*transport)->info();
    auto reader =
        CcidReader::open(std::move(*transport), ccidTimeoutsFor(info.vendorId, info.productId));
    if (!reader) {
        return Probe::Failed;
    }
    if ((*reader)->state() != ReaderState::CardPresent) {
        return Probe::NoCard;
    }
    if (!(*reader)->powerOn()) {
        return Probe::Failed;
    }
    auto answer = (*reader)->transmit(kSelectEmrtd);
    (void)(*reader)->powerOff();
    if (answer && answer->size() >= 2 && (*answer)[answer->size() - 2] == 0x90 &&
        answer->back() == 0x00) {
        return Probe::IcaoApplication;
    }
    return Probe::OtherChip;
}

} // namespace

std::vector<ReaderCandidate> rankReaderInterfaces(const std::vector<UsbInterfaceLocation>& found) {
    std::vector<ReaderCandidate> ranked;
    for (const auto& location : found) {
        ReaderCandidate candidate;
        candidate.location = location;
        candidate.quirk = findReaderQuirk(location.info.vendorId, location.info.productId);
        auto descriptor = ccid::parseClassDescriptor(location.info.classDescriptor);
        bool apduLevel =
            descriptor &&
            (descriptor->exchangeLevel() == ccid::ClassDescriptor::ExchangeLevel::ShortApdu ||
             descriptor->exchangeLevel() == ccid::ClassDescriptor::ExchangeLevel::ExtendedApdu);
        if (candidate.quirk != nullptr && candidate.quirk->support == ReaderSupport::NotReader) {
            candidate.reason = "security_token";
        } else if (candidate.quirk != nullptr &&
                   candidate.quirk->contactlessInterface != kAnyInterface &&
                   candidate.quirk->contactlessInterface != location.info.interfaceNumber) {
            candidate.reason = "contact_or_sam_interface";
        } else if (!apduLevel) {
            // Every contactless reader we target works at APDU level; tokens often do not.
            candidate.reason = "not_apdu_level";
        } else {
            candidate.usable = true;
            bool extended =
                descriptor->exchangeLevel() == ccid::ClassDescriptor::ExchangeLevel::ExtendedApdu;
            if (candidate.quirk != nullptr) {
                candidate.rank = candidate.quirk->support == ReaderSupport::Recommended ? 40
                                 : candidate.quirk->support == ReaderSupport::Works     ? 30
                                                                                        : 10;
                if (candidate.quirk->contactlessInterface == kAnyInterface) {
                    candidate.reason = "known_reader";
                } else {
                    candidate.reason = "contactless_interface";
                }
            } else {
                candidate.rank = 20;
                candidate.reason = "apdu_level_descriptor";
            }
            // Chip ID reads send extended APDUs; a short-only reader works but slower.
            candidate.rank += extended ? 1 : 0;
        }
        ranked.push_back(std::move(candidate));
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
        return a.usable != b.usable ? a.usable : a.rank > b.rank;
    });
    return ranked;
}

UsbReaderOpener usbCardReaderOpener(Logger* logger) {
    return [logger]() -> Result<std::unique_ptr<UsbTransport>> {
        // A fresh context each time: its device list is read from the bus now, so a reader
        // plugged in later is found even where libusb gets no hot-plug events (no udevd).
        auto context = openUsbContext();
        if (!context) {
            return context.error();
        }
        auto found = findUsbInterfaces(**context, kSmartCardInterfaceClass);
        if (!found) {
            return found.error();
        }
        auto ranked = rankReaderInterfaces(*found);
        auto usableEnd = std::find_if(ranked.begin(), ranked.end(),
                                      [](const auto& candidate) { return !candidate.usable; });
        std::size_t usable = static_cast<std::size_t>(usableEnd - ranked.begin());
        if (usable == 0) {
            return makeError(usb_error::kNoDevice,
                             ranked.empty()
                                 ? "no smart-card reader (USB interface class 0x0B) is connected"
                                 : "only security tokens or contact/SAM slots (USB class 0x0B) "
                                   "are connected, no contactless reader");
        }
        std::size_t chosen = 0;
        if (usable > 1) {
            // Ask each reader holding a card for the ICAO application; a chip without it (a
            // token's, a SAM) sinks below the readers without a card.
            std::vector<std::size_t> order;
            std::vector<std::size_t> demoted;
            bool decided = false;
            for (std::size_t i = 0; i < usable && !decided; ++i) {
                switch (probeForIcao(*context, ranked[i])) {
                case Probe::IcaoApplication:
                    chosen = i;
                    ranked[i].reason = "icao_application_answered";
                    decided = true;
                    break;
                case Probe::OtherChip:
                    demoted.push_back(i);
                    break;
                case Probe::NoCard:
                case Probe::Failed:
                    order.push_back(i);
                    break;
                }
            }
            if (!decided) {
                order.insert(order.end(), demoted.begin(), demoted.end());
                chosen = order.front();
            }
        }
        const ReaderCandidate& pick = ranked[chosen];
        if (logger != nullptr && ranked.size() > 1) {
            logger->log(LogEvent::CardReaderChosen,
                        {{"vendor_id", static_cast<int>(pick.location.info.vendorId)},
                         {"product_id", static_cast<int>(pick.location.info.productId)},
                         {"interface", static_cast<int>(pick.location.info.interfaceNumber)},
                         {"candidates", static_cast<int>(ranked.size())},
                         {"reason", pick.reason}});
        }
        return openUsbInterface(*context, pick.location);
    };
}

} // namespace kiosk
