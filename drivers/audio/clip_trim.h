#pragma once
// Leading and trailing silence of a clip, cut when a pack is loaded. A synthesiser pads every
// word with ~100 ms of quiet and a recording has breath and room noise around the word; joined
// as they are, "A / 零 / 一 / 二" would drag. After trimming, the renderer's own gaps decide
// the rhythm, the same for a generated pack and a recorded one.
//
// "Silence" is any sample below the threshold (default -40 dBFS, above the hiss of a decent
// recording, below the softest consonant). A margin of quiet is kept on each side so that a
// soft onset or a decaying tail under the threshold is not clipped.

#include "drivers/audio/pcm.h"

#include <chrono>
#include <cstdint>

namespace hall::drivers::audio {

struct TrimSettings {
    std::int16_t threshold = 328; // |sample| above this is sound: 32767 × 10^(-40/20)
    std::chrono::milliseconds margin{8};
};

// Cuts pcm in place to [first loud sample - margin, last loud sample + margin]. A clip with no
// sample above the threshold becomes empty (the pack loader refuses it as silent).
void trimSilence(Pcm& pcm, const TrimSettings& settings = {});

// Fades the first and last `length` of pcm in and out (linearly, from and to zero). A clip
// that starts or ends on a loud sample (a vowel-initial word has no silence before it to keep,
// a recording may be cut mid-wave) would otherwise click against the silence beside it.
void fadeEdges(Pcm& pcm, std::chrono::milliseconds length);

} // namespace hall::drivers::audio
