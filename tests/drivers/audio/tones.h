#pragma once
// Test sound made on the spot: sine tones, and voice packs whose every clip is a tone of its own
// length, so that a rendering can be taken apart again by length and by content.

#include "drivers/audio/pcm.h"
#include "drivers/audio/phrase.h"
#include "drivers/audio/voice_pack.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

namespace hall::testing::audio {

using namespace hall::drivers::audio;

Pcm tone(double hz, std::chrono::milliseconds length, std::uint32_t rate, double level = 0.5);

// Every required token and letter of the language, each a distinct tone: token number i (in
// requiredTokens, then letters) lasts 100 + 7·i ms at 300 + 20·i Hz.
VoicePack tonePack(Language language, std::uint32_t rate);

// The same tones written as a pack directory: manifest sample_rate `packRate`, clips written at
// `fileRate` in stereo, file names from `fileName(token)`; `silencePad` of silence around each
// clip (the loader must trim it).
void writeTonePack(const std::filesystem::path& dir, Language language, std::uint32_t packRate,
                   std::uint32_t fileRate,
                   const std::function<std::string(const std::string&)>& fileName,
                   std::chrono::milliseconds silencePad = std::chrono::milliseconds(50));

// The strongest frequency of pcm among candidates (Goertzel power), for "which tone is this".
double dominantOf(const Pcm& pcm, std::initializer_list<double> candidates);

} // namespace hall::testing::audio
