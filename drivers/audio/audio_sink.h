#pragma once
// Where an announcement's samples go: a sound card (alsa_sink.h), a memory buffer for tests
// (memory_sink.h), WAV files (wav_file_sink.h). The announcer opens a sink on its worker
// thread, at the voice pack's rate, and keeps it while the device is up.
//
// One announcement is write() (possibly several times) then finish(). Both run on the
// announcer's worker thread and honour `stop`: when it is requested they return promptly and
// what is still buffered is dropped, not played. A device that fails (unplugged USB speaker,
// no card) throws DeviceFailure with a Device-category error; the announcer then reports the
// device Lost and opens a new sink when it can.

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <stop_token>

namespace hall::drivers::audio {

class AudioSink {
public:
    virtual ~AudioSink() = default;
    // Mono 16-bit samples at the rate the sink was opened with. Returns when all are accepted
    // (a card buffers the last ~100 ms) or stop is requested.
    virtual void write(std::span<const std::int16_t> samples, std::stop_token stop) = 0;
    // Returns when everything written has been played, or at once (dropping it) on stop.
    virtual void finish(std::stop_token stop) = 0;
};

// Opens a sink for this sample rate; throws DeviceFailure when the output cannot be opened.
using SinkOpener =
    std::function<std::unique_ptr<AudioSink>(std::uint32_t sampleRate, std::stop_token stop)>;

} // namespace hall::drivers::audio
