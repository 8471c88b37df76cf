#include "shared/ui/app/device_tests.h"

#include "shared/technician/driver_test_runner.h"

#include <cstdlib>
#include <string>

namespace hall::ui {

technician::DeviceTestResult MockDeviceTests::run(technician::DeviceTest test,
                                                     const technician::DeviceSetting& device) {
    const std::string what = std::string(technician::deviceTestName(test)) + " on " +
                             std::string(technician::kindKey(device.kind)) + " (" + device.driver +
                             ")";
    return {false, "no hardware is driven on the mock backend (--mock): " + what +
                       " was not run; start it without --mock to test the device"};
}

std::unique_ptr<technician::DeviceTestRunner> makeHardwareDeviceTests(std::string terminalName) {
    technician::DriverTestOptions options;
    options.terminalName = std::move(terminalName);
    // The pack an installer configured, else the default zh-CN pack the build speaks with
    // espeak-ng (drivers/audio/CMakeLists.txt).
    if (const char* pack = std::getenv("HALL_VOICE_PACK"); pack && *pack)
        options.voicePack = pack;
    else
        options.voicePack = std::string(HALL_VOICE_PACKS_DIR) + "/zh-CN";
    return std::make_unique<technician::DriverTestRunner>(std::move(options));
}

} // namespace hall::ui
