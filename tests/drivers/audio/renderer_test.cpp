// The renderer on a pack of tones: the clip log gives the sequence and where each clip lies,
// the samples at those places are the clips themselves, and the length is clips + gaps + chime
// to the sample.
#include "drivers/audio/renderer.h"
#include "tests/drivers/audio/tones.h"

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace hall::drivers::audio;
using hall::testing::audio::tonePack;
using std::chrono::milliseconds;

namespace {

std::vector<std::string> sequence(const Rendering& r) {
    std::vector<std::string> out;
    for (const auto& c : r.clips)
        out.push_back(c.token);
    return out;
}

// Every clip in the log is where it says, and holds exactly the pack's samples; everything
// between clips is silence.
void checkLayout(const Rendering& r, const VoicePack& pack) {
    std::size_t at = 0;
    for (const auto& c : r.clips) {
        const Pcm* clip = pack.find(c.token);
        REQUIRE(clip);
        CHECK(c.length == clip->samples.size());
        REQUIRE(c.start >= at);
        for (std::size_t i = at; i < c.start; ++i)
            REQUIRE(r.pcm.samples[i] == 0);
        REQUIRE(c.start + c.length <= r.pcm.samples.size());
        CHECK(std::equal(clip->samples.begin(), clip->samples.end(),
                         r.pcm.samples.begin() + static_cast<std::ptrdiff_t>(c.start)));
        at = c.start + c.length;
    }
    CHECK(at == r.pcm.samples.size()); // nothing after the last clip
}

} // namespace

TEST_CASE("a zh call renders chime then 请 A 零 一 二 号 到 三 号窗口办理, timed to the sample") {
    const VoicePack pack = tonePack(Language::ZhCn, 16000);
    RenderSettings s;
    s.chimeGap = milliseconds(300);
    s.wordGap = milliseconds(70);
    const Rendering r = renderCall(pack, {"A012", 3}, s);
    CHECK(r.warnings.empty());
    const std::vector<std::string> expected = {
        "chime", "qing", "A", "ling", "yi", "er", "hao", "dao", "san", "hao_chuangkou_banli"};
    CHECK(sequence(r) == expected);

    std::size_t clips = 0;
    for (const auto& t : expected)
        clips += pack.find(t)->samples.size();
    const std::size_t gaps = samplesFor(s.chimeGap, 16000) + 8 * samplesFor(s.wordGap, 16000);
    CHECK(r.pcm.samples.size() == clips + gaps);
    CHECK(r.pcm.sampleRate == 16000);
    CHECK(r.clips[1].start == pack.find("chime")->samples.size() + 300 * 16);
    CHECK(r.clips[2].start == r.clips[1].start + r.clips[1].length + 70 * 16);
    checkLayout(r, pack);
}

TEST_CASE("an en call renders chime then Number A zero one two please go to window three") {
    const VoicePack pack = tonePack(Language::En, 22050);
    const Rendering r = renderCall(pack, {"A012", 3}, {});
    CHECK(sequence(r) == std::vector<std::string>{"chime", "number", "A", "zero", "one", "two",
                                                  "please_go_to_window", "three"});
    checkLayout(r, pack);
}

TEST_CASE("repeats say the phrase again after a pause, the chime once") {
    const VoicePack pack = tonePack(Language::En, 8000);
    RenderSettings s;
    s.repeats = 3;
    s.repeatPause = milliseconds(800);
    const Rendering once = renderCall(pack, {"B7", 12}, RenderSettings{});
    const Rendering r = renderCall(pack, {"B7", 12}, s);
    const auto phrase =
        std::vector<std::string>{"number", "B", "seven", "please_go_to_window", "twelve"};
    std::vector<std::string> expected{"chime"};
    for (int i = 0; i < 3; ++i)
        expected.insert(expected.end(), phrase.begin(), phrase.end());
    CHECK(sequence(r) == expected);
    const std::size_t chimePart = pack.find("chime")->samples.size() + samplesFor(s.chimeGap, 8000);
    const std::size_t saying = once.pcm.samples.size() - chimePart;
    CHECK(r.pcm.samples.size() == chimePart + 3 * saying + 2 * 800 * 8);
    checkLayout(r, pack);
}

TEST_CASE("unknown characters are skipped with a warning and the rest is still said") {
    const VoicePack pack = tonePack(Language::ZhCn, 8000);
    const Rendering r = renderCall(pack, {"A-0?1", 3}, {});
    CHECK(sequence(r) == std::vector<std::string>{"chime", "qing", "A", "ling", "yi", "hao", "dao",
                                                  "san", "hao_chuangkou_banli"});
    REQUIRE(r.warnings.size() == 2);
    CHECK(r.warnings[0].code == "unknown_character");
    CHECK(r.warnings[1].code == "unknown_character");
    checkLayout(r, pack);
}

TEST_CASE("a clip missing from the pack is skipped with a warning") {
    VoicePack pack = tonePack(Language::ZhCn, 8000);
    pack.clips.erase("Q");
    pack.clips.erase("chime");
    const Rendering r = renderCall(pack, {"Q5", 3}, {});
    CHECK(sequence(r) ==
          std::vector<std::string>{"qing", "wu", "hao", "dao", "san", "hao_chuangkou_banli"});
    REQUIRE(r.warnings.size() == 2);
    CHECK(r.warnings[0].message == "the voice pack has no clip 'Q'; skipped");
    CHECK(r.warnings[1].message.find("no chime") != std::string::npos);
    checkLayout(r, pack);
}

TEST_CASE("nothing to say renders nothing, not a lone chime") {
    const VoicePack pack = tonePack(Language::En, 8000);
    const Rendering r = renderCall(pack, {"--", 3}, {});
    CHECK(r.pcm.samples.empty());
    CHECK(r.clips.empty());
    CHECK(r.warnings.back().code == "nothing_to_say");
}

TEST_CASE("unusable settings are refused") {
    const VoicePack pack = tonePack(Language::En, 8000);
    RenderSettings s;
    s.repeats = 0;
    CHECK(checkRenderSettings(s).has_value());
    CHECK_THROWS_AS(renderCall(pack, {"A1", 1}, s), std::invalid_argument);
    s.repeats = kMaxRepeats + 1;
    CHECK_THROWS_AS(renderCall(pack, {"A1", 1}, s), std::invalid_argument);
    s = {};
    s.wordGap = milliseconds(-1);
    CHECK_THROWS_AS(renderCall(pack, {"A1", 1}, s), std::invalid_argument);
    s = {};
    s.repeatPause = milliseconds(60'000);
    CHECK(checkRenderSettings(s).has_value());
    CHECK_FALSE(checkRenderSettings({}).has_value());
}
