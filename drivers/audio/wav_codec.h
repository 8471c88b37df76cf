#pragma once
// A small RIFF/WAVE codec of our own: the writer produces the one form the announcer emits
// (16-bit PCM, mono), the reader accepts what an installer's recording tools export and
// brings it to that form.
//
// File layout (all integers little-endian):
//   "RIFF" u32 riffSize "WAVE"              riffSize = file size - 8
//   chunk*                                   id[4] u32 size, then size bytes, padded to even
//     "fmt "  u16 formatTag  u16 channels  u32 sampleRate  u32 byteRate
//             u16 blockAlign u16 bitsPerSample  [u16 cbSize  (extensible: u16 validBits
//             u32 channelMask  GUID subFormat)]
//     "data"  the frames, blockAlign bytes each, channels interleaved
//     others  (LIST, fact, cue, bext, …) skipped
//
// Read: formatTag 1 (integer PCM: 8-bit unsigned, 16/24/32-bit signed), 3 (IEEE float, 32-bit)
// or 0xFFFE (WAVE_FORMAT_EXTENSIBLE with a PCM or float sub-format); 1–8 channels, averaged to
// mono; any rate within WavLimits. Anything else (ADPCM, A-law, big-endian RIFX, RF64) is
// refused with a WavError saying what was found. The reader trusts no size field: every chunk
// must fit inside the bytes at hand and the RIFF size, and the data must stay under a limit.

#include "drivers/audio/pcm.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace hall::drivers::audio {

class WavError : public std::runtime_error {
public:
    // code: "truncated", "not_riff", "not_wave", "bad_chunk", "missing_chunk", "duplicate_chunk",
    //       "unsupported_format", "bad_format", "too_large", "io"
    WavError(std::string code, const std::string& message)
        : std::runtime_error(message), code_(std::move(code)) {}
    const std::string& code() const { return code_; }

private:
    std::string code_;
};

struct WavLimits {
    std::size_t maxDataBytes = 64u << 20; // ~6 min of 48 kHz stereo 24-bit: ample for a word
    std::uint32_t minSampleRate = 4000;
    std::uint32_t maxSampleRate = 192000;
};

// What the fmt chunk said, for messages and tests.
struct WavFormat {
    std::uint16_t formatTag = 0; // 1 PCM, 3 float (the sub-format's, for extensible files)
    std::uint16_t channels = 0;
    std::uint32_t sampleRate = 0;
    std::uint16_t bitsPerSample = 0;
};

struct DecodedWav {
    WavFormat format;
    Pcm pcm; // mono, 16-bit, at format.sampleRate
};

// Throws WavError; never reads outside `bytes`.
DecodedWav decodeWav(std::span<const std::uint8_t> bytes, const WavLimits& limits = {});

// 44-byte header + 16-bit mono PCM. Throws WavError("too_large") past the 4 GiB RIFF limit and
// std::invalid_argument for a rate of 0.
std::vector<std::uint8_t> encodeWav(const Pcm& pcm);

// The file must not be larger than the limit allows (data + 1 MiB of other chunks) before it
// is read at all. Errors name the file.
DecodedWav readWavFile(const std::filesystem::path& path, const WavLimits& limits = {});
void writeWavFile(const std::filesystem::path& path, const Pcm& pcm);

} // namespace hall::drivers::audio
