#pragma once
// A sink that keeps what it is given: tests check the announcer's output sample by sample, and
// the benchmark sees when the first sample arrives. The Recording outlives the sinks the
// announcer opens and closes, and is safe to read from another thread.

#include "drivers/audio/audio_sink.h"
#include "drivers/audio/pcm.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <vector>

namespace hall::drivers::audio {

struct Take {
    Pcm pcm;
    bool finished = false; // finish() was called
    bool dropped = false;  // finish() was called with stop requested
};

class Recording {
public:
    std::vector<Take> takes() const;
    // Waits until at least n takes are finished; false on timeout.
    bool waitForFinished(std::size_t n, std::chrono::milliseconds timeout) const;

private:
    friend class MemorySink;
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::vector<Take> takes_;
};

class MemorySink : public AudioSink {
public:
    MemorySink(std::shared_ptr<Recording> recording, std::uint32_t sampleRate)
        : recording_(std::move(recording)), sampleRate_(sampleRate) {}
    void write(std::span<const std::int16_t> samples, std::stop_token stop) override;
    void finish(std::stop_token stop) override;

private:
    Take& current(); // under the recording's lock

    std::shared_ptr<Recording> recording_;
    std::uint32_t sampleRate_;
    bool open_ = false; // a take is in progress
};

// An opener for the announcer that records into `recording`.
SinkOpener memorySinkOpener(std::shared_ptr<Recording> recording);

} // namespace hall::drivers::audio
