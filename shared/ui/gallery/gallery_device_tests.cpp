#include "shared/ui/gallery/gallery_device_tests.h"

#include <string>

namespace hall::ui::gallery {

technician::DeviceTestResult GalleryDeviceTests::run(technician::DeviceTest test,
                                                     const technician::DeviceSetting& device) {
    const std::string what = std::string(technician::deviceTestName(test)) + " on " +
                             std::string(technician::kindKey(device.kind)) + " (" + device.driver +
                             ")";
    return {false,
            "no device tests are available in the UI gallery, which drives no hardware: " + what +
                " runs in the terminal app that owns the device (kiosk, ticket "
                "machine, window pad, call board)"};
}

} // namespace hall::ui::gallery
