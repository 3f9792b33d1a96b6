// Keyboard drawing: rows scaled to the box; action keys drawn as icons or translated words.
#include "ui/widgets/keyboard.hpp"

#include "kiosk/input/utf8.hpp"
#include "ui/widgets/icons.hpp"
#include "ui/widgets/layout_probe.hpp"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <string>

namespace kiosk::ui {

namespace {

Uint32 postWakeEvent(Uint32 /*interval*/, void* eventType) {
    SDL_Event event{};
    event.type = static_cast<Uint32>(reinterpret_cast<std::uintptr_t>(eventType));
    SDL_PushEvent(&event);
    return 0; // one shot
}

// The frame loop only draws after events: ask for one when the next repeat is due.
void scheduleWake(HeldBackspace& held) {
    auto due = held.repeat.nextDue();
    if (!due || held.wakeScheduledFor == due) {
        return;
    }
    if (held.wakeEvent == 0) {
        held.wakeEvent = SDL_RegisterEvents(1);
        if (held.wakeEvent == static_cast<Uint32>(-1)) {
            held.wakeEvent = 0;
            return;
        }
    }
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(
        *due - input::KeyRepeat::Time(std::chrono::duration_cast<input::KeyRepeat::Duration>(
                   std::chrono::duration<double>(ImGui::GetTime()))));
    SDL_AddTimer(static_cast<Uint32>(std::max<std::int64_t>(1, wait.count())), postWakeEvent,
                 reinterpret_cast<void*>(static_cast<std::uintptr_t>(held.wakeEvent)));
    held.wakeScheduledFor = due;
}

// The layout and the gap between keys for a keyboard box of `size`. Letter keys are at least
// 12.7 mm wide: when ten a row would be narrower (a portrait panel), the rows hold nine and the
// gaps between keys give a little (never under 0.8 mm). A short box (the largest text leaves it
// little height) takes the nine-key rows too when they need fewer rows: the hat and tone letters
// go on their own layer, and the keys grow taller.
struct KeyboardFit {
    input::KeyboardLayout layout;
    float gap = 0;
    float keyHeight(float height) const {
        auto count = static_cast<float>(layout.rows.size());
        return (height - gap * (count - 1)) / count;
    }
};

KeyboardFit fitKeyboard(const Metrics& m, const input::KeyboardState& state, ImVec2 size) {
    const float minimumKey = m.mm(kMinimumTargetMm);
    KeyboardFit fit;
    fit.gap = m.mm(1.5);
    input::KeyboardWidth rowWidth = input::KeyboardWidth::Wide;
    if ((size.x - fit.gap * (input::kWideRowUnits - 1)) / input::kWideRowUnits < minimumKey) {
        rowWidth = input::KeyboardWidth::Narrow;
        float units = input::kNarrowRowUnits;
        fit.gap = std::clamp((size.x - minimumKey * units) / (units - 1), m.mm(0.8), m.mm(1.5));
    }
    fit.layout = input::makeLayout(state.layout, state.field, rowWidth);
    if (rowWidth == input::KeyboardWidth::Wide && fit.keyHeight(size.y) < minimumKey) {
        input::KeyboardLayout narrow =
            input::makeLayout(state.layout, state.field, input::KeyboardWidth::Narrow);
        if (narrow.rows.size() < fit.layout.rows.size()) {
            fit.layout = std::move(narrow);
        }
    }
    return fit;
}

std::optional<input::KeyDef> drawKeys(const FrameContext& ctx, const input::KeyboardState& state,
                                      input::InputMethod method, ImVec2 size, bool* backspaceDown) {
    const Metrics& m = ctx.metrics;
    const KeyboardFit fit = fitKeyboard(m, state, size);
    const input::KeyboardLayout& layout = fit.layout;
    const float gap = fit.gap;
    const int rows = static_cast<int>(layout.rows.size());
    const float keyHeight = fit.keyHeight(size.y);
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
            // Some keys say what they do on a small second line: the tone keys ("thêm dấu"), Caps
            // Lock (so it is not a second Shift) and the typing-method key (what Telex means).
            std::string caption;
            if (key.action == input::KeyAction::CapsLock) {
                caption = std::string(ctx.tr(Msg::KeyCapsLock));
            } else if (key.action == input::KeyAction::SwitchMethod) {
                caption = method == input::InputMethod::Telex ? "aa=â s=á"
                          : method == input::InputMethod::Vni ? "a6=â a1=á"
                                                              : "abc";
            } else if (key.action == input::KeyAction::Char && key.character >= 0x0300 &&
                       key.character <= 0x036F) {
                caption = std::string(ctx.tr(Msg::KeyAddTone));
            }
            const float captionPx =
                caption.empty() ? 0.0f : std::min(ctx.fonts.status->FontSize, keyHeight * 0.4f);
            ImVec2 centre((min.x + max.x) * 0.5f,
                          (min.y + max.y) * 0.5f - (caption.empty() ? 0.0f : captionPx * 0.45f));
            ImU32 inkColour = ImGui::GetColorU32(ink);
            float iconSize = std::min(keyHeight, width) * 0.45f;
            std::string label;
            switch (key.action) {
            case input::KeyAction::Backspace:
                drawIcon(d, Icon::Backspace, centre, iconSize, inkColour);
                break;
            case input::KeyAction::Shift:
                drawIcon(d, Icon::Shift, centre, iconSize, inkColour);
                break;
            case input::KeyAction::CapsLock: {
                // ⇪: the Shift arrow standing on a bar, as printed on real Caps Lock keys.
                const float arrow = iconSize * 0.8f;
                drawIcon(d, Icon::Shift, ImVec2(centre.x, centre.y - arrow * 0.12f), arrow,
                         inkColour);
                d->AddRectFilled(ImVec2(centre.x - arrow * 0.3f, centre.y + arrow * 0.45f),
                                 ImVec2(centre.x + arrow * 0.3f, centre.y + arrow * 0.58f),
                                 inkColour);
                break;
            }
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
                float px = std::min(font->FontSize, keyHeight * (caption.empty() ? 0.6f : 0.42f));
                ImVec2 t = font->CalcTextSizeA(px, FLT_MAX, 0, label.c_str());
                if (t.x > width - gap * 2) { // long words on narrow keys shrink to fit
                    px *= (width - gap * 2) / t.x;
                    t = font->CalcTextSizeA(px, FLT_MAX, 0, label.c_str());
                }
                d->AddText(font, px, ImVec2(centre.x - t.x * 0.5f, centre.y - t.y * 0.5f),
                           inkColour, label.c_str());
            }
            if (!caption.empty()) {
                ImFont* font = ctx.fonts.status;
                float px = captionPx;
                ImVec2 t = font->CalcTextSizeA(px, FLT_MAX, 0, caption.c_str());
                if (t.x > width - gap) {
                    px *= (width - gap) / t.x;
                    t = font->CalcTextSizeA(px, FLT_MAX, 0, caption.c_str());
                }
                d->AddText(font, px, ImVec2(centre.x - t.x * 0.5f, max.y - t.y - gap * 0.4f),
                           inkColour, caption.c_str());
            }
            if (key.action == input::KeyAction::Char) {
                noteCharacterKey(min, max, key.label);
            }
            if (backspaceDown != nullptr && key.action == input::KeyAction::Backspace) {
                // Held backspace is the caller's: it acts on release or by repeating.
                *backspaceDown = *backspaceDown || down;
            } else if (clicked) {
                pressed = key;
            }
            x += width + gap;
        }
    }
    ImGui::SetCursorPos(ImVec2(origin.x, origin.y + size.y));
    return pressed;
}

} // namespace

float keyboardMinimumHeight(const Metrics& m, const input::KeyboardState& state, float width) {
    // Asked with no height at all, the fit takes its fewest rows.
    const KeyboardFit fit = fitKeyboard(m, state, ImVec2(width, 0));
    auto rows = static_cast<float>(fit.layout.rows.size());
    return m.mm(kMinimumTargetMm) * rows + fit.gap * (rows - 1);
}

std::optional<input::KeyDef> drawKeyboard(const FrameContext& ctx,
                                          const input::KeyboardState& state,
                                          input::InputMethod method, ImVec2 size) {
    return drawKeys(ctx, state, method, size, nullptr);
}

std::vector<input::KeyDef> drawKeyboard(const FrameContext& ctx, const input::KeyboardState& state,
                                        input::InputMethod method, ImVec2 size, HeldBackspace& held,
                                        std::string_view textBeforeCursor) {
    bool backspaceDown = false;
    std::optional<input::KeyDef> tapped = drawKeys(ctx, state, method, size, &backspaceDown);
    std::vector<input::KeyDef> keys;
    const auto now = input::KeyRepeat::Time(std::chrono::duration_cast<input::KeyRepeat::Duration>(
        std::chrono::duration<double>(ImGui::GetTime())));
    input::KeyRepeat::Actions actions = held.repeat.update(backspaceDown, now);
    input::KeyDef backspace;
    backspace.action = input::KeyAction::Backspace;
    std::size_t count = static_cast<std::size_t>(actions.characters);
    if (actions.words > 0) {
        // Whole words from what is left once the single characters are gone.
        std::u32string before = input::decodeUtf8<std::u32string>(textBeforeCursor);
        std::size_t left = before.size() > count ? before.size() - count : 0;
        for (int word = 0; word < actions.words && left > 0; ++word) {
            std::string remaining;
            for (std::size_t i = 0; i < left; ++i) {
                input::appendUtf8(remaining, before[i]);
            }
            std::size_t length = std::max<std::size_t>(1, input::lastWordLength(remaining));
            count += length;
            left -= std::min(left, length);
        }
    }
    keys.assign(count, backspace);
    if (backspaceDown) {
        scheduleWake(held);
    } else {
        held.wakeScheduledFor.reset();
    }
    if (tapped) {
        keys.push_back(*tapped);
    }
    return keys;
}

} // namespace kiosk::ui
