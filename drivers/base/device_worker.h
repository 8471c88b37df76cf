#pragma once
// The life of one device on its own thread, the same for every kind:
//
//   serve(stop, ready) ── ready() called ──> Opened (first time) / Back (after a loss)
//        │ throws DeviceFailure (device category) ──> Lost (once), wait, try again
//        │ returns when stop is requested
//
// Retry-category failures never reach here: serve() reports them as ReadFailed and carries on.
// The wait between attempts grows from firstRetry to maxRetry, so an unplugged reader costs
// one open() every few seconds and nothing else. Any other exception is treated as a device
// failure, so a driver bug degrades one device and never takes the host process down.

#include "drivers/base/device_event.h"

#include <chrono>
#include <functional>
#include <stop_token>
#include <string>
#include <thread>

namespace hall::drivers {

struct ReopenPolicy {
    std::chrono::milliseconds firstRetry{250};
    std::chrono::milliseconds maxRetry{4000};
};

class DeviceWorker {
public:
    using Serve = std::function<void(std::stop_token, const std::function<void()>& ready)>;

    DeviceWorker(std::string instanceId, DeviceEventSink sink, Serve serve,
                 ReopenPolicy policy = {});
    ~DeviceWorker();
    DeviceWorker(const DeviceWorker&) = delete;
    DeviceWorker& operator=(const DeviceWorker&) = delete;

    void start();
    void stop(); // idempotent; joins the thread
    // unit: the addressed unit on a bus line the event is about (device_event.h).
    void report(DeviceEventType type, std::optional<DeviceError> error = std::nullopt,
                std::optional<std::uint8_t> unit = std::nullopt) const;
    const std::string& instanceId() const { return instanceId_; }

private:
    void run(std::stop_token stop);

    std::string instanceId_;
    DeviceEventSink sink_;
    Serve serve_;
    ReopenPolicy policy_;
    std::jthread thread_;
};

// Sleeps for d unless stop is requested first; returns false when stopped.
bool sleepUnlessStopped(std::stop_token stop, std::chrono::milliseconds d);

} // namespace hall::drivers
