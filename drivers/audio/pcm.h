#pragma once
// Sound as the announcer handles it everywhere: mono, signed 16-bit samples at one rate. A voice
// pack is brought to this form once, when it is loaded (wav_codec.h downmixes and converts,
// resample.h changes the rate, clip_trim.h cuts silence), so joining clips is a plain copy.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace hall::drivers::audio {

struct Pcm {
    std::uint32_t sampleRate = 0;
    std::vector<std::int16_t> samples;

    std::chrono::duration<double> duration() const {
        return std::chrono::duration<double>(
            sampleRate == 0 ? 0.0 : static_cast<double>(samples.size()) / sampleRate);
    }
};

// How many samples last d at this rate, rounded to the nearest sample. Every gap in a rendering
// is computed here, so a test that adds up clips and gaps gets the renderer's exact count.
inline std::size_t samplesFor(std::chrono::milliseconds d, std::uint32_t sampleRate) {
    if (d.count() <= 0) return 0;
    const auto ms = static_cast<std::uint64_t>(d.count());
    return static_cast<std::size_t>((ms * sampleRate + 500) / 1000);
}

} // namespace hall::drivers::audio
