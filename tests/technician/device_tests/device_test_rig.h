#pragma once
// What the device-test suites share: runner options with timings short enough for twins that
// answer at once, and settings for a device at a twin's address.

#include "shared/technician/driver_test_runner.h"

#include <chrono>
#include <string>

namespace hall::testing {

inline technician::DriverTestOptions fastTestOptions() {
    using namespace std::chrono_literals;
    technician::DriverTestOptions o;
    o.openTimeout = 3s;
    o.cardTimeout = 2s;
    o.printTimeout = 5s;
    o.ledTimeout = 5s;
    o.announceTimeout = 15s;
    o.cardPollInterval = 20ms;
    o.terminalName = "Ticket machine 2";
    return o;
}

inline technician::DeviceSetting setting(drivers::DeviceKind kind, std::string driver,
                                         drivers::Transport transport, std::string address,
                                         std::optional<int> baud = std::nullopt) {
    return {kind, std::move(driver), transport, std::move(address), baud};
}

} // namespace hall::testing
