#pragma once
// The technician menu's device tests, by backend (TerminalApp picks one):
//   real mode   the technician menu's tests on real hardware (DriverTestRunner,
//               shared/technician/driver_test_runner.h): the devices the settings file names,
//               through the drivers, with the voice pack the build generates (or
//               $HALL_VOICE_PACK) for the announcement;
//   --mock      MockDeviceTests: the mock backend is for screens, not for a box with devices,
//               so every test answers, plainly and as a failure, that no hardware is driven in
//               this mode. The menu's device pages (driver, transport and address, written to
//               the settings file) work normally; only the test button ends here.

#include "shared/technician/device_test_runner.h"

#include <memory>
#include <string>

namespace hall::ui {

class MockDeviceTests : public technician::DeviceTestRunner {
public:
    technician::DeviceTestResult run(technician::DeviceTest test,
                                     const technician::DeviceSetting& device) override;
};

// The real-mode runner; `terminalName` is printed on test tickets and pages.
std::unique_ptr<technician::DeviceTestRunner> makeHardwareDeviceTests(std::string terminalName);

} // namespace hall::ui
