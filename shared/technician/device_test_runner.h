#pragma once
// The device tests of the technician menu, run by the app on the configured hardware: read a
// card, print a test ticket, light an LED strip, play an announcement. The menu calls run() on a
// worker thread, never on the UI thread, since device I/O blocks (PC/SC, USB, CUPS).

#include "shared/technician/terminal_settings.h"

#include <string>

namespace hall::technician {

// The tests, their names and which kind gets which: the kinds' table
// (drivers/base/device_kinds.h).
using drivers::DeviceTest;
using drivers::deviceTestName;

struct DeviceTestResult {
    bool ok = false;
    // English, shown to the technician and audited. Never personal data: a card test reports
    // "card read (resident ID card)", not the name or number on it.
    std::string message;
};

class DeviceTestRunner {
public:
    virtual ~DeviceTestRunner() = default;
    // Blocking, on a worker thread; bounded by the runner's own timeouts (a card test waits for a
    // card some seconds at most). Exceptions are reported as a failed test.
    virtual DeviceTestResult run(DeviceTest test, const DeviceSetting& device) = 0;
};

} // namespace hall::technician
