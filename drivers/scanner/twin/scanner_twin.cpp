#include "drivers/scanner/twin/scanner_twin.h"

namespace hall::drivers::twin {

ScannerTwin::ScannerTwin(std::filesystem::path link, ScannerTwinFraming framing,
                         std::uint32_t noiseSeed)
    : port_(std::move(link)), framing_(std::move(framing)), noise_(noiseSeed) {
    port_.plug();
    thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
}

ScannerTwin::~ScannerTwin() {
    thread_.request_stop();
    changed_.notify_all();
    if (thread_.joinable()) thread_.join();
    port_.unplug();
}

void ScannerTwin::scan(std::string_view payload) {
    std::vector<std::uint8_t> frame;
    frame.reserve(framing_.prefix.size() + payload.size() + framing_.suffix.size() +
                  framing_.terminator.size());
    for (std::string_view part :
         {std::string_view(framing_.prefix), payload, std::string_view(framing_.suffix),
          std::string_view(framing_.terminator)})
        frame.insert(frame.end(), part.begin(), part.end());
    enqueue(std::move(frame));
}

void ScannerTwin::garbage(std::size_t count) {
    std::vector<std::uint8_t> bytes(count);
    {
        std::lock_guard lock(mutex_);
        std::uniform_int_distribution<int> byte(0, 255);
        for (auto& b : bytes)
            b = static_cast<std::uint8_t>(byte(noise_));
    }
    enqueue(std::move(bytes));
}

void ScannerTwin::sendRaw(std::span<const std::uint8_t> bytes) {
    enqueue(std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
}

void ScannerTwin::setSlow(std::chrono::milliseconds perByte) {
    std::lock_guard lock(mutex_);
    perByte_ = perByte;
}

void ScannerTwin::unplug() {
    {
        std::lock_guard lock(mutex_);
        queue_.clear();
        ++generation_;
    }
    port_.unplug();
    changed_.notify_all();
}

void ScannerTwin::plug() {
    port_.plug();
}

bool ScannerTwin::waitIdle(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    return changed_.wait_for(lock, timeout, [this] { return queue_.empty() && !writing_; });
}

void ScannerTwin::enqueue(std::vector<std::uint8_t> bytes) {
    if (bytes.empty()) return;
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(std::move(bytes));
    }
    changed_.notify_all();
}

void ScannerTwin::run(std::stop_token stop) {
    std::unique_lock lock(mutex_);
    while (!stop.stop_requested()) {
        if (!changed_.wait(lock, stop, [this] { return !queue_.empty(); })) break;
        auto chunk = std::move(queue_.front());
        queue_.pop_front();
        writing_ = true;
        const auto generation = generation_;
        const auto perByte = perByte_;
        lock.unlock();
        if (perByte.count() == 0) {
            port_.write(chunk); // false when unplugged: the bytes are lost, as on the wire
        } else {
            for (std::size_t i = 0; i < chunk.size() && !stop.stop_requested(); ++i) {
                {
                    std::lock_guard check(mutex_);
                    if (generation_ != generation) break; // unplugged mid-code
                }
                if (!port_.write(std::span(&chunk[i], 1))) break;
                std::mutex sleepMutex;
                std::unique_lock sleepLock(sleepMutex);
                std::condition_variable_any().wait_for(sleepLock, stop, perByte,
                                                       [] { return false; });
            }
        }
        lock.lock();
        writing_ = false;
        changed_.notify_all();
    }
}

} // namespace hall::drivers::twin
