// Keyboard drawing: rows scaled to the box; action keys drawn as icons or translated words.
#include "ui/widgets/keyboard.hpp"

#include "ui/widgets/icons.hpp"

#include <string>

namespace kiosk::ui {

std::optional<input::KeyDef> drawKeyboard(const FrameContext& ctx,
                                          const input::KeyboardState& state,
                                          input::InputMethod method, ImVec2 size) {
    const input::KeyboardLayout layout = input::makeLayout(state.layout, state.field);
    const float gap = ctx.metrics.mm(1.5);
    const int rows = static_cast<int>(layout.rows.size());
    const float keyHeight = (size.y - gap * (rows - 1)) / rows;
    const Palette& p = ctx.colours;
    ImDrawList* d = ImGui::GetWindowDrawList();
    ImVec2 origin = ImGui::GetCursorPos();
    std::optional<input::KeyDef> pressed;
    for (int r = 0; r < rows; ++r) {
        const input::KeyRow& row = layout.rows[r];
        float units = 0;
        for (const input::KeyDef& key : row.keys) {
            units += key.width;
        }
        const float unit = (size.x - gap * (static_cast<float>(row.keys.size()) - 1)) / units;
        float x = origin.x;
        for (std::size_t k = 0; k < row.keys.size(); ++k) {
            const input::KeyDef& key = row.keys[k];
            float width = unit * key.width;
            ImGui::SetCursorPos(ImVec2(x, origin.y + r * (keyHeight + gap)));
            ImGui::PushID(r * 100 + static_cast<int>(k));
            bool clicked = ImGui::InvisibleButton("key", ImVec2(width, keyHeight));
            bool down = ImGui::IsItemActive();
            ImGui::PopID();
            ImVec2 min = ImGui::GetItemRectMin();
            ImVec2 max = ImGui::GetItemRectMax();
            bool action =
                key.action != input::KeyAction::Char && key.action != input::KeyAction::Space;
            bool lit =
                (key.action == input::KeyAction::Shift && state.shift != input::ShiftState::Off) ||
                (key.action == input::KeyAction::CapsLock &&
                 state.shift == input::ShiftState::Locked);
            ImVec4 fill = down ? p.primaryPressed
                               : (key.action == input::KeyAction::Done
                                      ? p.primary
                                      : (lit ? p.selected : (action ? p.secondary : p.surface)));
            ImVec4 ink = down || key.action == input::KeyAction::Done
                             ? p.primaryText
                             : (lit ? p.selectedText : p.secondaryText);
            d->AddRectFilled(min, max, ImGui::GetColorU32(fill), ctx.metrics.mm(1.2));
            d->AddRect(min, max, ImGui::GetColorU32(p.border), ctx.metrics.mm(1.2), 0, 1.5f);
            ImVec2 centre((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
            ImU32 inkColour = ImGui::GetColorU32(ink);
            float iconSize = std::min(keyHeight, width) * 0.45f;
            std::string label;
            switch (key.action) {
            case input::KeyAction::Backspace:
                drawIcon(d, Icon::Backspace, centre, iconSize, inkColour);
                break;
            case input::KeyAction::Shift:
            case input::KeyAction::CapsLock:
                drawIcon(d, Icon::Shift, centre, iconSize, inkColour);
                break;
            case input::KeyAction::Space:
                label = std::string(ctx.tr(Msg::KeySpace));
                break;
            case input::KeyAction::Done:
                label = std::string(ctx.tr(Msg::KeyDone));
                break;
            default:
                label = input::keyLabel(key, state.shift, method);
                break;
            }
            if (!label.empty()) {
                ImFont* font = ctx.fonts.bold;
                float px = std::min(font->FontSize, keyHeight * 0.6f);
                ImVec2 t = font->CalcTextSizeA(px, FLT_MAX, 0, label.c_str());
                if (t.x > width - gap * 2) { // long words on narrow keys shrink to fit
                    px *= (width - gap * 2) / t.x;
                    t = font->CalcTextSizeA(px, FLT_MAX, 0, label.c_str());
                }
                d->AddText(font, px, ImVec2(centre.x - t.x * 0.5f, centre.y - t.y * 0.5f),
                           inkColour, label.c_str());
            }
            if (clicked) {
                pressed = key;
            }
            x += width + gap;
        }
    }
    ImGui::SetCursorPos(ImVec2(origin.x, origin.y + size.y));
    return pressed;
}

} // namespace kiosk::ui
