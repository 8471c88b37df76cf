#include "drivers/audio/wav_file_sink.h"

#include "drivers/audio/wav_codec.h"
#include "drivers/base/device_error.h"

#include <cstdio>

namespace hall::drivers::audio {

namespace {

std::string fileName(unsigned n) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "announcement-%04u.wav", n);
    return buf;
}

} // namespace

WavFileSink::WavFileSink(std::filesystem::path directory, std::uint32_t sampleRate)
    : directory_(std::move(directory)) {
    pending_.sampleRate = sampleRate;
    std::error_code ec;
    if (!std::filesystem::is_directory(directory_, ec))
        throw DeviceFailure(
            deviceError("no_output_directory",
                        "announcement directory " + directory_.string() + " does not exist"));
    // Numbering continues after files already there, so a restart does not overwrite them.
    while (std::filesystem::exists(directory_ / fileName(next_), ec))
        ++next_;
}

void WavFileSink::write(std::span<const std::int16_t> samples, std::stop_token stop) {
    if (stop.stop_requested()) return;
    pending_.samples.insert(pending_.samples.end(), samples.begin(), samples.end());
}

void WavFileSink::finish(std::stop_token) {
    const auto file = directory_ / fileName(next_);
    try {
        writeWavFile(file, pending_);
    } catch (const WavError& e) {
        pending_.samples.clear();
        throw DeviceFailure(deviceError("write_failed", e.what()));
    }
    pending_.samples.clear();
    last_ = file;
    ++next_;
}

SinkOpener wavFileSinkOpener(std::filesystem::path directory) {
    return [directory](std::uint32_t rate, std::stop_token) -> std::unique_ptr<AudioSink> {
        return std::make_unique<WavFileSink>(directory, rate);
    };
}

} // namespace hall::drivers::audio
