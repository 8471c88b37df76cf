#include "tests/drivers/audio/tones.h"

#include "drivers/audio/wav_codec.h"

#include <cmath>
#include <fstream>
#include <numbers>
#include <vector>

namespace hall::testing::audio {

namespace {

std::vector<std::string> allTokens(Language language) {
    std::vector<std::string> out;
    for (auto t : requiredTokens(language))
        out.emplace_back(t);
    for (auto t : letterTokens())
        out.emplace_back(t);
    return out;
}

} // namespace

Pcm tone(double hz, std::chrono::milliseconds length, std::uint32_t rate, double level) {
    Pcm p;
    p.sampleRate = rate;
    const std::size_t n = samplesFor(length, rate);
    p.samples.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        p.samples[i] = static_cast<std::int16_t>(std::lround(
            level * 32767 * std::sin(2 * std::numbers::pi * hz * static_cast<double>(i) / rate)));
    return p;
}

VoicePack tonePack(Language language, std::uint32_t rate) {
    VoicePack pack;
    pack.language = language;
    pack.sampleRate = rate;
    const auto tokens = allTokens(language);
    for (std::size_t i = 0; i < tokens.size(); ++i)
        pack.clips.emplace(tokens[i], tone(300.0 + 20.0 * static_cast<double>(i),
                                           std::chrono::milliseconds(100 + 7 * i), rate));
    return pack;
}

void writeTonePack(const std::filesystem::path& dir, Language language, std::uint32_t packRate,
                   std::uint32_t fileRate,
                   const std::function<std::string(const std::string&)>& fileName,
                   std::chrono::milliseconds silencePad) {
    std::filesystem::create_directories(dir);
    std::ofstream m(dir / "manifest.toml");
    m << "format = 1\nlanguage = \"" << languageTag(language) << "\"\nsample_rate = " << packRate
      << "\n[clips]\n";
    const auto tokens = allTokens(language);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        Pcm t = tone(300.0 + 20.0 * static_cast<double>(i), std::chrono::milliseconds(100 + 7 * i),
                     fileRate);
        const std::size_t pad = samplesFor(silencePad, fileRate);
        // Stereo, 16-bit, the tone in both channels, written by hand (the codec writes mono).
        std::vector<std::int16_t> frames;
        frames.insert(frames.end(), pad * 2, 0);
        for (auto s : t.samples) {
            frames.push_back(s);
            frames.push_back(s);
        }
        frames.insert(frames.end(), pad * 2, 0);
        Pcm interleaved{fileRate, frames};
        auto bytes = encodeWav(interleaved);
        // Patch the header to stereo: channels 2, byte rate and block align doubled, the same
        // data then holds half as many frames.
        bytes[22] = 2;
        const std::uint32_t byteRate = fileRate * 4;
        for (int k = 0; k < 4; ++k)
            bytes[28 + static_cast<std::size_t>(k)] =
                static_cast<std::uint8_t>(byteRate >> (8 * k));
        bytes[32] = 4;
        const auto name = fileName(tokens[i]);
        std::ofstream f(dir / name, std::ios::binary);
        f.write(reinterpret_cast<const char*>(bytes.data()),
                static_cast<std::streamsize>(bytes.size()));
        m << '"' << tokens[i] << "\" = \"" << name << "\"\n";
    }
}

double dominantOf(const Pcm& pcm, std::initializer_list<double> candidates) {
    double best = 0, bestPower = -1;
    for (double hz : candidates) {
        const double w = 2 * std::numbers::pi * hz / pcm.sampleRate;
        double s1 = 0, s2 = 0;
        for (auto x : pcm.samples) {
            const double s0 = x + 2 * std::cos(w) * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        const double power = s1 * s1 + s2 * s2 - 2 * std::cos(w) * s1 * s2;
        if (power > bestPower) {
            bestPower = power;
            best = hz;
        }
    }
    return best;
}

} // namespace hall::testing::audio
