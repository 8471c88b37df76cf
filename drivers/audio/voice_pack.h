#pragma once
// A voice pack in memory: one language, one sample rate, one prepared clip per token
// (phrase.h names the tokens). Prepared means mono 16-bit at the pack's rate with leading and
// trailing silence cut, so that speaking a call only copies samples. Packs come from a
// directory (voice_pack_loader.h) or, in tests, are built here directly.

#include "drivers/audio/clip_trim.h"
#include "drivers/audio/pcm.h"
#include "drivers/audio/phrase.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>

namespace hall::drivers::audio {

struct VoicePack {
    Language language = Language::ZhCn;
    std::uint32_t sampleRate = 22050;
    std::map<std::string, Pcm, std::less<>> clips;

    const Pcm* find(std::string_view token) const {
        const auto it = clips.find(token);
        return it == clips.end() ? nullptr : &it->second;
    }
};

// A decoded clip brought to the pack's form: resampled to `sampleRate`, trimmed, and its edges
// faded over kClipFade.
inline constexpr std::chrono::milliseconds kClipFade{3};
Pcm prepareClip(const Pcm& decoded, std::uint32_t sampleRate, const TrimSettings& trim = {});

} // namespace hall::drivers::audio
