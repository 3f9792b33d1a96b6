// Status bar drawing: each device as an icon, its name, a coloured dot and its state in words.
#include "ui/widgets/status_bar.hpp"

#include "ui/widgets/icons.hpp"

#include <cfloat>
#include <string>

namespace kiosk::ui {
namespace {

enum class Health { Good, Attention, Bad };

struct Item {
    Icon icon;
    Msg name;
    Msg state;
    Health health;
    bool simulated;
    int queued = 0;
};

Item printerItem(const DeviceStatus& s) {
    switch (s.printer) {
    case PrinterState::Ready:
        return {Icon::Printer, Msg::StatusPrinter, Msg::StatusReady, Health::Good,
                s.printerSimulated};
    case PrinterState::PaperNearEnd:
        return {Icon::Printer, Msg::StatusPrinter, Msg::StatusReady, Health::Attention,
                s.printerSimulated};
    case PrinterState::NoPaper:
        return {Icon::Printer, Msg::StatusPrinter, Msg::StatusNoPaper, Health::Bad,
                s.printerSimulated};
    case PrinterState::CoverOpen:
        return {Icon::Printer, Msg::StatusPrinter, Msg::StatusCoverOpen, Health::Bad,
                s.printerSimulated};
    case PrinterState::Offline:
    case PrinterState::Error:
        return {Icon::Printer, Msg::StatusPrinter, Msg::StatusError, Health::Bad,
                s.printerSimulated};
    case PrinterState::Disconnected:
        return {Icon::Printer, Msg::StatusPrinter, Msg::StatusDisconnected, Health::Bad,
                s.printerSimulated};
    case PrinterState::Unknown:
        break;
    }
    return {Icon::Printer, Msg::StatusPrinter, Msg::StatusUnknown, Health::Attention,
            s.printerSimulated};
}

Item readerItem(const DeviceStatus& s) {
    switch (s.reader) {
    case ReaderState::NoCard:
        return {Icon::CardReader, Msg::StatusReader, Msg::StatusReady, Health::Good,
                s.readerSimulated};
    case ReaderState::CardPresent:
        return {Icon::CardReader, Msg::StatusReader, Msg::StatusCardPresent, Health::Good,
                s.readerSimulated};
    case ReaderState::Error:
        return {Icon::CardReader, Msg::StatusReader, Msg::StatusError, Health::Bad,
                s.readerSimulated};
    case ReaderState::Disconnected:
        return {Icon::CardReader, Msg::StatusReader, Msg::StatusDisconnected, Health::Bad,
                s.readerSimulated};
    case ReaderState::Unknown:
        break;
    }
    return {Icon::CardReader, Msg::StatusReader, Msg::StatusUnknown, Health::Attention,
            s.readerSimulated};
}

Item networkItem(const DeviceStatus& s) {
    switch (s.network) {
    case NetworkState::Online:
        return {Icon::Network, Msg::StatusNetwork, Msg::StatusOnline, Health::Good,
                false,         s.queuedDossiers};
    case NetworkState::Offline:
        return {Icon::Network, Msg::StatusNetwork, Msg::StatusOffline, Health::Attention,
                false,         s.queuedDossiers};
    case NetworkState::Unknown:
        break;
    }
    return {Icon::Network, Msg::StatusNetwork, Msg::StatusUnknown, Health::Attention,
            false,         s.queuedDossiers};
}

} // namespace

void drawStatusBar(const FrameContext& ctx, ImVec2 size) {
    const Palette& p = ctx.colours;
    ImDrawList* d = ImGui::GetWindowDrawList();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    d->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y),
                     ImGui::GetColorU32(p.statusBar));
    d->AddLine(origin, ImVec2(origin.x + size.x, origin.y), ImGui::GetColorU32(p.border), 2.0f);

    ImFont* font = ctx.fonts.status;
    ImU32 textColour = ImGui::GetColorU32(p.statusText);
    float x = origin.x + ctx.metrics.marginPx;
    float centreY = origin.y + size.y * 0.5f;
    float iconSize = font->FontSize * 1.1f;
    float sectionWidth = (size.x - 2 * ctx.metrics.marginPx) / 3.0f;

    const Item items[] = {printerItem(ctx.devices), readerItem(ctx.devices),
                          networkItem(ctx.devices)};
    for (const Item& item : items) {
        drawIcon(d, item.icon, ImVec2(x + iconSize * 0.5f, centreY), iconSize, textColour);
        ImVec4 dot = item.health == Health::Good
                         ? p.ok
                         : (item.health == Health::Bad ? p.danger : p.warning);
        float dotX = x + iconSize * 1.5f;
        d->AddCircleFilled(ImVec2(dotX, centreY), font->FontSize * 0.3f, ImGui::GetColorU32(dot));
        std::string state(ctx.tr(item.state));
        if (item.simulated) {
            state += " (" + std::string(ctx.tr(Msg::StatusSimulated)) + ")";
        }
        if (item.queued > 0) {
            state +=
                " · " + std::to_string(item.queued) + " " + std::string(ctx.tr(Msg::StatusQueued));
        }
        std::string label = std::string(ctx.tr(item.name)) + ": " + state;
        float textX = dotX + font->FontSize * 0.6f;
        float right = x + sectionWidth - ctx.metrics.gapPx;
        // On a narrow (portrait) panel the icon names the device and the state keeps the room.
        if (textX + font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str()).x > right) {
            label = state;
        }
        ImVec4 clip(x, origin.y, right, origin.y + size.y);
        d->AddText(font, font->FontSize, ImVec2(textX, centreY - font->FontSize * 0.5f), textColour,
                   label.c_str(), nullptr, 0, &clip);
        x += sectionWidth;
    }
    ImGui::Dummy(size);
}

} // namespace kiosk::ui
