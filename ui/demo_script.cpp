// The demo script: intents a resident would tap, each followed by a rendered frame and a check.
#include "ui/demo_script.hpp"

#include "ui/kiosk_app.hpp"

#include <string>
#include <thread>
#include <vector>

namespace kiosk::ui {
namespace {

struct Step {
    std::string description;
    Intent intent;
    Screen expected;
};

std::vector<Step> script() {
    return {
        {"resident chooses large text", intent::SetTextSize{TextSize::Large}, Screen::Home},
        {"resident opens help", intent::Open{Screen::Help}, Screen::Help},
        {"resident goes back", intent::Back{}, Screen::Home},
        {"resident switches to English", intent::SetLanguage{Language::English}, Screen::Home},
        {"resident chooses high-contrast dark", intent::SetContrast{Contrast::HighDark},
         Screen::Home},
        {"resident opens help again", intent::Open{Screen::Help}, Screen::Help},
        {"resident starts over: session wiped", intent::StartOver{}, Screen::Home},
    };
}

} // namespace

int runDemo(KioskApp& app, std::ostream& out, DemoPace pace) {
    int number = 0;
    int failures = 0;
    app.frame(std::chrono::steady_clock::now());
    for (const Step& step : script()) {
        ++number;
        auto now = std::chrono::steady_clock::now();
        app.apply(step.intent, now);
        app.frame(now);
        Screen reached = app.flow().state().screen;
        bool ok = reached == step.expected;
        failures += ok ? 0 : 1;
        out << "demo step " << number << ": " << step.description << " -> "
            << screenName(reached).text() << (ok ? "" : "  (UNEXPECTED)") << "\n";
        if (pace == DemoPace::Visible) {
            std::this_thread::sleep_for(std::chrono::milliseconds(800));
        }
    }
    bool wiped = !app.flow().state().active && app.flow().state().accessibility == Accessibility{};
    out << "demo: session wiped at the end: " << (wiped ? "yes" : "NO") << "\n";
    out << "demo: " << number << " steps, " << failures << " unexpected\n";
    return failures == 0 && wiped ? 0 : 1;
}

} // namespace kiosk::ui
