#include "drivers/audio/wav_codec.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <fstream>
#include <optional>

namespace hall::drivers::audio {

namespace {

constexpr std::uint16_t kFormatPcm = 1;
constexpr std::uint16_t kFormatFloat = 3;
constexpr std::uint16_t kFormatExtensible = 0xFFFE;

// KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT are {0000000X-0000-0010-8000-00AA00389B71}: the format
// tag in the first two bytes, then this fixed tail (as stored in the file, little-endian fields).
constexpr std::array<std::uint8_t, 14> kSubFormatTail = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80,
                                                         0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71};

std::uint16_t u16(std::span<const std::uint8_t> b, std::size_t at) {
    return static_cast<std::uint16_t>(b[at] | (b[at + 1] << 8));
}

std::uint32_t u32(std::span<const std::uint8_t> b, std::size_t at) {
    return static_cast<std::uint32_t>(b[at]) | (static_cast<std::uint32_t>(b[at + 1]) << 8) |
           (static_cast<std::uint32_t>(b[at + 2]) << 16) |
           (static_cast<std::uint32_t>(b[at + 3]) << 24);
}

// A chunk id for messages: printable ASCII as is, anything else as hex, so a garbage id does not
// put control bytes into a technician's log.
std::string chunkName(std::span<const std::uint8_t> id) {
    std::string s;
    bool printable = true;
    for (auto c : id)
        printable = printable && c >= 0x20 && c < 0x7F;
    if (printable) {
        s.push_back('\'');
        for (auto c : id)
            s.push_back(static_cast<char>(c));
        s.push_back('\'');
        return s;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    s = "0x";
    for (auto c : id) {
        s.push_back(kHex[c >> 4]);
        s.push_back(kHex[c & 15]);
    }
    return s;
}

bool idIs(std::span<const std::uint8_t> b, std::size_t at, const char (&id)[5]) {
    return std::memcmp(b.data() + at, id, 4) == 0;
}

WavFormat parseFormat(std::span<const std::uint8_t> fmt, const WavLimits& limits) {
    if (fmt.size() < 16)
        throw WavError("bad_format", "fmt chunk is " + std::to_string(fmt.size()) +
                                         " bytes, at least 16 are needed");
    WavFormat f;
    f.formatTag = u16(fmt, 0);
    f.channels = u16(fmt, 2);
    f.sampleRate = u32(fmt, 4);
    const std::uint16_t blockAlign = u16(fmt, 12);
    f.bitsPerSample = u16(fmt, 14);

    if (f.formatTag == kFormatExtensible) {
        // cbSize 22: validBits, channelMask, then the 16-byte sub-format GUID.
        if (fmt.size() < 40 || u16(fmt, 16) < 22)
            throw WavError("bad_format", "extensible fmt chunk is too short for its sub-format");
        const std::uint16_t validBits = u16(fmt, 18);
        if (validBits > f.bitsPerSample)
            throw WavError("bad_format", std::to_string(validBits) + " valid bits in a " +
                                             std::to_string(f.bitsPerSample) + "-bit container");
        const auto guid = fmt.subspan(24, 16);
        if (!std::equal(kSubFormatTail.begin(), kSubFormatTail.end(), guid.begin() + 2))
            throw WavError("unsupported_format",
                           "extensible sub-format is not integer PCM or IEEE float");
        f.formatTag = u16(guid, 0);
    }
    if (f.formatTag != kFormatPcm && f.formatTag != kFormatFloat)
        throw WavError("unsupported_format",
                       "format tag " + std::to_string(f.formatTag) +
                           " (compressed audio): export the clip as PCM or float WAV");
    if (f.channels < 1 || f.channels > 8)
        throw WavError("bad_format", std::to_string(f.channels) + " channels (1 to 8 are read)");
    if (f.sampleRate < limits.minSampleRate || f.sampleRate > limits.maxSampleRate)
        throw WavError("bad_format", "sample rate " + std::to_string(f.sampleRate) +
                                         " Hz is outside " + std::to_string(limits.minSampleRate) +
                                         ".." + std::to_string(limits.maxSampleRate));
    const bool intOk =
        f.formatTag == kFormatPcm && (f.bitsPerSample == 8 || f.bitsPerSample == 16 ||
                                      f.bitsPerSample == 24 || f.bitsPerSample == 32);
    const bool floatOk = f.formatTag == kFormatFloat && f.bitsPerSample == 32;
    if (!intOk && !floatOk)
        throw WavError("unsupported_format",
                       std::to_string(f.bitsPerSample) + "-bit " +
                           (f.formatTag == kFormatFloat ? "float" : "integer") +
                           " samples (8/16/24/32-bit integer or 32-bit float are read)");
    // byteRate (offset 8) only repeats rate × blockAlign and some writers get it wrong; it is
    // not used. blockAlign decides where frames start, so it must be exact.
    if (blockAlign != f.channels * (f.bitsPerSample / 8))
        throw WavError("bad_format", "block align " + std::to_string(blockAlign) +
                                         " does not match " + std::to_string(f.channels) +
                                         " channels of " + std::to_string(f.bitsPerSample) +
                                         " bits");
    return f;
}

// One sample of any supported encoding, scaled to the 16-bit range (as a double so that
// channels can be averaged before rounding).
double sampleAt(std::span<const std::uint8_t> d, std::size_t at, const WavFormat& f) {
    if (f.formatTag == kFormatFloat) {
        const float v = std::bit_cast<float>(u32(d, at));
        if (!std::isfinite(v)) return 0.0; // NaN / Inf in a damaged file: silence, not UB
        return static_cast<double>(std::clamp(v, -1.0f, 1.0f)) * 32767.0;
    }
    switch (f.bitsPerSample) {
    case 8: // unsigned, 128 is silence
        return (static_cast<int>(d[at]) - 128) * 256.0;
    case 16:
        return static_cast<std::int16_t>(u16(d, at));
    case 24: {
        std::int32_t v = d[at] | (d[at + 1] << 8) | (d[at + 2] << 16);
        if (v & 0x800000) v -= 0x1000000;
        return v / 256.0;
    }
    default: // 32
        return static_cast<std::int32_t>(u32(d, at)) / 65536.0;
    }
}

std::int16_t toSample(double v) {
    return static_cast<std::int16_t>(std::clamp(std::lround(v), -32768L, 32767L));
}

} // namespace

DecodedWav decodeWav(std::span<const std::uint8_t> bytes, const WavLimits& limits) {
    if (bytes.size() < 12)
        throw WavError("truncated", "not a WAV file: " + std::to_string(bytes.size()) +
                                        " bytes, a RIFF header needs 12");
    if (idIs(bytes, 0, "RIFX"))
        throw WavError("unsupported_format", "big-endian WAV (RIFX) is not read");
    if (idIs(bytes, 0, "RF64"))
        throw WavError("unsupported_format", "RF64 (WAV over 4 GiB) is not read");
    if (!idIs(bytes, 0, "RIFF"))
        throw WavError("not_riff",
                       "not a WAV file: starts with " + chunkName(bytes.first(4)) + ", not 'RIFF'");
    if (!idIs(bytes, 8, "WAVE"))
        throw WavError("not_wave",
                       "RIFF file of type " + chunkName(bytes.subspan(8, 4)) + ", not 'WAVE'");
    const std::uint64_t riffSize = u32(bytes, 4);
    if (riffSize < 4)
        throw WavError("bad_chunk", "RIFF size " + std::to_string(riffSize) + " is too small");
    if (riffSize + 8 > bytes.size())
        throw WavError("truncated", "file is " + std::to_string(bytes.size()) +
                                        " bytes, its RIFF header claims " +
                                        std::to_string(riffSize + 8));
    // Bytes after the RIFF chunk (some editors append tags) are not part of the file.
    const auto riff = bytes.first(static_cast<std::size_t>(riffSize + 8));

    std::optional<std::span<const std::uint8_t>> fmt;
    std::optional<std::span<const std::uint8_t>> data;
    std::size_t at = 12;
    while (at < riff.size()) {
        if (riff.size() - at < 8)
            throw WavError("truncated",
                           "chunk header at offset " + std::to_string(at) + " is cut off");
        const auto id = riff.subspan(at, 4);
        const std::uint64_t size = u32(riff, at + 4);
        const std::size_t body = at + 8;
        if (size > riff.size() - body)
            throw WavError("truncated", "chunk " + chunkName(id) + " claims " +
                                            std::to_string(size) + " bytes, " +
                                            std::to_string(riff.size() - body) + " remain");
        const auto content = riff.subspan(body, static_cast<std::size_t>(size));
        if (idIs(riff, at, "fmt ")) {
            if (fmt) throw WavError("duplicate_chunk", "two fmt chunks");
            fmt = content;
        } else if (idIs(riff, at, "data")) {
            if (data) throw WavError("duplicate_chunk", "two data chunks");
            if (size > limits.maxDataBytes)
                throw WavError("too_large", "data chunk of " + std::to_string(size) +
                                                " bytes is over the limit of " +
                                                std::to_string(limits.maxDataBytes));
            data = content;
        }
        // Chunks are padded to an even size; a missing pad byte at the very end is tolerated.
        at = body + static_cast<std::size_t>(size) + (size & 1);
    }
    if (!fmt) throw WavError("missing_chunk", "no fmt chunk");
    if (!data) throw WavError("missing_chunk", "no data chunk");

    DecodedWav out;
    out.format = parseFormat(*fmt, limits);
    const std::size_t width = out.format.bitsPerSample / 8u;
    const std::size_t frame = width * out.format.channels;
    if (data->size() % frame != 0)
        throw WavError("bad_chunk", "data chunk of " + std::to_string(data->size()) +
                                        " bytes is not a whole number of " + std::to_string(frame) +
                                        "-byte frames");
    const std::size_t frames = data->size() / frame;
    out.pcm.sampleRate = out.format.sampleRate;
    out.pcm.samples.resize(frames);
    for (std::size_t i = 0; i < frames; ++i) {
        double sum = 0;
        for (std::size_t c = 0; c < out.format.channels; ++c)
            sum += sampleAt(*data, i * frame + c * width, out.format);
        out.pcm.samples[i] = toSample(sum / out.format.channels);
    }
    return out;
}

std::vector<std::uint8_t> encodeWav(const Pcm& pcm) {
    if (pcm.sampleRate == 0) throw std::invalid_argument("WAV sample rate of 0");
    const std::uint64_t dataBytes = pcm.samples.size() * 2ull;
    if (dataBytes + 36 > 0xFFFFFFFFull)
        throw WavError("too_large", "over 4 GiB of samples do not fit a WAV file");
    std::vector<std::uint8_t> out;
    out.reserve(static_cast<std::size_t>(44 + dataBytes));
    auto put = [&out](const char* s) { out.insert(out.end(), s, s + 4); };
    auto put16 = [&out](std::uint32_t v) {
        out.push_back(static_cast<std::uint8_t>(v & 0xFF));
        out.push_back(static_cast<std::uint8_t>((v >> 8) & 0xFF));
    };
    auto put32 = [&](std::uint64_t v) {
        put16(static_cast<std::uint32_t>(v & 0xFFFF));
        put16(static_cast<std::uint32_t>((v >> 16) & 0xFFFF));
    };
    put("RIFF");
    put32(36 + dataBytes);
    put("WAVE");
    put("fmt ");
    put32(16);
    put16(kFormatPcm);
    put16(1);                     // channels
    put32(pcm.sampleRate);        // sample rate
    put32(pcm.sampleRate * 2ull); // byte rate
    put16(2);                     // block align
    put16(16);                    // bits per sample
    put("data");
    put32(dataBytes);
    for (std::int16_t s : pcm.samples)
        put16(static_cast<std::uint16_t>(s));
    return out;
}

DecodedWav readWavFile(const std::filesystem::path& path, const WavLimits& limits) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw WavError("io", path.string() + ": " + ec.message());
    if (size > limits.maxDataBytes + (1u << 20))
        throw WavError("too_large", path.string() + ": " + std::to_string(size) +
                                        " bytes is over the size limit");
    std::ifstream in(path, std::ios::binary);
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
    if (!in || !in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(size)))
        throw WavError("io", path.string() + ": cannot be read");
    try {
        return decodeWav(bytes, limits);
    } catch (const WavError& e) {
        throw WavError(e.code(), path.string() + ": " + e.what());
    }
}

void writeWavFile(const std::filesystem::path& path, const Pcm& pcm) {
    const auto bytes = encodeWav(pcm);
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out ||
        !out.write(reinterpret_cast<const char*>(bytes.data()),
                   static_cast<std::streamsize>(bytes.size())) ||
        !out.flush())
        throw WavError("io", path.string() + ": cannot be written");
}

} // namespace hall::drivers::audio
