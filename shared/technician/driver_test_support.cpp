#include "shared/technician/driver_test_support.h"

#include "drivers/base/device_kinds.h"

#include <cstdio>

namespace hall::technician::detail {

drivers::DeviceEventSink DeviceWatch::sink() {
    return [this](const drivers::DeviceEvent& e) {
        {
            std::lock_guard lock(mutex_);
            events_.push_back(e);
        }
        cv_.notify_all();
    };
}

void DeviceWatch::note(const std::function<void()>& f) {
    {
        std::lock_guard lock(mutex_);
        f();
    }
    cv_.notify_all();
}

bool DeviceWatch::waitFor(std::chrono::milliseconds timeout, const std::function<bool()>& done) {
    std::unique_lock lock(mutex_);
    return cv_.wait_for(lock, timeout, done);
}

std::optional<drivers::DeviceError> DeviceWatch::lastLineError() const {
    std::lock_guard lock(mutex_);
    for (auto it = events_.rbegin(); it != events_.rend(); ++it)
        if (!it->unit && it->error) return it->error;
    return std::nullopt;
}

bool DeviceWatch::seen(drivers::DeviceEventType type) const {
    for (const auto& e : events_)
        if (e.type == type) return true;
    return false;
}

bool DeviceWatch::waitOpened(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    cv_.wait_for(lock, timeout, [&] {
        for (const auto& e : events_)
            if (e.type == drivers::DeviceEventType::Opened ||
                (e.type == drivers::DeviceEventType::Lost && !e.unit))
                return true;
        return false;
    });
    return seen(drivers::DeviceEventType::Opened);
}

std::string errorText(const drivers::DeviceError& error) {
    return error.message.empty() ? error.code : error.message + " (" + error.code + ")";
}

std::string seconds(std::chrono::milliseconds ms) {
    char text[32];
    if (ms.count() % 1000 == 0)
        std::snprintf(text, sizeof text, "%lld s", static_cast<long long>(ms.count() / 1000));
    else
        std::snprintf(text, sizeof text, "%.1f s", static_cast<double>(ms.count()) / 1000.0);
    return text;
}

std::string openFailure(const DeviceWatch& watch, const std::string& what,
                        std::chrono::milliseconds waited) {
    if (const auto error = watch.lastLineError())
        return what + " did not answer: " + errorText(*error);
    return what + " did not answer within " + seconds(waited);
}

drivers::DeviceOptions deviceOptions(const DeviceSetting& device,
                                     const DriverTestOptions& options) {
    drivers::DeviceOptions o;
    if (!options.cupsServer.empty()) o.cups.server = {options.cupsServer, 631};
    o.cups.follow.jobTimeout = options.printTimeout;
    o.idCardReader.pollInterval = options.cardPollInterval;
    o.ledStrips.addresses = options.ledUnits;
    // One look at each unit is the test; no background probing while the technician waits.
    o.ledStrips.probe = {options.ledTimeout, options.ledTimeout};
    o.ledStrips.keepAlive = options.ledTimeout * 2;
    o.announcer.render.repeats = 1;
    if (options.audioSink) o.audioSink = options.audioSink(device);
    return o;
}

std::string describe(const DeviceSetting& device) {
    const std::string kind(drivers::kindName(device.kind));
    switch (device.transport) {
    case drivers::Transport::Serial:
        return kind + " on " + device.address;
    case drivers::Transport::Tcp:
        return kind + " at " + device.address;
    case drivers::Transport::Usb:
        return kind + " on USB (" + device.address + ")";
    case drivers::Transport::Evdev:
        return kind + " in keyboard mode (" + device.address + ")";
    case drivers::Transport::Cups:
        return kind + " on CUPS queue " + device.address;
    case drivers::Transport::Audio:
        return kind + " on sound device " + device.address;
    case drivers::Transport::PcSc:
        break;
    }
    return device.address == "auto" ? kind + " (first PC/SC reader)"
                                    : kind + " \"" + device.address + "\"";
}

std::optional<DeviceTestResult> notAvailable(DeviceTest test, const DeviceSetting& device) {
    if (drivers::kindRow(device.kind).test == test) return std::nullopt;
    return DeviceTestResult{
        false, std::string(deviceTestName(test)) + " is not available for " + device.driver +
                   " over " + std::string(transportKey(device.transport)) + " in this build"};
}

} // namespace hall::technician::detail
