#include "drivers/audio/alsa_sink.h"

#include "drivers/base/device_error.h"
#include "drivers/base/device_worker.h"

#include <algorithm>
#include <alsa/asoundlib.h>
#include <cerrno>
#include <mutex>

namespace hall::drivers::audio {

namespace {

void silent(const char*, int, const char*, int, const char*, ...) {}

// alsa-lib prints its own diagnostics to stderr: nine lines for a missing card, again at every
// re-open attempt of an announcer left without a card all night. Our errors already carry
// snd_strerror and say what to check, so its printing is turned off (process-wide, once).
void quietAlsaLib() {
    static std::once_flag once;
    std::call_once(once, [] { snd_lib_error_set_handler(silent); });
}

} // namespace

AlsaSink::AlsaSink(const AlsaSettings& settings, std::uint32_t sampleRate)
    : settings_(settings), sampleRate_(sampleRate) {
    quietAlsaLib();
    int err =
        snd_pcm_open(&pcm_, settings_.device.c_str(), SND_PCM_STREAM_PLAYBACK, SND_PCM_NONBLOCK);
    if (err < 0) {
        pcm_ = nullptr;
        // ENOENT: the name is not configured ("default" with no card behind it); ENODEV: a
        // card named in the device string is not there.
        if (err == -ENOENT || err == -ENODEV || err == -ENXIO)
            fail("no_sound_device",
                 "no sound card behind it: check that the speakers' card is connected and that "
                 "the device name is one `aplay -L` lists",
                 err);
        fail("audio_open_failed", "cannot be opened", err);
    }
    const auto latencyUs = static_cast<unsigned>(
        std::chrono::duration_cast<std::chrono::microseconds>(settings_.bufferLatency).count());
    err =
        snd_pcm_set_params(pcm_, SND_PCM_FORMAT_S16, SND_PCM_ACCESS_RW_INTERLEAVED, 1, sampleRate_,
                           1 /* let ALSA resample to a rate the card has */, latencyUs);
    if (err < 0) {
        snd_pcm_close(pcm_);
        pcm_ = nullptr;
        fail("audio_open_failed", "refuses 16-bit mono at " + std::to_string(sampleRate_) + " Hz",
             err);
    }
}

AlsaSink::~AlsaSink() {
    if (pcm_) {
        snd_pcm_drop(pcm_);
        snd_pcm_close(pcm_);
    }
}

void AlsaSink::fail(const std::string& code, const std::string& what, int err) const {
    throw DeviceFailure(deviceError(code, "ALSA playback device '" + settings_.device + "' " +
                                              what + " (" + snd_strerror(err) + ")"));
}

void AlsaSink::recover(int err) {
    // EPIPE: underrun, the card ran dry; ESTRPIPE: the system was suspended. Both are
    // recovered by re-preparing the stream; anything else (ENODEV, EBADFD) means the device
    // is gone.
    if (snd_pcm_recover(pcm_, err, 1 /* silent */) < 0) fail("audio_device_lost", "failed", err);
}

void AlsaSink::write(std::span<const std::int16_t> samples, std::stop_token stop) {
    std::size_t done = 0;
    auto progress = std::chrono::steady_clock::now();
    while (done < samples.size() && !stop.stop_requested()) {
        const auto n = snd_pcm_writei(pcm_, samples.data() + done, samples.size() - done);
        if (n > 0) {
            done += static_cast<std::size_t>(n);
            wrote_ = true;
            progress = std::chrono::steady_clock::now();
            continue;
        }
        if (n == 0 || n == -EAGAIN) {
            if (std::chrono::steady_clock::now() - progress > settings_.stallTimeout)
                fail("audio_stalled",
                     "took no samples for " + std::to_string(settings_.stallTimeout.count()) +
                         " ms",
                     -EAGAIN);
            const int w = snd_pcm_wait(pcm_, 50);
            if (w < 0) recover(w);
            continue;
        }
        recover(static_cast<int>(n));
    }
}

void AlsaSink::finish(std::stop_token stop) {
    if (!wrote_ || stop.stop_requested()) {
        reset();
        return;
    }
    // A sound shorter than the buffer never reached the start threshold: start it by hand.
    if (snd_pcm_state(pcm_) == SND_PCM_STATE_PREPARED) {
        const int err = snd_pcm_start(pcm_);
        if (err < 0) recover(err);
    }
    const auto deadline =
        std::chrono::steady_clock::now() + settings_.bufferLatency + settings_.stallTimeout;
    while (!stop.stop_requested()) {
        // Played out: the stream ran dry (XRUN, the normal end of a running stream) or the
        // delay (frames still to be heard) reached zero.
        if (snd_pcm_state(pcm_) != SND_PCM_STATE_RUNNING) break;
        snd_pcm_sframes_t delay = 0;
        if (snd_pcm_delay(pcm_, &delay) < 0 || delay <= 0) break;
        if (std::chrono::steady_clock::now() > deadline) {
            reset();
            fail("audio_stalled", "does not play out its buffer", -ETIMEDOUT);
        }
        const auto left = std::chrono::milliseconds(delay * 1000 / sampleRate_);
        sleepUnlessStopped(
            stop, std::clamp(left, std::chrono::milliseconds(1), std::chrono::milliseconds(20)));
    }
    reset();
}

void AlsaSink::reset() {
    wrote_ = false;
    snd_pcm_drop(pcm_);
    const int err = snd_pcm_prepare(pcm_);
    if (err < 0) fail("audio_device_lost", "cannot be prepared again", err);
}

SinkOpener alsaSinkOpener(AlsaSettings settings) {
    return [settings](std::uint32_t rate, std::stop_token) -> std::unique_ptr<AudioSink> {
        return std::make_unique<AlsaSink>(settings, rate);
    };
}

} // namespace hall::drivers::audio
