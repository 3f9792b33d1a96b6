// Status bar drawing: each device as an icon, its name, a coloured dot and its state in words.
#include "ui/widgets/status_bar.hpp"

#include "ui/widgets/icons.hpp"
#include "ui/widgets/layout_probe.hpp"

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

// Each device's words, as long as they fit in `room` pixels: "Máy in: sẵn sàng (mô phỏng)", or
// the state alone (the icon names the device).
std::string itemLabel(const FrameContext& ctx, const Item& item, float room) {
    std::string state(ctx.tr(item.state));
    if (item.simulated) {
        state += " (" + std::string(ctx.tr(Msg::StatusSimulated)) + ")";
    }
    if (item.queued > 0) {
        state += " · " + std::to_string(item.queued) + " " + std::string(ctx.tr(Msg::StatusQueued));
    }
    std::string label = std::string(ctx.tr(item.name)) + ": " + state;
    ImFont* font = ctx.fonts.status;
    if (font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str()).x > room) {
        return state;
    }
    return label;
}

float labelWidth(const FrameContext& ctx, const std::string& label) {
    ImFont* font = ctx.fonts.status;
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, label.c_str()).x;
}

// Left of a label: the icon, the dot and their spacing.
float labelIndent(const FrameContext& ctx) {
    float fontPx = ctx.fonts.status->FontSize;
    return fontPx * 1.1f * 1.5f + fontPx * 0.6f;
}

struct StatusLayout {
    Item items[3];
    bool stacked = false; // one device a line: a narrow (portrait) panel
};

StatusLayout layoutFor(const FrameContext& ctx, float width) {
    StatusLayout layout{
        {printerItem(ctx.devices), readerItem(ctx.devices), networkItem(ctx.devices)}};
    float section = (width - 2 * ctx.metrics.marginPx) / 3.0f;
    float room = section - ctx.metrics.gapPx - labelIndent(ctx);
    for (const Item& item : layout.items) {
        layout.stacked = layout.stacked || labelWidth(ctx, itemLabel(ctx, item, room)) > room;
    }
    return layout;
}

} // namespace

float statusBarHeight(const FrameContext& ctx, float width) {
    float line = ctx.fonts.status->FontSize;
    return layoutFor(ctx, width).stacked ? line * 1.35f * 3 + line * 0.6f : line * 2.0f;
}

void drawStatusBar(const FrameContext& ctx, ImVec2 size) {
    const Palette& p = ctx.colours;
    ImDrawList* d = ImGui::GetWindowDrawList();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    d->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y),
                     ImGui::GetColorU32(p.statusBar));
    d->AddLine(origin, ImVec2(origin.x + size.x, origin.y), ImGui::GetColorU32(p.border), 2.0f);

    ImFont* font = ctx.fonts.status;
    ImU32 textColour = ImGui::GetColorU32(p.statusText);
    const StatusLayout layout = layoutFor(ctx, size.x);
    float margin = ctx.metrics.marginPx;
    // Side by side in thirds; or, when a state would not fit its third, one device a line, so
    // every state is read whole ("sẵn sàng (mô phỏng)", never "sẵn sàng (mô phỏng").
    float sectionWidth = layout.stacked ? size.x - 2 * margin : (size.x - 2 * margin) / 3.0f;
    float lineHeight = layout.stacked ? font->FontSize * 1.35f : size.y;
    float top = origin.y + (layout.stacked ? font->FontSize * 0.3f : 0.0f);
    float iconSize = font->FontSize * 1.1f;
    for (int index = 0; index < 3; ++index) {
        const Item& item = layout.items[index];
        float x = origin.x + margin + (layout.stacked ? 0.0f : sectionWidth * index);
        float lineTop = top + (layout.stacked ? lineHeight * index : 0.0f);
        float centreY = lineTop + lineHeight * 0.5f;
        drawIcon(d, item.icon, ImVec2(x + iconSize * 0.5f, centreY), iconSize, textColour);
        ImVec4 dot = item.health == Health::Good
                         ? p.ok
                         : (item.health == Health::Bad ? p.danger : p.warning);
        float dotX = x + iconSize * 1.5f;
        d->AddCircleFilled(ImVec2(dotX, centreY), font->FontSize * 0.3f, ImGui::GetColorU32(dot));
        float textX = dotX + font->FontSize * 0.6f;
        float right = x + sectionWidth - ctx.metrics.gapPx;
        std::string label = itemLabel(ctx, item, right - textX);
        ImVec4 clip(x, lineTop, right, lineTop + lineHeight);
        ImVec2 at(textX, centreY - font->FontSize * 0.5f);
        d->AddText(font, font->FontSize, at, textColour, label.c_str(), nullptr, 0, &clip);
        noteTextLine(at, ImVec2(at.x + labelWidth(ctx, label), at.y + font->FontSize), label,
                     &clip);
    }
    ImGui::Dummy(size);
}

} // namespace kiosk::ui
