#include "drivers/audio/voice_pack.h"

#include "drivers/audio/resample.h"

namespace hall::drivers::audio {

Pcm prepareClip(const Pcm& decoded, std::uint32_t sampleRate, const TrimSettings& trim) {
    Pcm clip = resample(decoded, sampleRate);
    trimSilence(clip, trim);
    fadeEdges(clip, kClipFade);
    return clip;
}

} // namespace hall::drivers::audio
