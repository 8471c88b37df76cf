#include "shared/ui/gallery/gallery_device_tests.h"

#include "technician/driver_test_runner.h"

#include <cstdlib>
#include <string>

namespace hall::ui::gallery {

technician::DeviceTestResult GalleryDeviceTests::run(technician::DeviceTest test,
                                                     const technician::DeviceSetting& device) {
    const std::string what = std::string(technician::deviceTestName(test)) + " on " +
                             std::string(technician::kindKey(device.kind)) + " (" + device.driver +
                             ")";
    return {false, "the gallery drives no hardware on the mock backend (--mock): " + what +
                       " was not run; start it without --mock to test the device"};
}

std::unique_ptr<technician::DeviceTestRunner> makeHardwareDeviceTests() {
    technician::DriverTestOptions options;
    options.terminalName = "hall-ui-gallery";
    // The pack an installer configured, else the default zh-CN pack the build speaks with
    // espeak-ng (drivers/audio/CMakeLists.txt).
    if (const char* pack = std::getenv("HALL_VOICE_PACK"); pack && *pack)
        options.voicePack = pack;
    else
        options.voicePack = std::string(HALL_VOICE_PACKS_DIR) + "/zh-CN";
    return std::make_unique<technician::DriverTestRunner>(std::move(options));
}

} // namespace hall::ui::gallery
