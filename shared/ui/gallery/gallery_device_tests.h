#pragma once
// The gallery's device tests: the gallery drives no hardware (it links no driver), so every
// test answers, plainly and as a failure, that it is not available here and where it is —
// the terminal apps run the same tests on the drivers the settings file names. The menu's
// device pages (choosing a driver, transport and address, writing the settings file) work
// normally; only the test button ends here.

#include "technician/device_test_runner.h"

namespace hall::ui::gallery {

class GalleryDeviceTests : public technician::DeviceTestRunner {
public:
    technician::DeviceTestResult run(technician::DeviceTest test,
                                     const technician::DeviceSetting& device) override;
};

} // namespace hall::ui::gallery
