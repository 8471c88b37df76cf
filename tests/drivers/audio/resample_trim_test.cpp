// Clip preparation: the resampler keeps a tone's pitch and level and removes what the new rate
// cannot carry; trimming cuts silence to the margin and leaves the sound alone.
#include "drivers/audio/clip_trim.h"
#include "drivers/audio/resample.h"
#include "drivers/audio/voice_pack.h"
#include "tests/drivers/audio/tones.h"

#include <cmath>
#include <doctest/doctest.h>

using namespace hall::drivers::audio;
using hall::testing::audio::dominantOf;
using hall::testing::audio::tone;
using std::chrono::milliseconds;

namespace {

double rms(const Pcm& p, std::size_t from, std::size_t to) {
    double acc = 0;
    for (std::size_t i = from; i < to; ++i)
        acc += static_cast<double>(p.samples[i]) * p.samples[i];
    return std::sqrt(acc / static_cast<double>(to - from));
}

} // namespace

TEST_CASE("resampling keeps length, pitch and level") {
    const Pcm in = tone(1000, milliseconds(500), 44100, 0.5);
    for (std::uint32_t to : {22050u, 16000u, 48000u, 8000u}) {
        CAPTURE(to);
        const Pcm out = resample(in, to);
        CHECK(out.sampleRate == to);
        CHECK(out.samples.size() == samplesFor(milliseconds(500), to));
        CHECK(dominantOf(out, {500, 900, 1000, 1100, 2000}) == 1000);
        // Away from the edges the level is the tone's: 0.5 × 32767 / √2.
        const double expected = 0.5 * 32767 / std::sqrt(2.0);
        CHECK(rms(out, out.samples.size() / 4, out.samples.size() * 3 / 4) ==
              doctest::Approx(expected).epsilon(0.02));
    }
}

TEST_CASE("resampling down removes what the lower rate cannot carry") {
    // 10 kHz is above the 4 kHz Nyquist frequency of 8 kHz: kept, it would fold back to 2 kHz.
    const Pcm in = tone(10000, milliseconds(300), 48000, 0.5);
    const Pcm out = resample(in, 8000);
    CHECK(rms(out, out.samples.size() / 4, out.samples.size() * 3 / 4) < 0.01 * 32767);
}

TEST_CASE("resampling to the same rate is a copy; a rate of 0 is refused") {
    const Pcm in = tone(440, milliseconds(20), 22050);
    CHECK(resample(in, 22050).samples == in.samples);
    CHECK_THROWS_AS(resample(in, 0), std::invalid_argument);
    CHECK_THROWS_AS(resample(Pcm{0, {1, 2}}, 8000), std::invalid_argument);
}

TEST_CASE("trimming cuts leading and trailing silence down to the margin") {
    Pcm p;
    p.sampleRate = 1000; // 1 sample per ms keeps the arithmetic visible
    p.samples.assign(100, 0);
    p.samples.insert(p.samples.end(), {1000, -2000, 30, 1500});
    p.samples.insert(p.samples.end(), 50, 10); // hiss under the threshold
    trimSilence(p, {328, milliseconds(8)});
    REQUIRE(p.samples.size() == 8 + 4 + 8);
    CHECK(p.samples[8] == 1000);
    CHECK(p.samples[11] == 1500);
    CHECK(p.samples[12] == 10);

    Pcm quiet{1000, std::vector<std::int16_t>(100, 300)};
    trimSilence(quiet);
    CHECK(quiet.samples.empty());

    Pcm edge{1000, {5000, 0, 0, 0}}; // sound at the very start: nothing before it to keep
    trimSilence(edge, {328, milliseconds(2)});
    CHECK(edge.samples == std::vector<std::int16_t>{5000, 0, 0});
}

TEST_CASE("a clip is prepared by resampling, then trimming") {
    Pcm raw = tone(700, milliseconds(200), 48000);
    raw.samples.insert(raw.samples.begin(), 4800, 0); // 100 ms of silence before
    raw.samples.insert(raw.samples.end(), 2400, 0);   // 50 ms after
    const Pcm clip = prepareClip(raw, 16000, {328, milliseconds(5)});
    CHECK(clip.sampleRate == 16000);
    // 200 ms of tone plus a 5 ms margin each side, give or take the filter's ramp.
    CHECK(clip.samples.size() == doctest::Approx(3200 + 160).epsilon(0.01));
    CHECK(dominantOf(clip, {600, 700, 800}) == 700);

    // A tone with no silence around it keeps its length, and is faded at both ends.
    const Pcm loud = prepareClip(tone(700, milliseconds(200), 16000, 0.9), 16000);
    CHECK(loud.samples.size() == doctest::Approx(3200).epsilon(0.002));
    CHECK(loud.samples.front() == 0);
    CHECK(loud.samples.back() == 0);
}

TEST_CASE("edges are faded in and out linearly") {
    Pcm p{1000, std::vector<std::int16_t>(20, 1000)};
    fadeEdges(p, milliseconds(4));
    CHECK(p.samples == std::vector<std::int16_t>{0,    250,  500,  750,  1000, 1000, 1000,
                                                 1000, 1000, 1000, 1000, 1000, 1000, 1000,
                                                 1000, 1000, 750,  500,  250,  0});
    Pcm tiny{1000, {1000, 1000, 1000}}; // shorter than two fades: the fade shrinks to fit
    fadeEdges(tiny, milliseconds(4));
    CHECK(tiny.samples == std::vector<std::int16_t>{0, 1000, 0});
}
