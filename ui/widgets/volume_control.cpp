// Quieter / louder buttons under the current level; the flow saves it and plays a sample.
#include "ui/widgets/volume_control.hpp"

#include "ui/screens/screen_view.hpp"
#include "ui/widgets/touch_button.hpp"

#include <algorithm>
#include <string>

namespace kiosk::ui {

void volumeControl(const FrameContext& ctx, float width) {
    const Metrics& m = ctx.metrics;
    int level = ctx.session.assist.guidanceVolumePercent;
    bodyText(ctx, std::string(ctx.tr(Msg::ToolsVolume)) + ": " + std::to_string(level) + "%");
    float half = (width - m.gapPx) * 0.5f;
    ButtonKind quieter = level > 0 ? ButtonKind::Secondary : ButtonKind::Disabled;
    ButtonKind louder = level < 100 ? ButtonKind::Secondary : ButtonKind::Disabled;
    if (touchButton(ctx, "volume-down", ctx.tr(Msg::ToolsVolumeQuieter), ImVec2(half, m.targetPx),
                    quieter) &&
        level > 0) {
        ctx.emit(intent::SetGuidanceVolume{std::max(0, level - kGuidanceVolumeStep)});
    }
    ImGui::SameLine(0, m.gapPx);
    if (touchButton(ctx, "volume-up", ctx.tr(Msg::ToolsVolumeLouder), ImVec2(half, m.targetPx),
                    louder) &&
        level < 100) {
        ctx.emit(intent::SetGuidanceVolume{std::min(100, level + kGuidanceVolumeStep)});
    }
}

} // namespace kiosk::ui
