#pragma once
// Playback through ALSA: the speakers of a call board or TV box (HDMI, a USB sound card, the
// on-board codec). "default" is what the system's ALSA (or PipeWire/PulseAudio through its
// ALSA plug-in) configures; a technician can name any device `aplay -L` lists.
//
// The PCM is opened non-blocking so that every wait is bounded and cancellable: writes go in
// as the card's buffer frees (snd_pcm_wait, 50 ms at a time, checking the stop token), and
// finish() waits for the buffer to play out by watching the delay. An announcement is followed
// by drop + prepare, so the card is idle (not underrunning) between calls.
//
// Errors, all Device-category (the announcer reports the device Lost and re-opens it):
//   no_sound_device     the device does not exist (no card, a name that is not configured)
//   audio_open_failed   it exists but cannot be opened or set up (busy, rate refused)
//   audio_device_lost   a write failed and could not be recovered (USB card unplugged)
//   audio_stalled       the card took nothing for two seconds
// An underrun (the card ran dry) is recovered silently: it costs a click, not the device.

#include "drivers/audio/audio_sink.h"

#include <chrono>
#include <string>

using snd_pcm_t = struct _snd_pcm;

namespace hall::drivers::audio {

struct AlsaSettings {
    std::string device = "default";
    std::chrono::milliseconds bufferLatency{100}; // card buffer: a cancel is heard within this
    std::chrono::milliseconds stallTimeout{2000};
};

class AlsaSink : public AudioSink {
public:
    // Opens and configures the device (S16 mono at sampleRate, ALSA resampling allowed);
    // throws DeviceFailure.
    AlsaSink(const AlsaSettings& settings, std::uint32_t sampleRate);
    ~AlsaSink() override;
    AlsaSink(const AlsaSink&) = delete;
    AlsaSink& operator=(const AlsaSink&) = delete;

    void write(std::span<const std::int16_t> samples, std::stop_token stop) override;
    void finish(std::stop_token stop) override;

private:
    [[noreturn]] void fail(const std::string& code, const std::string& what, int err) const;
    void recover(int err);
    void reset(); // drop what is buffered, ready for the next announcement

    AlsaSettings settings_;
    snd_pcm_t* pcm_ = nullptr;
    std::uint32_t sampleRate_;
    bool wrote_ = false;
};

SinkOpener alsaSinkOpener(AlsaSettings settings);

} // namespace hall::drivers::audio
