#pragma once
// What the end-to-end tests share: one private cupsd for the whole test run (started on first
// use from the main thread, stopped at exit), file and byte helpers, and recorders that let a
// test wait — bounded — for the next event of a kind.

#include "drivers/base/device_event.h"
#include "drivers/docprint/print_types.h"
#include "drivers/docprint/twin/cups_sandbox.h"
#include "tests/drivers/support/event_recorder.h"

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

using JobRecorder = EventRecorder<drivers::docprint::JobEvent, drivers::docprint::JobEventType>;
using DeviceRecorder = EventRecorder<drivers::DeviceEvent, drivers::DeviceEventType>;

} // namespace hall::testing
