// A screen read aloud: its lines in order, a pack's clip for a line when there is one, espeak-ng
// for the rest, joined into one sound as long as the words need.
#include "kiosk/audio/screen_speech.hpp"
#include "tests/kiosk/audio/spoken_words.hpp"

#include <catch2/catch.hpp>
#include <fstream>

using namespace kiosk;
using namespace kiosk::audio;

namespace {

std::filesystem::path freshSpeechDir(const char* name) {
    auto dir = std::filesystem::temp_directory_path() / name;
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

ScreenSpeech identityScreen() {
    ScreenSpeech speech;
    speech.add(SpeechRole::Heading, "Bác muốn khai thông tin thế nào?");
    speech.add(SpeechRole::Choice, "Đọc thẻ căn cước");
    speech.add(SpeechRole::Choice, "Tự gõ thông tin");
    return speech;
}

} // namespace

TEST_CASE("a screen's lines join into sentences, skipping blank and repeated text", "[audio]") {
    ScreenSpeech speech;
    speech.add(SpeechRole::Heading, "  Tra cứu hồ sơ ");
    speech.add(SpeechRole::Choice, "›");
    speech.add(SpeechRole::Choice, "");
    speech.add(SpeechRole::Instruction, "Nhập mã hồ sơ trên phiếu hẹn.");
    speech.add(SpeechRole::Instruction, "Nhập mã hồ sơ trên phiếu hẹn.");
    speech.add(SpeechRole::Choice, "Tra cứu");
    REQUIRE(speech.lines.size() == 3);
    CHECK(speech.lines[0] == SpokenLine{SpeechRole::Heading, "Tra cứu hồ sơ"});
    CHECK(spokenText(speech) == "Tra cứu hồ sơ. Nhập mã hồ sơ trên phiếu hẹn. Tra cứu.");
}

TEST_CASE("clip keys are stable names made only of characters a pack may file", "[audio]") {
    CHECK(clipKeyForText("Nghe") == clipKeyForText("Nghe"));
    CHECK(clipKeyForText("Nghe") != clipKeyForText("Nghe."));
    std::string key = clipKeyForText("Xin chào! Bác cần làm gì hôm nay?");
    CHECK(key.size() == 20);
    CHECK(key.rfind("say.", 0) == 0);
}

TEST_CASE("a screen read aloud is non-silent and lasts as long as its words need", "[audio]") {
    auto synthesizer = SpeechSynthesizer::open();
    REQUIRE(synthesizer);
    ScreenSpeech speech = identityScreen();
    auto audio = renderScreenSpeech(speech, Language::Vietnamese, freshSpeechDir("screen-speech"),
                                    synthesizer->get(), 100);
    REQUIRE(audio);
    CHECK(audio->synthesisedLines == 3);
    CHECK(audio->recordedLines == 0);
    CHECK(rms(audio->pcm) > 0.02);
    // 15 syllables at 140 a minute is about 6.4 s; espeak-ng also pauses at each full stop.
    double words = static_cast<double>(testing::spokenWordCount(spokenText(speech)));
    double seconds = durationSeconds(audio->pcm);
    CHECK(seconds > words * 60.0 / 140.0 * 0.4);
    CHECK(seconds < words * 60.0 / 140.0 * 2.5 + 3 * kPauseBetweenLinesSeconds);
}

TEST_CASE("a pack's clip for a line's exact text replaces the synthesised line", "[audio]") {
    auto synthesizer = SpeechSynthesizer::open();
    REQUIRE(synthesizer);
    auto dir = freshSpeechDir("screen-speech-clip");
    ScreenSpeech speech = identityScreen();
    // One second of a steady tone at 16 kHz, a rate other than espeak-ng's.
    PcmBuffer clip;
    clip.sampleRate = 16000;
    for (int i = 0; i < 16000; ++i) {
        clip.samples.push_back(static_cast<std::int16_t>(i % 40 < 20 ? 9000 : -9000));
    }
    auto file = dir / "audio" / "vi" / (clipKeyForText("Đọc thẻ căn cước") + ".wav");
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << encodeWav(clip);

    auto audio = renderScreenSpeech(speech, Language::Vietnamese, dir, synthesizer->get(), 100);
    REQUIRE(audio);
    CHECK(audio->recordedLines == 1);
    CHECK(audio->synthesisedLines == 2);
    // Without a synthesizer only the clip plays, at the rate it was given.
    auto clipOnly = renderScreenSpeech(speech, Language::Vietnamese, dir, nullptr, 100);
    REQUIRE(clipOnly);
    CHECK(clipOnly->recordedLines == 1);
    CHECK(durationSeconds(clipOnly->pcm) == Approx(1.0).epsilon(0.01));
    // English has no clip for it: everything is synthesised.
    auto english = renderScreenSpeech(speech, Language::English, dir, synthesizer->get(), 100);
    REQUIRE(english);
    CHECK(english->recordedLines == 0);
}

TEST_CASE("a screen with nothing to read and no voice gives a reason, not silence", "[audio]") {
    auto empty = renderScreenSpeech(ScreenSpeech{}, Language::Vietnamese,
                                    freshSpeechDir("screen-speech-empty"), nullptr, 100);
    REQUIRE_FALSE(empty);
    auto noVoice = renderScreenSpeech(identityScreen(), Language::Vietnamese,
                                      freshSpeechDir("screen-speech-novoice"), nullptr, 100);
    REQUIRE_FALSE(noVoice);
    CHECK(noVoice.error().code == "speech_unavailable");
}

TEST_CASE("resampling keeps a sound's length and level", "[audio]") {
    PcmBuffer tone;
    tone.sampleRate = 16000;
    tone.samples.assign(16000, 10000);
    PcmBuffer up = resampled(tone, 22050);
    CHECK(up.sampleRate == 22050);
    CHECK(durationSeconds(up) == Approx(1.0).epsilon(0.001));
    CHECK(rms(up) == Approx(rms(tone)).epsilon(0.001));
}
