// The WAV codec: what the writer produces byte for byte, what the reader accepts from recording
// tools (8/24/32-bit, float, stereo, extensible, extra chunks), and that malformed files are
// refused with an error that says what is wrong.
#include "drivers/audio/wav_codec.h"
#include "tests/support/temp_dir.h"

#include <cmath>
#include <cstring>
#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace hall::drivers::audio;

namespace {

using Bytes = std::vector<std::uint8_t>;

void put16(Bytes& b, std::uint32_t v) {
    b.push_back(static_cast<std::uint8_t>(v));
    b.push_back(static_cast<std::uint8_t>(v >> 8));
}
void put32(Bytes& b, std::uint32_t v) {
    put16(b, v & 0xFFFF);
    put16(b, v >> 16);
}
void putId(Bytes& b, const char* id) {
    for (int i = 0; i < 4; ++i) // byte by byte: g++ 12 misreads a 4-byte insert as an overflow
        b.push_back(static_cast<std::uint8_t>(id[i]));
}

struct Fmt {
    std::uint16_t tag = 1;
    std::uint16_t channels = 1;
    std::uint32_t rate = 16000;
    std::uint16_t bits = 16;
    std::int32_t blockAlign = -1; // computed unless set
    bool extensible = false;
    std::uint16_t subTag = 1;
};

Bytes fmtChunk(const Fmt& f) {
    Bytes c;
    putId(c, "fmt ");
    put32(c, f.extensible ? 40 : 16);
    put16(c, f.extensible ? 0xFFFE : f.tag);
    put16(c, f.channels);
    put32(c, f.rate);
    const auto align = f.blockAlign >= 0 ? static_cast<std::uint32_t>(f.blockAlign)
                                         : static_cast<std::uint32_t>(f.channels * f.bits / 8);
    put32(c, f.rate * align);
    put16(c, align);
    put16(c, f.bits);
    if (f.extensible) {
        put16(c, 22);
        put16(c, f.bits); // valid bits
        put32(c, f.channels == 2 ? 3 : 4);
        put16(c, f.subTag);
        const std::uint8_t tail[] = {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80,
                                     0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71};
        c.insert(c.end(), std::begin(tail), std::end(tail));
    }
    return c;
}

Bytes chunk(const char* id, const Bytes& body) {
    Bytes c;
    putId(c, id);
    put32(c, static_cast<std::uint32_t>(body.size()));
    c.insert(c.end(), body.begin(), body.end());
    if (body.size() & 1) c.push_back(0);
    return c;
}

Bytes riff(std::initializer_list<Bytes> chunks) {
    Bytes b;
    putId(b, "RIFF");
    put32(b, 0);
    putId(b, "WAVE");
    for (const auto& c : chunks)
        b.insert(b.end(), c.begin(), c.end());
    const auto size = static_cast<std::uint32_t>(b.size() - 8);
    for (int k = 0; k < 4; ++k)
        b[4 + static_cast<std::size_t>(k)] = static_cast<std::uint8_t>(size >> (8 * k));
    return b;
}

std::string errorCode(const Bytes& b, const WavLimits& limits = {}) {
    try {
        decodeWav(b, limits);
    } catch (const WavError& e) {
        CHECK(std::string(e.what()).size() > 5);
        return e.code();
    }
    return "accepted";
}

std::string errorText(const Bytes& b) {
    try {
        decodeWav(b);
    } catch (const WavError& e) {
        return e.what();
    }
    return "accepted";
}

} // namespace

TEST_CASE("the writer produces a canonical 44-byte header and little-endian samples") {
    Pcm pcm{22050, {0, 1, -1, 32767, -32768}};
    const auto bytes = encodeWav(pcm);
    REQUIRE(bytes.size() == 44 + 10);
    CHECK(std::memcmp(bytes.data(), "RIFF", 4) == 0);
    CHECK(bytes[4] == 46); // 36 + 10
    CHECK(std::memcmp(bytes.data() + 8, "WAVEfmt ", 8) == 0);
    CHECK(bytes[16] == 16); // fmt size
    CHECK(bytes[20] == 1);  // PCM
    CHECK(bytes[22] == 1);  // mono
    CHECK((bytes[24] | bytes[25] << 8) == 22050);
    CHECK((bytes[28] | bytes[29] << 8 | bytes[30] << 16) == 44100); // byte rate
    CHECK(bytes[32] == 2);                                          // block align
    CHECK(bytes[34] == 16);                                         // bits
    CHECK(std::memcmp(bytes.data() + 36, "data", 4) == 0);
    CHECK(bytes[40] == 10);
    CHECK(bytes[46] == 1);
    CHECK(bytes[48] == 0xFF);
    CHECK(bytes[49] == 0xFF);
    CHECK(bytes[50] == 0xFF);
    CHECK(bytes[51] == 0x7F);
    CHECK(bytes[53] == 0x80);

    const auto back = decodeWav(bytes);
    CHECK(back.pcm.sampleRate == 22050);
    CHECK(back.pcm.samples == pcm.samples);
    CHECK(back.format.channels == 1);
    CHECK(back.format.bitsPerSample == 16);
}

TEST_CASE("a file round trip keeps every sample") {
    hall::testing::TempDir dir("hall-wav");
    Pcm pcm{8000, {}};
    for (int i = 0; i < 1000; ++i)
        pcm.samples.push_back(static_cast<std::int16_t>((i * 7919) % 65536 - 32768));
    writeWavFile(dir.file("a.wav"), pcm);
    const auto back = readWavFile(dir.file("a.wav"));
    CHECK(back.pcm.samples == pcm.samples);
    CHECK(back.pcm.sampleRate == 8000);
}

TEST_CASE("recording-tool formats are converted to 16-bit mono") {
    SUBCASE("8-bit unsigned") {
        const auto b = riff({fmtChunk({.bits = 8}), chunk("data", {128, 255, 0})});
        CHECK(decodeWav(b).pcm.samples == std::vector<std::int16_t>{0, 127 * 256, -32768});
    }
    SUBCASE("24-bit signed keeps the top 16 bits") {
        const auto b =
            riff({fmtChunk({.bits = 24}),
                  chunk("data", {0x00, 0x01, 0x00, 0xFF, 0xFF, 0x7F, 0x00, 0x00, 0x80})});
        CHECK(decodeWav(b).pcm.samples == std::vector<std::int16_t>{1, 32767, -32768});
    }
    SUBCASE("32-bit signed") {
        const auto b = riff({fmtChunk({.bits = 32}),
                             chunk("data", {0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00, 0x80})});
        CHECK(decodeWav(b).pcm.samples == std::vector<std::int16_t>{16384, -32768});
    }
    SUBCASE("32-bit float, clamped, NaN as silence") {
        Bytes data;
        for (float f : {0.5f, -1.0f, 2.0f, std::nanf("")}) {
            std::uint32_t u;
            std::memcpy(&u, &f, 4);
            put32(data, u);
        }
        const auto b = riff({fmtChunk({.tag = 3, .bits = 32}), chunk("data", data)});
        CHECK(decodeWav(b).pcm.samples == std::vector<std::int16_t>{16384, -32767, 32767, 0});
    }
    SUBCASE("stereo is averaged") {
        Bytes data;
        for (int v : {1000, 3000, -200, -400})
            put16(data, static_cast<std::uint16_t>(v));
        const auto b = riff({fmtChunk({.channels = 2}), chunk("data", data)});
        const auto d = decodeWav(b);
        CHECK(d.format.channels == 2);
        CHECK(d.pcm.samples == std::vector<std::int16_t>{2000, -300});
    }
    SUBCASE("WAVE_FORMAT_EXTENSIBLE with a PCM sub-format") {
        Bytes data;
        for (int v : {5, -5})
            put16(data, static_cast<std::uint16_t>(v));
        const auto b = riff({fmtChunk({.channels = 2, .extensible = true}), chunk("data", data)});
        CHECK(decodeWav(b).pcm.samples == std::vector<std::int16_t>{0});
    }
    SUBCASE("extra chunks, odd sizes with padding, and data before fmt") {
        Bytes data;
        put16(data, 42);
        const auto b = riff({chunk("LIST", {1, 2, 3}), chunk("data", data),
                             chunk("fact", {0, 0, 0, 0}), fmtChunk({})});
        CHECK(decodeWav(b).pcm.samples == std::vector<std::int16_t>{42});
    }
    SUBCASE("bytes after the RIFF chunk are ignored") {
        Bytes data;
        put16(data, 7);
        auto b = riff({fmtChunk({}), chunk("data", data)});
        b.insert(b.end(), {'I', 'D', '3', 0, 0});
        CHECK(decodeWav(b).pcm.samples == std::vector<std::int16_t>{7});
    }
}

TEST_CASE("truncated files are refused") {
    Bytes data(100, 0);
    const auto good = riff({fmtChunk({}), chunk("data", data)});
    REQUIRE(errorCode(good) == "accepted");
    // Every proper prefix fails, as truncated (or as a chunk cut off), never reads past the end.
    for (std::size_t n = 0; n < good.size(); ++n) {
        const Bytes cut(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(n));
        const auto code = errorCode(cut);
        CHECK_MESSAGE((code == "truncated" || code == "not_riff"), "prefix of ", n,
                      " bytes: ", code);
    }
    CHECK(errorText(Bytes(good.begin(), good.begin() + 60)).find("claims") != std::string::npos);
}

TEST_CASE("oversized size claims are refused, not trusted") {
    Bytes data(16, 0);
    SUBCASE("a data chunk claiming more than the file holds") {
        auto b = riff({fmtChunk({}), chunk("data", data)});
        b[40] = 0xFF, b[41] = 0xFF, b[42] = 0xFF, b[43] = 0x7F; // data size 2 GiB
        CHECK(errorCode(b) == "truncated");
        CHECK(errorText(b).find("'data' claims 2147483647 bytes") != std::string::npos);
    }
    SUBCASE("a RIFF size beyond the file") {
        auto b = riff({fmtChunk({}), chunk("data", data)});
        b[4] = 0xFF, b[5] = 0xFF, b[6] = 0xFF, b[7] = 0xFF;
        CHECK(errorCode(b) == "truncated");
    }
    SUBCASE("a data chunk over the configured limit") {
        const auto b = riff({fmtChunk({}), chunk("data", Bytes(2048, 0))});
        WavLimits small;
        small.maxDataBytes = 1024;
        CHECK(errorCode(b, small) == "too_large");
    }
    SUBCASE("a file larger than the limit is not even read") {
        hall::testing::TempDir dir("hall-wav");
        writeWavFile(dir.file("big.wav"), Pcm{8000, std::vector<std::int16_t>(600'000, 1)});
        WavLimits small;
        small.maxDataBytes = 0;
        try {
            readWavFile(dir.file("big.wav"), small);
            FAIL("accepted");
        } catch (const WavError& e) {
            CHECK(e.code() == "too_large");
            CHECK(std::string(e.what()).find("over the size limit") != std::string::npos);
        }
    }
}

TEST_CASE("wrong or unsupported formats are refused with the reason") {
    Bytes data(8, 0);
    CHECK(errorCode(Bytes{'R', 'I', 'F', 'X', 4, 0, 0, 0, 'W', 'A', 'V', 'E'}) ==
          "unsupported_format");
    CHECK(errorCode(Bytes{'O', 'g', 'g', 'S', 4, 0, 0, 0, 'W', 'A', 'V', 'E'}) == "not_riff");
    CHECK(errorCode(Bytes{'R', 'I', 'F', 'F', 4, 0, 0, 0, 'A', 'V', 'I', ' '}) == "not_wave");
    CHECK(errorCode(riff({chunk("data", data)})) == "missing_chunk");
    CHECK(errorCode(riff({fmtChunk({})})) == "missing_chunk");
    CHECK(errorCode(riff({fmtChunk({}), fmtChunk({}), chunk("data", data)})) == "duplicate_chunk");
    CHECK(errorCode(riff({fmtChunk({}), chunk("data", data), chunk("data", data)})) ==
          "duplicate_chunk");
    CHECK(errorCode(riff({fmtChunk({.tag = 2}), chunk("data", data)})) ==
          "unsupported_format"); // ADPCM
    CHECK(errorText(riff({fmtChunk({.tag = 2}), chunk("data", data)})).find("format tag 2") !=
          std::string::npos);
    CHECK(errorCode(riff({fmtChunk({.tag = 6, .bits = 8}), chunk("data", data)})) ==
          "unsupported_format"); // A-law
    CHECK(errorCode(riff({fmtChunk({.bits = 12, .blockAlign = 2}), chunk("data", data)})) ==
          "unsupported_format");
    CHECK(errorCode(riff({fmtChunk({.tag = 3, .bits = 64}), chunk("data", data)})) ==
          "unsupported_format");
    CHECK(errorCode(riff({fmtChunk({.extensible = true, .subTag = 2}), chunk("data", data)})) ==
          "unsupported_format");
    CHECK(errorCode(riff({fmtChunk({.channels = 0}), chunk("data", data)})) == "bad_format");
    CHECK(errorCode(riff({fmtChunk({.channels = 9}), chunk("data", data)})) == "bad_format");
    CHECK(errorCode(riff({fmtChunk({.rate = 0}), chunk("data", data)})) == "bad_format");
    CHECK(errorCode(riff({fmtChunk({.rate = 1'000'000}), chunk("data", data)})) == "bad_format");
    CHECK(errorCode(riff({fmtChunk({.blockAlign = 3}), chunk("data", data)})) == "bad_format");
    CHECK(errorCode(riff({chunk("fmt ", Bytes(10, 0)), chunk("data", data)})) == "bad_format");
    CHECK(errorCode(riff({fmtChunk({.channels = 2}), chunk("data", Bytes(6, 0))})) == "bad_chunk");
}

TEST_CASE("garbage chunk ids are shown as hex, not as raw bytes") {
    auto b = riff({chunk("data", Bytes(4, 0))});
    b.insert(b.end(), {0x01, 0x02, 0x03, 0x04, 0xFF, 0xFF, 0, 0});
    const auto size = static_cast<std::uint32_t>(b.size() - 8);
    b[4] = static_cast<std::uint8_t>(size);
    CHECK(errorText(b).find("0x01020304 claims") != std::string::npos);
}

TEST_CASE("file errors name the file") {
    hall::testing::TempDir dir("hall-wav");
    try {
        readWavFile(dir.file("absent.wav"));
        FAIL("accepted");
    } catch (const WavError& e) {
        CHECK(e.code() == "io");
        CHECK(std::string(e.what()).find("absent.wav") != std::string::npos);
    }
}
