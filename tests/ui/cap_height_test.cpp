// Capitals rasterised by the kiosk's own font path measure the millimetres each text size promises.
#include "ui/theme/fonts.hpp"
#include "ui/theme/metrics.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <imgui.h>

using namespace kiosk;
using namespace kiosk::ui;

namespace {

constexpr const char* kRegular = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
constexpr const char* kBold = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";

// Rows of the glyph's atlas cell that hold ink (alpha at least half): the height a resident sees.
int inkRows(const ImFontGlyph& glyph, const unsigned char* pixels, int atlasWidth,
            int atlasHeight) {
    const int x0 = static_cast<int>(glyph.U0 * static_cast<float>(atlasWidth) + 0.5f);
    const int x1 = static_cast<int>(glyph.U1 * static_cast<float>(atlasWidth) + 0.5f);
    const int y0 = static_cast<int>(glyph.V0 * static_cast<float>(atlasHeight) + 0.5f);
    const int y1 = static_cast<int>(glyph.V1 * static_cast<float>(atlasHeight) + 0.5f);
    int first = -1;
    int last = -1;
    for (int y = y0; y < y1; ++y) {
        for (int x = x0; x < x1; ++x) {
            if (pixels[y * atlasWidth + x] >= 128) {
                first = first < 0 ? y : first;
                last = y;
                break;
            }
        }
    }
    return first < 0 ? 0 : last - first + 1;
}

} // namespace

TEST_CASE("a rendered capital is the promised cap height at every text size, within 5 %",
          "[theme][cap-height]") {
    REQUIRE(std::filesystem::exists(kRegular));
    REQUIRE(std::filesystem::exists(kBold));
    ImGuiContext* context = ImGui::CreateContext();
    // The kiosk's 1280x800 panel (217 mm across) and a denser full-HD one.
    for (auto [pixels, millimetres] : {std::pair{1280, 217.0}, {1920, 344.0}}) {
        for (TextSize size :
             {TextSize::Normal, TextSize::Large, TextSize::Larger, TextSize::Largest}) {
            const Metrics metrics = computeMetrics(pixels, millimetres, size);
            const FontSet fonts = buildFonts(FontFiles{kRegular, kBold}, metrics);
            REQUIRE(fonts.vietnameseCapable);
            unsigned char* atlas = nullptr;
            int width = 0;
            int height = 0;
            ImGui::GetIO().Fonts->GetTexDataAsAlpha8(&atlas, &width, &height);
            for (const char letter : {'H', 'E'}) {
                const ImFontGlyph* regular = fonts.body->FindGlyph(static_cast<ImWchar>(letter));
                const ImFontGlyph* bold = fonts.bold->FindGlyph(static_cast<ImWchar>(letter));
                REQUIRE(regular != nullptr);
                REQUIRE(bold != nullptr);
                const double target = capHeightMm(size);
                INFO(pixels << " px over " << millimetres << " mm, size " << static_cast<int>(size)
                            << ", letter " << letter << ", font " << metrics.bodyFontPx << " px");
                CHECK(inkRows(*regular, atlas, width, height) / metrics.pixelsPerMm ==
                      Approx(target).epsilon(0.05));
                CHECK(inkRows(*bold, atlas, width, height) / metrics.pixelsPerMm ==
                      Approx(target).epsilon(0.05));
            }
            // The status bar's fixed 3 mm.
            const ImFontGlyph* status = fonts.status->FindGlyph(static_cast<ImWchar>('H'));
            REQUIRE(status != nullptr);
            CHECK(inkRows(*status, atlas, width, height) / metrics.pixelsPerMm ==
                  Approx(3.0).epsilon(0.05));
        }
    }
    ImGui::DestroyContext(context);
}
