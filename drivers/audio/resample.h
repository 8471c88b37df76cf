#pragma once
// Sample-rate conversion for voice-pack clips. A pack declares one rate (its manifest's
// sample_rate); an installer's recordings may come at any rate (44.1 and 48 kHz are usual) and
// are converted once, when the pack is loaded, never while a call is being spoken.
//
// Band-limited interpolation: each output sample is the input convolved with a Blackman-windowed
// sinc whose cut-off is the lower of the two Nyquist frequencies (times 0.95, so the window's
// transition band stays below it). Going down from 48 kHz to 22.05 kHz therefore removes what
// the new rate cannot carry instead of folding it back as aliasing. Quality is that of a good
// editor's "medium" setting: ample for speech, cheap for clips of a second or two.

#include "drivers/audio/pcm.h"

#include <cstdint>

namespace hall::drivers::audio {

// Output length: round(n × to / from). Throws std::invalid_argument for a rate of 0.
Pcm resample(const Pcm& in, std::uint32_t toRate);

} // namespace hall::drivers::audio
