#pragma once
// The device tests of the technician menu, run by the app on the configured hardware: read a
// card, print a test ticket, light an LED strip, play an announcement. The menu calls run() on a
// worker thread, never on the UI thread, since device I/O blocks (PC/SC, USB, CUPS).

#include "shared/technician/terminal_settings.h"

#include <optional>
#include <string>
#include <string_view>

namespace hall::technician {

enum class DeviceTest {
    ReadCard,      // ID-card / smart-card reader / scanner: wait for a card or code
    PrintTicket,   // ticket printer: a test ticket; document printer: a test page
    LightLedStrip, // LED strip: a test text on every unit
    PlayAnnouncement,
};

std::string_view deviceTestName(DeviceTest test);
// The test the menu offers for a device kind (keypads have none: nullopt).
std::optional<DeviceTest> testFor(drivers::DeviceKind kind);

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
