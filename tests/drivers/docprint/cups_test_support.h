#pragma once
// What the end-to-end tests share: one private cupsd for the whole test run (started on first
// use from the main thread, stopped at exit), file and byte helpers, and recorders that let a
// test wait — bounded — for the next event of a kind.

#include "drivers/base/device_event.h"
#include "drivers/docprint/print_types.h"
#include "drivers/docprint/twin/cups_sandbox.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <vector>

namespace hall::testing {

using drivers::docprint::twin::CupsSandbox;

inline CupsSandbox& cups() {
    static CupsSandbox sandbox;
    return sandbox;
}

inline std::vector<std::uint8_t> readBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Bytes no filter would leave alone by accident: every value, in a random order, and a size
// that spans several 64 KiB chunks.
inline std::vector<std::uint8_t> randomBytes(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::vector<std::uint8_t> out(n);
    for (auto& b : out)
        b = static_cast<std::uint8_t>(rng() & 0xFF);
    return out;
}

// Polls `done` until it holds or `timeout` passes.
template <typename Pred> bool eventually(Pred done, std::chrono::milliseconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
        if (done()) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return done();
}

// Events of one kind (JobEvent or DeviceEvent) in arrival order; next() waits for the next one
// of a type after those already taken.
template <typename Event, typename Type> class Recorder {
public:
    std::function<void(const Event&)> sink() {
        return [this](const Event& e) {
            std::lock_guard lock(mutex_);
            events_.push_back(e);
            changed_.notify_all();
        };
    }
    std::optional<Event> next(Type type, std::chrono::milliseconds timeout) {
        std::unique_lock lock(mutex_);
        std::optional<Event> found;
        changed_.wait_for(lock, timeout, [&] {
            for (std::size_t i = cursor_; i < events_.size(); ++i)
                if (events_[i].type == type) {
                    found = events_[i];
                    cursor_ = i + 1;
                    return true;
                }
            return false;
        });
        return found;
    }
    std::vector<Event> all() const {
        std::lock_guard lock(mutex_);
        return events_;
    }
    std::vector<Type> types() const {
        std::lock_guard lock(mutex_);
        std::vector<Type> out;
        for (const auto& e : events_)
            out.push_back(e.type);
        return out;
    }

private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<Event> events_;
    std::size_t cursor_ = 0;
};

using JobRecorder = Recorder<drivers::docprint::JobEvent, drivers::docprint::JobEventType>;
using DeviceRecorder = Recorder<drivers::DeviceEvent, drivers::DeviceEventType>;

} // namespace hall::testing
