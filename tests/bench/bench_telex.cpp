// Cost of one keystroke in the Vietnamese input engine (Telex, VNI, Plain, backspace).
#include "kiosk/input/vietnamese_composer.hpp"

#include <chrono>
#include <cstdio>
#include <string_view>

using namespace kiosk::input;

namespace {

// A form's worth of typing: names, an address, a sentence, an e-mail, with a few corrections.
constexpr std::string_view telexText =
    "Nguyeenx Thij Asnh Tuyeets, Traanf Vawn Hungf. Soos nhaf 12 dduwowngf Leex Lowij, "
    "xax Thoor Tang, huyeenj Vixnh Tuwowngf. Tooi muoons ddawng kys giaays khai sinh "
    "cho con. test@gmail.com hello world ";
constexpr std::string_view vniText =
    "Nguye6n4 Thi5 A1nh Tuye6t1, Tra62n Va8n Hu2ng. So61 nha2 12 d9uo7o72ng Le4 Lo75i, "
    "xa4 Tho63 Tang, huye65n Vi4nh Tu7o7o72ng. To6i muo61n d9a8ng ky1 gia61y khai sinh ";

struct Figure {
    double nanosecondsPerKey;
    std::size_t keys;
};

// Types `text` `rounds` times into a fresh field each round; every 9th key is followed by a
// backspace and the key again, as a resident correcting a slip would.
Figure measure(InputMethod method, std::string_view text, int rounds) {
    std::size_t keys = 0;
    std::size_t sink = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int round = 0; round < rounds; ++round) {
        VietnameseComposer composer(method);
        std::size_t index = 0;
        for (const char c : text) {
            const auto key = static_cast<char32_t>(static_cast<unsigned char>(c));
            composer.type(key);
            ++keys;
            if (++index % 9 == 0) {
                composer.backspace();
                composer.type(key);
                keys += 2;
            }
        }
        sink += composer.text().size();
    }
    const auto elapsed = std::chrono::steady_clock::now() - start;
    const double nanoseconds =
        static_cast<double>(std::chrono::duration_cast<std::chrono::nanoseconds>(elapsed).count());
    // Printing the sink keeps the optimiser from dropping the work.
    std::printf("  (checksum %zu)\n", sink);
    return {nanoseconds / static_cast<double>(keys), keys};
}

} // namespace

int main() {
    constexpr int rounds = 2000;
    std::printf("Vietnamese input engine, ns per keystroke (%d fields each):\n", rounds);
    const Figure telex = measure(InputMethod::Telex, telexText, rounds);
    std::printf("Telex  %8.1f ns/key over %zu keys\n", telex.nanosecondsPerKey, telex.keys);
    const Figure vni = measure(InputMethod::Vni, vniText, rounds);
    std::printf("VNI    %8.1f ns/key over %zu keys\n", vni.nanosecondsPerKey, vni.keys);
    const Figure plain = measure(InputMethod::Plain, telexText, rounds);
    std::printf("Plain  %8.1f ns/key over %zu keys\n", plain.nanosecondsPerKey, plain.keys);
    return 0;
}
