// Spoken guidance: clips from the content pack first, espeak-ng speech otherwise.
#include "kiosk/audio/speech_source.hpp"

#include <catch2/catch.hpp>
#include <fstream>

using namespace kiosk;
using namespace kiosk::audio;

namespace {

std::filesystem::path freshDir(const char* name) {
    auto dir = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

void writeClip(const std::filesystem::path& file, std::size_t samples, std::int16_t level) {
    std::filesystem::create_directories(file.parent_path());
    PcmBuffer pcm;
    pcm.samples.assign(samples, level);
    std::ofstream(file, std::ios::binary) << encodeWav(pcm);
}

} // namespace

TEST_CASE("synthesised Vietnamese speech written to a WAV file is not silent", "[audio]") {
    auto synthesizer = SpeechSynthesizer::open();
    REQUIRE(synthesizer);
    auto pcm =
        (*synthesizer)
            ->synthesize("Không bao giờ đưa mã OTP cho bất kỳ ai, kể cả người xưng là công an.",
                         Language::Vietnamese);
    REQUIRE(pcm);
    auto file = freshDir("speech-test") / "otp.wav";
    std::ofstream(file, std::ios::binary) << encodeWav(*pcm);
    std::ifstream in(file, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto back = decodeWav(bytes);
    REQUIRE(back);
    CHECK(durationSeconds(*back) > 2.0); // a dozen words at 140 a minute
    CHECK(rms(*back) > 0.02);
}

TEST_CASE("only one speech synthesizer may be open at a time", "[audio]") {
    auto first = SpeechSynthesizer::open();
    REQUIRE(first);
    auto second = SpeechSynthesizer::open();
    CHECK_FALSE(second);
    first->reset();
    CHECK(SpeechSynthesizer::open());
}

TEST_CASE("a recorded clip filed under the text key is preferred to synthesis", "[audio]") {
    auto dir = freshDir("speech-clip-test");
    writeClip(dir / "audio" / "vi" / "vneid-activation-01.step01.wav", 2205, 8000);
    SpeechRequest request{"vneid-activation-01.step01", Language::Vietnamese, "Xin chào", {}};
    auto found = findClip(dir, request);
    REQUIRE(found);
    auto speech = loadSpeech(request, dir, nullptr, 100);
    REQUIRE(speech);
    CHECK(speech->origin == SpeechOrigin::RecordedClip);
    CHECK(speech->pcm.samples.size() == 2205);
    // The English session does not get the Vietnamese clip.
    request.language = Language::English;
    CHECK_FALSE(findClip(dir, request));
}

TEST_CASE("a clip named by the content wins over the filed one", "[audio]") {
    auto dir = freshDir("speech-named-test");
    writeClip(dir / "audio" / "vi" / "k.step01.wav", 10, 100);
    writeClip(dir / "clips" / "special.wav", 20, 100);
    SpeechRequest request{"k.step01", Language::Vietnamese, "", std::string("clips/special.wav")};
    CHECK(findClip(dir, request) == dir / "clips" / "special.wav");
}

TEST_CASE("text keys cannot reach outside the audio folder", "[audio]") {
    auto dir = freshDir("speech-key-test");
    writeClip(dir / "secret.wav", 10, 100);
    SpeechRequest request{"../../secret", Language::Vietnamese, "", {}};
    CHECK_FALSE(findClip(dir, request));
}

TEST_CASE("without a clip the text is synthesised at the chosen volume", "[audio]") {
    auto dir = freshDir("speech-synth-test");
    auto synthesizer = SpeechSynthesizer::open();
    REQUIRE(synthesizer);
    SpeechRequest request{"safe-payment-01.step01",
                          Language::Vietnamese,
                          "Đọc kỹ tên người nhận trước khi xác nhận.",
                          {}};
    auto loud = loadSpeech(request, dir, synthesizer->get(), 100);
    auto quiet = loadSpeech(request, dir, synthesizer->get(), 25);
    REQUIRE(loud);
    REQUIRE(quiet);
    CHECK(loud->origin == SpeechOrigin::Synthesised);
    CHECK(rms(quiet->pcm) < rms(loud->pcm) / 2);
    CHECK(rms(quiet->pcm) > 0);
}

TEST_CASE("without a clip or a synthesizer there is nothing to play", "[audio]") {
    auto dir = freshDir("speech-none-test");
    SpeechRequest request{"a.step01", Language::Vietnamese, "Xin chào", {}};
    auto speech = loadSpeech(request, dir, nullptr, 100);
    REQUIRE_FALSE(speech);
    CHECK(speech.error().code == "speech_unavailable");
}
