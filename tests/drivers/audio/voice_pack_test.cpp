// Voice packs on disk: the default packs espeak-ng made at build time, a pack of tones with
// other file names, rate and channel count standing in for an installer's recordings, and the
// manifest errors a technician would see. Also render-to-WAV of a known call.
#include "drivers/audio/renderer.h"
#include "drivers/audio/voice_pack_loader.h"
#include "drivers/audio/wav_codec.h"
#include "tests/support/temp_dir.h"
#include "tests/drivers/audio/tones.h"

#include <algorithm>
#include <cstdlib>
#include <doctest/doctest.h>
#include <fstream>
#include <string>
#include <vector>

using namespace hall::drivers::audio;
using hall::testing::TempDir;
using hall::testing::audio::dominantOf;
using hall::testing::audio::writeTonePack;
using std::chrono::milliseconds;

namespace {

const std::filesystem::path kPacks = HALL_VOICE_PACKS_DIR;

std::vector<std::string> sequence(const Rendering& r) {
    std::vector<std::string> out;
    for (const auto& c : r.clips)
        out.push_back(c.token);
    return out;
}

std::string loadError(const std::filesystem::path& dir) {
    try {
        loadVoicePack(dir);
    } catch (const VoicePackError& e) {
        return e.what();
    }
    return "loaded";
}

void writeManifest(const std::filesystem::path& dir, const std::string& text) {
    std::filesystem::create_directories(dir);
    std::ofstream(dir / "manifest.toml") << text;
}

} // namespace

TEST_CASE("the generated zh-CN pack has every clip, trimmed, at its rate") {
    const VoicePack pack = loadVoicePack(kPacks / "zh-CN");
    CHECK(pack.language == Language::ZhCn);
    CHECK(pack.sampleRate == 22050);
    for (auto t : requiredTokens(Language::ZhCn))
        CHECK_MESSAGE(pack.find(t), t);
    for (auto t : letterTokens())
        CHECK_MESSAGE(pack.find(t), t);
    // Spoken clips: a syllable is 0.1 to 1 s once espeak's padding is trimmed; the five
    // syllables of 号窗口办理 are longer than any one syllable.
    for (const auto& [token, clip] : pack.clips) {
        CAPTURE(token);
        CHECK(clip.sampleRate == 22050);
        CHECK(clip.samples.size() > 2205);
        CHECK(clip.samples.size() < 2 * 22050);
        // Trimmed: at most the 8 ms margin (and the 3 ms fade) of quiet is left at either end;
        // faded: the outermost samples are 0.
        auto loud = [](std::int16_t v) { return std::abs(v) > 328; };
        const auto first = std::find_if(clip.samples.begin(), clip.samples.end(), loud);
        const auto last = std::find_if(clip.samples.rbegin(), clip.samples.rend(), loud);
        CHECK(first - clip.samples.begin() <= (8 + 3) * 22050 / 1000);
        CHECK(last - clip.samples.rbegin() <= (8 + 3) * 22050 / 1000);
        CHECK(clip.samples.front() == 0);
        CHECK(clip.samples.back() == 0);
    }
    CHECK(pack.find("hao_chuangkou_banli")->samples.size() > 2 * pack.find("hao")->samples.size());
    // The chime is the two synthesised tones, E5 then C5.
    const Pcm& chime = *pack.find("chime");
    Pcm first{chime.sampleRate, {chime.samples.begin(), chime.samples.begin() + 8000}};
    Pcm second{chime.sampleRate, {chime.samples.begin() + 12000, chime.samples.begin() + 20000}};
    CHECK(dominantOf(first, {523.25, 587.33, 659.25}) == 659.25);
    CHECK(dominantOf(second, {523.25, 587.33, 659.25}) == 523.25);
}

TEST_CASE("the WAV of a known call (zh-CN): clip sequence and duration") {
    const VoicePack pack = loadVoicePack(kPacks / "zh-CN");
    TempDir dir("hall-voice");
    RenderSettings s;
    const Rendering r = renderCall(pack, {"A012", 3}, s);
    CHECK(r.warnings.empty());
    const std::vector<std::string> expected = {
        "chime", "qing", "A", "ling", "yi", "er", "hao", "dao", "san", "hao_chuangkou_banli"};
    CHECK(sequence(r) == expected);

    writeWavFile(dir.file("call.wav"), r.pcm);
    const auto wav = readWavFile(dir.file("call.wav"));
    CHECK(wav.format.channels == 1);
    CHECK(wav.format.bitsPerSample == 16);
    CHECK(wav.pcm.sampleRate == 22050);
    CHECK(wav.pcm.samples == r.pcm.samples);

    // Duration: the clips of the pack, the chime gap and eight word gaps, within a sample.
    std::size_t expectedSamples = samplesFor(s.chimeGap, 22050) + 8 * samplesFor(s.wordGap, 22050);
    for (const auto& t : expected)
        expectedSamples += pack.find(t)->samples.size();
    const double seconds = static_cast<double>(expectedSamples) / 22050;
    CHECK(std::abs(static_cast<double>(wav.pcm.samples.size()) -
                   static_cast<double>(expectedSamples)) <= 1);
    CHECK(wav.pcm.duration().count() == doctest::Approx(seconds).epsilon(1e-9));
    // Each clip is at its place in the file, sample for sample.
    for (const auto& c : r.clips) {
        const auto& clip = pack.find(c.token)->samples;
        CHECK(std::equal(clip.begin(), clip.end(),
                         wav.pcm.samples.begin() + static_cast<std::ptrdiff_t>(c.start)));
    }
}

TEST_CASE("the WAV of a known call (en)") {
    const VoicePack pack = loadVoicePack(kPacks / "en");
    CHECK(pack.language == Language::En);
    const Rendering r = renderCall(pack, {"A012", 3}, {});
    CHECK(sequence(r) == std::vector<std::string>{"chime", "number", "A", "zero", "one", "two",
                                                  "please_go_to_window", "three"});
    const Rendering twelve = renderCall(pack, {"c5", 112}, {});
    CHECK(sequence(twelve) == std::vector<std::string>{"chime", "number", "C", "five",
                                                       "please_go_to_window", "one", "hundred",
                                                       "twelve"});
    // "please go to window" is four words: longer than "three".
    CHECK(pack.find("please_go_to_window")->samples.size() >
          2 * pack.find("three")->samples.size());
}

TEST_CASE("a replaced pack (other file names, rate, stereo) is the one used") {
    TempDir dir("hall-voice");
    // Recordings at 44.1 kHz stereo, named by number, declared as a 16 kHz pack.
    int n = 0;
    writeTonePack(dir.path(), Language::ZhCn, 16000, 44100,
                  [&n](const std::string&) { return "rec-" + std::to_string(++n) + ".wav"; });
    const VoicePack pack = loadVoicePack(dir.path());
    CHECK(pack.sampleRate == 16000);
    CHECK(pack.language == Language::ZhCn);
    // Token i of the tone pack is 100 + 7·i ms at 300 + 20·i Hz; the loader resampled it and
    // cut the 50 ms of silence around it to its 8 ms margin.
    const auto required = requiredTokens(Language::ZhCn);
    for (std::size_t i = 0; i < required.size(); ++i) {
        const Pcm* clip = pack.find(required[i]);
        REQUIRE(clip);
        CAPTURE(required[i]);
        CHECK(clip->sampleRate == 16000);
        const double expected = (100.0 + 7.0 * static_cast<double>(i) + 2 * 8) * 16;
        CHECK(static_cast<double>(clip->samples.size()) == doctest::Approx(expected).epsilon(0.01));
        const double hz = 300.0 + 20.0 * static_cast<double>(i);
        CHECK(dominantOf(*clip, {hz - 20, hz, hz + 20}) == hz);
    }
    const Rendering r = renderCall(pack, {"A012", 3}, {});
    CHECK(r.pcm.sampleRate == 16000);
    CHECK(sequence(r).size() == 10);
    for (const auto& c : r.clips) {
        const auto& clip = pack.find(c.token)->samples;
        CHECK(std::equal(clip.begin(), clip.end(),
                         r.pcm.samples.begin() + static_cast<std::ptrdiff_t>(c.start)));
    }
    // Not the generated pack's sound: the tone of "qing" (token 1: 320 Hz) is there.
    Pcm qing{16000,
             {r.pcm.samples.begin() + static_cast<std::ptrdiff_t>(r.clips[1].start),
              r.pcm.samples.begin() +
                  static_cast<std::ptrdiff_t>(r.clips[1].start + r.clips[1].length)}};
    CHECK(dominantOf(qing, {300, 320, 340}) == 320);
}

TEST_CASE("a pack without some letters loads; the missing letter is skipped with a warning") {
    TempDir dir("hall-voice");
    writeTonePack(dir.path(), Language::En, 8000, 8000,
                  [](const std::string& t) { return t + ".wav"; });
    // Rewrite the manifest without Q.
    std::ifstream in(dir.path() / "manifest.toml");
    std::string text, line;
    while (std::getline(in, line))
        if (line.rfind("\"Q\"", 0) != 0) text += line + "\n";
    in.close();
    writeManifest(dir.path(), text);
    const VoicePack pack = loadVoicePack(dir.path());
    CHECK_FALSE(pack.find("Q"));
    const Rendering r = renderCall(pack, {"Q1", 2}, {});
    CHECK(sequence(r) ==
          std::vector<std::string>{"chime", "number", "one", "please_go_to_window", "two"});
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].code == "missing_clip");
}

TEST_CASE("manifest errors name what is wrong") {
    TempDir dir("hall-voice");
    const auto p = dir.path();
    writeTonePack(p / "good", Language::ZhCn, 8000, 8000,
                  [](const std::string& t) { return t + ".wav"; });
    REQUIRE(loadError(p / "good") == "loaded");
    std::ifstream in(p / "good" / "manifest.toml");
    const std::string good((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto variant = [&](const std::string& name, const std::string& text) {
        const auto d = p / name;
        std::filesystem::create_directories(d);
        for (const auto& f : std::filesystem::directory_iterator(p / "good"))
            if (f.path().extension() == ".wav")
                std::filesystem::copy_file(f.path(), d / f.path().filename());
        writeManifest(d, text);
        return loadError(d);
    };
    auto replace = [&](std::string s, const std::string& from, const std::string& to) {
        const auto at = s.find(from);
        REQUIRE(at != std::string::npos);
        return s.replace(at, from.size(), to);
    };

    CHECK(loadError(p / "absent").find("manifest.toml") != std::string::npos);
    CHECK(variant("syntax", "format = = 1").find("line 1") != std::string::npos);
    CHECK(variant("format", replace(good, "format = 1", "format = 2")).find("'format' must be 1") !=
          std::string::npos);
    CHECK(variant("lang", replace(good, "\"zh-CN\"", "\"fr\""))
              .find("language \"fr\" has no phrase template") != std::string::npos);
    CHECK(variant("rate", replace(good, "sample_rate = 8000", "sample_rate = 1"))
              .find("sample_rate 1 is outside") != std::string::npos);
    CHECK(variant("key", "speed = 1\n" + good).find("unknown key 'speed'") != std::string::npos);
    CHECK(variant("token", good + "\"qnig\" = \"qing.wav\"\n")
              .find("clip 'qnig' is not a token of the zh-CN template") != std::string::npos);
    CHECK(variant("missing", replace(good, "\"qing\" = \"qing.wav\"\n", ""))
              .find("missing clips: qing") != std::string::npos);
    CHECK(variant("escape",
                  replace(good, "\"qing\" = \"qing.wav\"", "\"qing\" = \"../good/qing.wav\""))
              .find("clip 'qing': file must be a path inside the pack") != std::string::npos);
    CHECK(
        variant("absolute", replace(good, "\"qing\" = \"qing.wav\"", "\"qing\" = \"/etc/passwd\""))
            .find("file must be a path inside the pack") != std::string::npos);
    CHECK(variant("nofile", replace(good, "\"qing\" = \"qing.wav\"", "\"qing\" = \"nope.wav\""))
              .find("clip 'qing': ") != std::string::npos);

    // A clip that is not a WAV file, and one that is silent.
    std::ofstream(p / "good" / "qing.wav", std::ios::trunc) << "not a wav";
    const auto bad = loadError(p / "good");
    CHECK(bad.find("clip 'qing'") != std::string::npos);
    CHECK(bad.find("not a WAV file") != std::string::npos);
    writeWavFile(p / "good" / "qing.wav", Pcm{8000, std::vector<std::int16_t>(800, 3)});
    CHECK(loadError(p / "good").find("clip 'qing' (qing.wav) is silent") != std::string::npos);
}
