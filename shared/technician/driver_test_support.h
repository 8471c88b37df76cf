#pragma once
// What the device tests share (internal to hall_technician_device_tests): collecting a device's
// events until a condition or a deadline, turning settings into transport settings, and the
// English wording of a driver error.

#include "drivers/base/device_event.h"
#include "drivers/transport/serial_stream.h"
#include "drivers/transport/tcp_stream.h"
#include "drivers/transport/usb_bulk_stream.h"
#include "shared/technician/device_test_runner.h"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <variant>
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

drivers::SerialSettings serialSettings(const DeviceSetting& device, unsigned defaultBaud);
// Throws std::invalid_argument with the technician's message for a malformed host:port.
drivers::TcpSettings tcpSettings(const DeviceSetting& device, std::uint16_t defaultPort);
// "auto": the descriptor's ids; "vvvv:pppp": that id. Throws std::invalid_argument otherwise.
drivers::UsbBulkSettings usbSettings(const DeviceSetting& device);

DeviceTestResult unsupported(DeviceTest test, const DeviceSetting& device);
std::string seconds(std::chrono::milliseconds ms); // "15 s", "0.5 s"

} // namespace hall::technician::detail
