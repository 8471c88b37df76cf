#include "drivers/base/device_worker.h"

#include <algorithm>
#include <condition_variable>
#include <mutex>

namespace hall::drivers {

DeviceWorker::DeviceWorker(std::string instanceId, DeviceEventSink sink, Serve serve,
                           ReopenPolicy policy)
    : instanceId_(std::move(instanceId)), sink_(std::move(sink)), serve_(std::move(serve)),
      policy_(policy) {}

DeviceWorker::~DeviceWorker() {
    stop();
}

void DeviceWorker::start() {
    if (thread_.joinable()) return;
    thread_ = std::jthread([this](std::stop_token stop) { run(stop); });
}

void DeviceWorker::stop() {
    if (!thread_.joinable()) return;
    thread_.request_stop();
    thread_.join();
    thread_ = {};
}

void DeviceWorker::report(DeviceEventType type, std::optional<DeviceError> error,
                          std::optional<std::uint8_t> unit) const {
    if (!sink_) return;
    try {
        sink_(DeviceEvent{instanceId_, type, std::move(error), unit});
    } catch (...) {
        // A host's handler that throws must not kill the device thread; the event is dropped.
    }
}

void DeviceWorker::run(std::stop_token stop) {
    bool everOpened = false;
    bool lost = false;
    auto wait = policy_.firstRetry;
    auto ready = [&] {
        report(everOpened ? DeviceEventType::Back : DeviceEventType::Opened);
        everOpened = true;
        lost = false;
        wait = policy_.firstRetry;
    };
    while (!stop.stop_requested()) {
        std::optional<DeviceError> failure;
        try {
            serve_(stop, ready);
        } catch (const DeviceFailure& f) {
            failure = f.error();
        } catch (const std::exception& e) {
            failure = deviceError("driver_fault", std::string("driver fault: ") + e.what());
        } catch (...) {
            failure = deviceError("driver_fault", "driver fault (unknown exception)");
        }
        if (stop.stop_requested()) break;
        if (failure && !lost) {
            // Reported once per outage: a reader left unplugged all night is one event, not
            // thousands.
            failure->category = ErrorCategory::Device;
            report(DeviceEventType::Lost, std::move(failure));
            lost = true;
        }
        if (!sleepUnlessStopped(stop, wait)) break;
        wait = std::min(wait * 2, policy_.maxRetry);
    }
}

bool sleepUnlessStopped(std::stop_token stop, std::chrono::milliseconds d) {
    std::mutex m;
    std::condition_variable_any cv;
    std::unique_lock lock(m);
    cv.wait_for(lock, stop, d, [] { return false; }); // nobody notifies: only time or stop end it
    return !stop.stop_requested();
}

} // namespace hall::drivers
