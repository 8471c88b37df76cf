#pragma once
// The usual Device: one descriptor, one DeviceWorker whose serve() the driver writes.
//
// A derived class must call stop() in its own destructor: the worker's thread runs the derived
// serve() and uses the derived members, which are gone by the time this base is destroyed.

#include "drivers/base/device.h"
#include "drivers/base/device_worker.h"

#include <string>

namespace hall::drivers {

class WorkerDevice : public Device {
public:
    const DeviceDescriptor& descriptor() const override { return descriptor_; }
    const std::string& instanceId() const override { return worker_.instanceId(); }
    void start() override { worker_.start(); }
    void stop() override { worker_.stop(); }

protected:
    WorkerDevice(const DeviceDescriptor& descriptor, std::string instanceId, DeviceEventSink events,
                 ReopenPolicy policy)
        : descriptor_(descriptor),
          worker_(
              std::move(instanceId), std::move(events),
              [this](std::stop_token stop, const std::function<void()>& ready) {
                  serve(stop, ready);
              },
              policy) {}

    // Opens the device, calls ready() once it answers, serves until stop is requested (returns)
    // or the device fails (throws DeviceFailure); see device_worker.h.
    virtual void serve(std::stop_token stop, const std::function<void()>& ready) = 0;
    void report(DeviceEventType type, std::optional<DeviceError> error = std::nullopt,
                std::optional<std::uint8_t> unit = std::nullopt) const {
        worker_.report(type, std::move(error), unit);
    }

private:
    const DeviceDescriptor& descriptor_;
    DeviceWorker worker_;
};

} // namespace hall::drivers
