#pragma once
// What the device tests share (internal to hall_technician_device_tests): collecting a device's
// events until a condition or a deadline, building the device under test, and the English
// wording of a driver error.

#include "drivers/base/device_event.h"
#include "drivers/kinds/device_factory.h"
#include "shared/technician/driver_test_runner.h"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace hall::technician::detail {

// Collects what a device reports (on its worker thread) and lets the test thread wait for it.
// Anything else the test waits for (a card read, a job result) is signalled through note().
class DeviceWatch {
public:
    drivers::DeviceEventSink sink();
    // Runs f under the watch's lock, then wakes the waiting thread.
    void note(const std::function<void()>& f);
    // Waits until done() (called under the lock) holds or the timeout passes; returns done().
    bool waitFor(std::chrono::milliseconds timeout, const std::function<bool()>& done);
    // Under the lock (inside done()): the events so far, oldest first.
    const std::vector<drivers::DeviceEvent>& events() const { return events_; }
    // The last error a line-level event (no unit) carried: why the device did not open.
    std::optional<drivers::DeviceError> lastLineError() const;
    bool seen(drivers::DeviceEventType type) const; // under the lock
    // Waits for the device's first open: true once it reported Opened; false when it reported
    // the line Lost first (absent, refused, silent: the error says which) or the timeout
    // passed. A test does not sit through the driver's background re-opens: the technician is
    // told at once that the device is not there.
    bool waitOpened(std::chrono::milliseconds timeout);

private:
    mutable std::mutex mutex_;
    std::condition_variable cv_;
    std::vector<drivers::DeviceEvent> events_;
};

// "failed to open <what>: <driver message>" or the given fallback when no reason was reported.
std::string openFailure(const DeviceWatch& watch, const std::string& what,
                        std::chrono::milliseconds waited);
std::string errorText(const drivers::DeviceError& error);

// The factory's options (drivers/kinds/device_factory.h) for a device under test: the runner's
// CUPS server, bounds and units, and one look at each LED unit rather than background probing.
drivers::DeviceOptions deviceOptions(const DeviceSetting& device, const DriverTestOptions& options);
// The device for the technician: "ID-card reader on /dev/ttyUSB0", "ticket printer at
// 10.0.0.5:9100", "smart-card reader \"…\"" (the kind's name and the setting's address).
std::string describe(const DeviceSetting& device);
// nullopt when `test` is the test of the device's kind (drivers/base/device_kinds.h), else the
// result saying that it is not available for the device.
std::optional<DeviceTestResult> notAvailable(DeviceTest test, const DeviceSetting& device);
std::string seconds(std::chrono::milliseconds ms); // "15 s", "0.5 s"

} // namespace hall::technician::detail
