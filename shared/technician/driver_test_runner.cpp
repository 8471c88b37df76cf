#include "shared/technician/driver_test_runner.h"

#include "shared/technician/terminal_settings.h"

#include <exception>
#include <string>

namespace hall::technician {

DriverTestRunner::DriverTestRunner(DriverTestOptions options) : options_(std::move(options)) {}

DeviceTestResult DriverTestRunner::run(DeviceTest test, const DeviceSetting& device) {
    // A setting that is not valid (unknown driver, a transport it does not speak, a malformed
    // address) never reaches a driver, as in the settings file.
    if (const auto why = validateDevice(device)) return {false, "not tested: " + *why};
    if (drivers::kindRow(device.kind).test != test)
        return {false, std::string(deviceTestName(test)) + " is not a test for a " +
                           std::string(kindKey(device.kind))};
    try {
        switch (test) {
        case DeviceTest::ReadCard:
            return readCardTest(device, options_);
        case DeviceTest::PrintTicket:
            return printTicketTest(device, options_);
        case DeviceTest::PrintPage:
            return printPageTest(device, options_);
        case DeviceTest::LightLedStrip:
            return lightLedStripTest(device, options_);
        case DeviceTest::PlayAnnouncement:
            return playAnnouncementTest(device, options_);
        }
    } catch (const std::exception& e) {
        // Drivers refuse unusable settings with std::invalid_argument and the like; their
        // messages name the setting, never personal data.
        return {false, std::string(deviceTestName(test)) + " failed: " + e.what()};
    }
    return {false, "unknown device test"};
}

} // namespace hall::technician
