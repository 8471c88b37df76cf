// hall-voicegen OUTPUT_DIR: the default voice packs, made at build time.
//
// Writes OUTPUT_DIR/zh-CN and OUTPUT_DIR/en, each a pack as voice_pack_loader.h reads it: one
// WAV per token, spoken by espeak-ng (Mandarin through the cmn-latn-pinyin voice, which reads
// pinyin with tone numbers; English through the "en" voice), a synthesised chime, and
// manifest.toml, written last so that an interrupted run leaves no pack that looks complete.
//
// espeak-ng runs in synchronous mode: espeak_Synth() calls back with the samples as it makes
// them and returns when the text is done, so no audio device is involved. The clips are
// written as espeak makes them (22050 Hz, with its silence around each word); the loader trims
// them exactly as it trims an installer's recordings.

#include "drivers/audio/phrase.h"
#include "drivers/audio/wav_codec.h"

#include <cmath>
#include <cstdio>
#include <cstring>
#include <espeak-ng/speak_lib.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <numbers>
#include <string>
#include <vector>

using namespace hall::drivers::audio;
namespace fs = std::filesystem;

namespace {

struct PackSpec {
    Language language;
    const char* voice;
    // What espeak is given for each token other than letters (letters are given as themselves:
    // both voices read a lone capital letter by its name, the Mandarin voice the way Chinese
    // speakers say it: A "ei", B "bi", …).
    std::map<std::string, std::string, std::less<>> text;
};

PackSpec zhSpec() {
    return {Language::ZhCn,
            "cmn-latn-pinyin",
            {
                {"zaici_hujiao", "zai4 ci4 hu1 jiao4"},                // 再次呼叫
                {"qing", "qing3"},                                     // 请
                {"hao", "hao4"},                                       // 号
                {"dao", "dao4"},                                       // 到
                {"hao_chuangkou_banli", "hao4 chuang1 kou3 ban4 li3"}, // 号窗口办理
                {"shi", "shi2"},                                       // 十
                {"bai", "bai3"},                                       // 百
                {"ling", "ling2"},
                {"yi", "yi1"},
                {"er", "er4"},
                {"san", "san1"},
                {"si", "si4"},
                {"wu", "wu3"},
                {"liu", "liu4"},
                {"qi", "qi1"},
                {"ba", "ba1"},
                {"jiu", "jiu3"},
            }};
}

PackSpec enSpec() {
    PackSpec spec{Language::En,
                  "en",
                  {{"calling_again", "Calling again."},
                   {"number", "Number"},
                   {"please_go_to_window", "please go to window"}}};
    // The number words are their own text ("zero", "twelve", "hundred").
    for (auto token : requiredTokens(Language::En))
        if (token != kChimeToken && !spec.text.contains(token))
            spec.text.emplace(std::string(token), std::string(token));
    return spec;
}

int collect(short* wav, int count, espeak_EVENT* events) {
    auto* out = static_cast<std::vector<std::int16_t>*>(events->user_data);
    if (wav && count > 0) out->insert(out->end(), wav, wav + count);
    return 0; // go on
}

Pcm speak(const std::string& text, std::uint32_t rate) {
    std::vector<std::int16_t> samples;
    const espeak_ERROR err = espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0,
                                          espeakCHARS_UTF8, nullptr, &samples);
    if (err != EE_OK || espeak_Synchronize() != EE_OK)
        throw std::runtime_error("espeak-ng could not say \"" + text + "\"");
    if (samples.empty()) throw std::runtime_error("espeak-ng said nothing for \"" + text + "\"");
    return {rate, std::move(samples)};
}

// A two-tone chime ("ding-dong", E5 then C5) with a bell-like envelope: 5 ms attack, then an
// exponential decay; a soft third harmonic gives it body. Peak about -8 dBFS so that it does
// not startle next to the voice.
Pcm chime(std::uint32_t rate) {
    struct Tone {
        double hz, start;
    };
    constexpr Tone kTones[] = {{659.25, 0.0}, {523.25, 0.45}};
    constexpr double kLength = 1.4, kAttack = 0.005, kDecay = 0.28, kLevel = 0.2;
    Pcm pcm;
    pcm.sampleRate = rate;
    const auto n = static_cast<std::size_t>(kLength * rate);
    pcm.samples.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double t = static_cast<double>(i) / rate;
        double v = 0;
        for (const auto& tone : kTones) {
            const double u = t - tone.start;
            if (u < 0) continue;
            const double env = std::min(1.0, u / kAttack) * std::exp(-u / kDecay);
            const double w = 2 * std::numbers::pi * tone.hz * u;
            v += env * (std::sin(w) + 0.25 * std::sin(3 * w));
        }
        const double fadeOut = std::min(1.0, (kLength - t) / 0.05); // no click at the end
        pcm.samples[i] = static_cast<std::int16_t>(std::lround(v * kLevel * fadeOut * 32767));
    }
    return pcm;
}

std::string fileFor(std::string_view token) {
    return std::string(token) + ".wav";
}

void writePack(const fs::path& dir, const PackSpec& spec, std::uint32_t rate) {
    fs::create_directories(dir);
    fs::remove(dir / "manifest.toml");
    if (espeak_SetVoiceByName(spec.voice) != EE_OK)
        throw std::runtime_error(std::string("espeak-ng has no voice ") + spec.voice +
                                 " (is espeak-ng-data installed?)");

    std::map<std::string, std::string> clips; // token -> file, sorted for the manifest
    writeWavFile(dir / fileFor(kChimeToken), chime(rate));
    clips.emplace(kChimeToken, fileFor(kChimeToken));
    for (auto token : requiredTokens(spec.language)) {
        if (token == kChimeToken) continue;
        const auto it = spec.text.find(token);
        if (it == spec.text.end())
            throw std::runtime_error("no text for token " + std::string(token) + " in " +
                                     std::string(languageTag(spec.language)));
        writeWavFile(dir / fileFor(token), speak(it->second, rate));
        clips.emplace(token, fileFor(token));
    }
    for (auto letter : letterTokens()) {
        writeWavFile(dir / fileFor(letter), speak(std::string(letter), rate));
        clips.emplace(letter, fileFor(letter));
    }

    std::ofstream m(dir / "manifest.toml.tmp", std::ios::trunc);
    m << "# Voice pack of the call announcer, generated with espeak-ng (voice " << spec.voice
      << ").\n"
         "# To use human recordings instead, record one clip per token below (any sample rate,\n"
         "# mono or stereo PCM/float WAV), point each token at its file and keep the token\n"
         "# names. Clips are resampled to sample_rate and trimmed of silence when loaded.\n"
      << "format = 1\n"
      << "language = \"" << languageTag(spec.language) << "\"\n"
      << "sample_rate = " << rate << "\n\n[clips]\n";
    for (const auto& [token, file] : clips)
        m << token << " = \"" << file << "\"\n";
    m.close();
    if (!m) throw std::runtime_error("cannot write " + (dir / "manifest.toml").string());
    fs::rename(dir / "manifest.toml.tmp", dir / "manifest.toml");
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: hall-voicegen OUTPUT_DIR\n");
        return 2;
    }
    const int rate =
        espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, espeakINITIALIZE_DONT_EXIT);
    if (rate <= 0) {
        std::fprintf(stderr,
                     "hall-voicegen: espeak-ng cannot start (is espeak-ng-data installed?)\n");
        return 1;
    }
    espeak_SetSynthCallback(collect);
    // A little slower than espeak's default 175 words per minute: halls are reverberant.
    espeak_SetParameter(espeakRATE, 150, 0);
    try {
        const fs::path out = argv[1];
        writePack(out / "zh-CN", zhSpec(), static_cast<std::uint32_t>(rate));
        writePack(out / "en", enSpec(), static_cast<std::uint32_t>(rate));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "hall-voicegen: %s\n", e.what());
        espeak_Terminate();
        return 1;
    }
    espeak_Terminate();
    return 0;
}
