#pragma once
// A voice pack on disk: a directory with manifest.toml and one WAV file per clip.
//
//   # manifest.toml
//   format = 1                 # this layout
//   language = "zh-CN"         # or "en": decides the phrase template (phrase.h)
//   sample_rate = 22050        # the rate the announcer plays at
//   [clips]                    # token = file, relative to the directory
//   chime = "chime.wav"
//   qing = "qing.wav"
//   ...
//
// An installer replaces the generated pack with human recordings by writing the same manifest
// over their own files: the token names are fixed (phrase.h lists them), the file names are
// free. Clips may be at any rate, 8 to 32-bit or float, mono or stereo (wav_codec.h): each is
// converted to `sample_rate` (resample.h) and has its silence trimmed and its edges faded
// (clip_trim.h) here, once.
// Loading is strict so that a typo shows on the technician's screen rather than as a silent
// word in the hall: an unknown key or token, a missing required clip, a file outside the
// directory, an unreadable or silent clip are all errors that name the key, token and file.

#include "drivers/audio/clip_trim.h"
#include "drivers/audio/voice_pack.h"
#include "drivers/audio/wav_codec.h"

#include <filesystem>
#include <stdexcept>
#include <string>

namespace hall::drivers::audio {

class VoicePackError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

inline constexpr std::string_view kManifestName = "manifest.toml";

struct VoicePackOptions {
    TrimSettings trim;
    WavLimits wav;
};

// Throws VoicePackError.
VoicePack loadVoicePack(const std::filesystem::path& directory,
                        const VoicePackOptions& options = {});

} // namespace hall::drivers::audio
