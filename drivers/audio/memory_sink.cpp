#include "drivers/audio/memory_sink.h"

namespace hall::drivers::audio {

std::vector<Take> Recording::takes() const {
    std::lock_guard lock(mutex_);
    return takes_;
}

bool Recording::waitForFinished(std::size_t n, std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [&] {
        std::size_t finished = 0;
        for (const auto& t : takes_)
            finished += t.finished ? 1 : 0;
        return finished >= n;
    });
}

Take& MemorySink::current() {
    if (!open_) {
        recording_->takes_.emplace_back();
        recording_->takes_.back().pcm.sampleRate = sampleRate_;
        open_ = true;
    }
    return recording_->takes_.back();
}

void MemorySink::write(std::span<const std::int16_t> samples, std::stop_token stop) {
    if (stop.stop_requested()) return;
    std::lock_guard lock(recording_->mutex_);
    auto& pcm = current().pcm;
    pcm.samples.insert(pcm.samples.end(), samples.begin(), samples.end());
}

void MemorySink::finish(std::stop_token stop) {
    {
        std::lock_guard lock(recording_->mutex_);
        auto& take = current();
        take.finished = true;
        take.dropped = stop.stop_requested();
        open_ = false;
    }
    recording_->changed_.notify_all();
}

SinkOpener memorySinkOpener(std::shared_ptr<Recording> recording) {
    return [recording](std::uint32_t rate, std::stop_token) -> std::unique_ptr<AudioSink> {
        return std::make_unique<MemorySink>(recording, rate);
    };
}

} // namespace hall::drivers::audio
