#pragma once
// A sink that writes every announcement to its own WAV file in a directory
// (announcement-0001.wav, …): a hall set up without speakers, or a technician checking what
// the hall hears, gets the exact samples the card would have played. A dropped (cancelled)
// announcement is written as far as it got.

#include "drivers/audio/audio_sink.h"
#include "drivers/audio/pcm.h"

#include <filesystem>

namespace hall::drivers::audio {

class WavFileSink : public AudioSink {
public:
    // Throws DeviceFailure when the directory does not exist or is not writable.
    WavFileSink(std::filesystem::path directory, std::uint32_t sampleRate);
    void write(std::span<const std::int16_t> samples, std::stop_token stop) override;
    void
    finish(std::stop_token stop) override; // throws DeviceFailure when the file cannot be written

    const std::filesystem::path& lastFile() const { return last_; }

private:
    std::filesystem::path directory_;
    Pcm pending_;
    unsigned next_ = 1;
    std::filesystem::path last_;
};

SinkOpener wavFileSinkOpener(std::filesystem::path directory);

} // namespace hall::drivers::audio
