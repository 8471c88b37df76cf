// The open / lost / back life of a device, driven by a serve function that fails on demand.
#include "drivers/base/device_worker.h"

#include <atomic>
#include <condition_variable>
#include <doctest/doctest.h>
#include <mutex>
#include <vector>

using namespace hall::drivers;
using namespace std::chrono_literals;

namespace {

struct Recorder {
    std::mutex m;
    std::condition_variable cv;
    std::vector<DeviceEvent> events;

    DeviceEventSink sink() {
        return [this](const DeviceEvent& e) {
            std::lock_guard lock(m);
            events.push_back(e);
            cv.notify_all();
        };
    }
    bool waitFor(std::size_t n, std::chrono::milliseconds timeout = 3s) {
        std::unique_lock lock(m);
        return cv.wait_for(lock, timeout, [&] { return events.size() >= n; });
    }
    std::vector<DeviceEventType> types() {
        std::lock_guard lock(m);
        std::vector<DeviceEventType> t;
        for (const auto& e : events)
            t.push_back(e.type);
        return t;
    }
};

const ReopenPolicy kFast{5ms, 20ms};

} // namespace

TEST_CASE("absent at start: lost once, opened when it appears, lost and back after an outage") {
    Recorder rec;
    std::atomic<int> attempt{0};
    // Attempts 0-2 fail to open; 3 opens and then loses the device; 4-5 fail; 6 opens and stays.
    DeviceWorker worker(
        "test@0", rec.sink(),
        [&](std::stop_token stop, const std::function<void()>& ready) {
            int n = attempt++;
            if (n < 3 || n == 4 || n == 5)
                throw DeviceFailure(deviceError("not_found", "not there"));
            ready();
            if (n == 3) throw DeviceFailure(deviceError("unplugged", "pulled"));
            while (!stop.stop_requested())
                std::this_thread::sleep_for(1ms);
        },
        kFast);
    worker.start();
    REQUIRE(rec.waitFor(4));
    worker.stop();
    CHECK(rec.types() == std::vector{DeviceEventType::Lost, DeviceEventType::Opened,
                                     DeviceEventType::Lost, DeviceEventType::Back});
    std::lock_guard lock(rec.m);
    CHECK(rec.events[0].error->code == "not_found");
    CHECK(rec.events[2].error->code == "unplugged");
    CHECK(rec.events[2].device == "test@0");
}

TEST_CASE("a driver bug or a throwing event handler degrades the device, not the process") {
    std::atomic<int> calls{0};
    std::mutex m;
    std::optional<DeviceError> lostWith;
    DeviceWorker worker(
        "test@1",
        [&](const DeviceEvent& e) {
            if (e.type == DeviceEventType::Lost) {
                std::lock_guard lock(m);
                lostWith = e.error;
            }
            throw std::runtime_error("handler bug");
        },
        [&](std::stop_token, const std::function<void()>&) {
            ++calls;
            throw std::out_of_range("index 7");
        },
        kFast);
    worker.start();
    while (calls < 3)
        std::this_thread::sleep_for(1ms);
    worker.stop();
    std::lock_guard lock(m);
    REQUIRE(lostWith);
    CHECK(lostWith->code == "driver_fault");
    CHECK(lostWith->category == ErrorCategory::Device);
}

TEST_CASE("stop interrupts the wait between attempts at once") {
    DeviceWorker worker(
        "test@2", {},
        [](std::stop_token, const std::function<void()>&) {
            throw DeviceFailure(deviceError("not_found", "not there"));
        },
        ReopenPolicy{10s, 10s});
    worker.start();
    std::this_thread::sleep_for(20ms);
    auto t0 = std::chrono::steady_clock::now();
    worker.stop();
    CHECK(std::chrono::steady_clock::now() - t0 < 1s);
}

TEST_CASE("sleepUnlessStopped sleeps, and returns false at once when stopped") {
    std::stop_source source;
    CHECK(sleepUnlessStopped(source.get_token(), 1ms));
    source.request_stop();
    CHECK_FALSE(sleepUnlessStopped(source.get_token(), 10s));
}
