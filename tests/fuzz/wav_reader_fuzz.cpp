// Fuzzes the WAV reader of the announcer's voice packs (drivers/audio/wav_codec.h), and what a
// pack loader does next with an accepted clip (resample, trim).
//
// Input: any bytes, read as a WAV file under small limits. Invariants:
//  - the reader either returns or throws WavError with one of the documented codes and a
//    message; it never reads outside the input (ASan) nor hits UB (UBSan);
//  - an accepted file has a rate within the limits, 1–8 channels, and no more samples than
//    its bytes can hold;
//  - writing the result and reading it back gives the same samples (the writer's form is one
//    the reader accepts);
//  - resampling a short accepted clip gives round(n × to / from) samples; trimming never
//    lengthens a clip.
#include "drivers/audio/clip_trim.h"
#include "drivers/audio/resample.h"
#include "drivers/audio/wav_codec.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

using namespace hall::drivers::audio;

namespace {

void check(bool ok) {
    if (!ok) __builtin_trap();
}

bool knownCode(const std::string& code) {
    for (std::string_view c : {"truncated", "not_riff", "not_wave", "bad_chunk", "missing_chunk",
                               "duplicate_chunk", "unsupported_format", "bad_format", "too_large"})
        if (code == c) return true;
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    WavLimits limits;
    limits.maxDataBytes = 1 << 16;
    DecodedWav wav;
    try {
        wav = decodeWav(std::span(data, size), limits);
    } catch (const WavError& e) {
        check(knownCode(e.code()));
        check(*e.what() != '\0');
        return 0;
    }
    check(wav.pcm.sampleRate >= limits.minSampleRate && wav.pcm.sampleRate <= limits.maxSampleRate);
    check(wav.pcm.sampleRate == wav.format.sampleRate);
    check(wav.format.channels >= 1 && wav.format.channels <= 8);
    check(wav.pcm.samples.size() * wav.format.channels * (wav.format.bitsPerSample / 8u) <= size);

    const auto again = decodeWav(encodeWav(wav.pcm), limits);
    check(again.pcm.samples == wav.pcm.samples);
    check(again.pcm.sampleRate == wav.pcm.sampleRate);

    if (wav.pcm.samples.size() <= 512) {
        const std::uint32_t to = wav.pcm.sampleRate % 2 ? 8000 : 22050;
        const Pcm r = resample(wav.pcm, to);
        const std::uint64_t expected =
            (wav.pcm.samples.size() * std::uint64_t{to} + wav.pcm.sampleRate / 2) /
            wav.pcm.sampleRate;
        check(r.samples.size() == expected);
        Pcm t = r;
        trimSilence(t);
        check(t.samples.size() <= r.samples.size());
    }
    return 0;
}
