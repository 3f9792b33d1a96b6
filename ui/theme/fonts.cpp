// Font atlas construction with ImGui's FreeType builder.
#include "ui/theme/fonts.hpp"

#include <imgui_freetype.h>

namespace kiosk::ui {
namespace {

const ImWchar* glyphRanges() {
    // Built once per process: ImGui keeps a pointer to the ranges for the atlas's lifetime.
    static ImVector<ImWchar> ranges;
    if (ranges.empty()) {
        ImFontGlyphRangesBuilder builder;
        builder.AddRanges(ImGui::GetIO().Fonts->GetGlyphRangesVietnamese());
        static const ImWchar extra[] = {
            0x00A0, 0x00FF, // Latin-1: « » ° · and the accented capitals
            0x2010, 0x2027, // dashes, quotes, bullet, ellipsis
            0x20AB, 0x20AB, // ₫ dong sign
            0x2190, 0x2193, // arrows
            0,
        };
        builder.AddRanges(extra);
        builder.BuildRanges(&ranges);
    }
    return ranges.Data;
}

ImFont* addFont(const std::filesystem::path& file, float sizePx, bool& ok) {
    ImGuiIO& io = ImGui::GetIO();
    ImFontConfig config;
    config.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    if (!file.empty() && std::filesystem::exists(file)) {
        if (ImFont* font =
                io.Fonts->AddFontFromFileTTF(file.c_str(), sizePx, &config, glyphRanges())) {
            return font;
        }
    }
    ok = false;
    config.SizePixels = sizePx;
    return io.Fonts->AddFontDefault(&config);
}

} // namespace

FontSet buildFonts(const FontFiles& files, const Metrics& metrics) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    FontSet set;
    bool ok = true;
    set.body = addFont(files.regular, metrics.bodyFontPx, ok);
    set.bold = addFont(files.bold, metrics.bodyFontPx, ok);
    set.heading = addFont(files.bold, metrics.headingFontPx, ok);
    set.status = addFont(files.regular, metrics.statusFontPx, ok);
    set.chrome = addFont(files.regular, metrics.chromeFontPx, ok);
    set.chromeBold = addFont(files.bold, metrics.chromeFontPx, ok);
    io.Fonts->Build();
    io.FontDefault = set.body;
    set.vietnameseCapable = ok;
    return set;
}

} // namespace kiosk::ui
