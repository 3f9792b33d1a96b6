// Receipt render time and bytes sent per receipt, at 58 and 80 mm (target: under 20 ms render).
#include "drivers/printer/escpos_printer.hpp"
#include "drivers/printer/printer_profile.hpp"
#include "kiosk/config/config.hpp"
#include "kiosk/receipt/receipt.hpp"
#include "kiosk/receipt/text_renderer.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

using namespace kiosk;

namespace {

constexpr int kRuns = 50;

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main() {
    Config defaults;
    auto text = TextRenderer::create(defaults.paths.fontRegular, defaults.paths.fontBold);
    if (!text) {
        std::fprintf(stderr, "bench_receipt: %s\n", text.error().message.c_str());
        return 1;
    }
    std::printf("%-14s %-4s %10s %10s %10s %8s %10s\n", "profile", "lang", "first_ms", "median_ms",
                "max_ms", "rows", "bytes");
    for (const char* id : {"generic-58", "generic-80", "epson-tm-t20"}) {
        const auto& profile = *findPrinterProfile(id);
        for (auto language : {Language::Vietnamese, Language::English}) {
            auto receipt = sampleReceipt(language);
            // A fresh renderer per configuration shows the cold (glyph cache empty) cost too.
            auto fresh = TextRenderer::create(defaults.paths.fontRegular, defaults.paths.fontBold);
            std::vector<double> times;
            Bitmap image;
            for (int run = 0; run < kRuns; ++run) {
                auto start = std::chrono::steady_clock::now();
                auto rendered = renderReceipt(receipt, **fresh, profile.widthDots);
                auto end = std::chrono::steady_clock::now();
                times.push_back(std::chrono::duration<double, std::milli>(end - start).count());
                image = std::move(*rendered);
            }
            double first = times.front();
            double worst = *std::max_element(times.begin() + 1, times.end());
            auto bytes = encodePrintJob(PrintJob{image, 1, escpos::CutMode::Partial}, profile);
            std::printf("%-14s %-4s %10.2f %10.2f %10.2f %8d %10zu\n", id,
                        std::string(languageCode(language)).c_str(), first, median(times), worst,
                        image.height(), bytes.size());
        }
    }
    return 0;
}
