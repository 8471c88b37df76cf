#pragma once
// Joins a phrase's clips into the one buffer that is played:
//
//   chime │chimeGap│ clip │wordGap│ clip … clip │repeatPause│ clip │wordGap│ … clip
//         └─────────── first saying ──────────┘             └── saying 2..repeats ──┘
//
// The chime is played once, before the first saying; the phrase is said `repeats` times with a
// pause between. Gaps are exact sample counts (samplesFor), so the length of a rendering is the
// sum of its clips and gaps to the sample. The renderer returns a log of where each clip
// starts and how long it is: tests check the sequence and timing through it, and a technician
// can see which clip a garbled word came from.

#include "drivers/audio/pcm.h"
#include "drivers/audio/phrase.h"
#include "drivers/audio/voice_pack.h"

#include <chrono>
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace hall::drivers::audio {

inline constexpr int kMaxRepeats = 5;

struct RenderSettings {
    std::chrono::milliseconds chimeGap{350};
    std::chrono::milliseconds wordGap{60};
    std::chrono::milliseconds repeatPause{1000};
    int repeats = 1;   // 1..kMaxRepeats
    bool chime = true; // false: the phrase alone (a second language after the first)
};

// Returns a message for settings that cannot be used (negative gaps, repeats out of range).
std::optional<std::string> checkRenderSettings(const RenderSettings& settings);

struct RenderedClip {
    std::string token;
    std::size_t start = 0;  // in samples from the start of the rendering
    std::size_t length = 0; // in samples
};

struct Rendering {
    Pcm pcm;
    std::vector<RenderedClip> clips; // in order, the chime first
    std::vector<Warning> warnings;   // missing clips (skipped), and the phrase's own warnings
};

// Tokens the pack lacks are skipped with a "missing_clip" warning. No tokens, no sound: an
// empty rendering (and no chime). Throws std::invalid_argument for unusable settings.
Rendering renderPhrase(const VoicePack& pack, std::span<const std::string> tokens,
                       const RenderSettings& settings);

// buildPhrase in the pack's language, then renderPhrase; the phrase's warnings come first.
Rendering renderCall(const VoicePack& pack, const Call& call, const RenderSettings& settings);

} // namespace hall::drivers::audio
