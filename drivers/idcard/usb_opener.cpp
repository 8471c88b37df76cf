#include "drivers/idcard/usb_opener.h"

#include <cstdio>
#include <stdexcept>

namespace hall::drivers::idcard {

StreamOpener usbStreamOpener(UsbBulkSettings settings) {
    if (settings.ids.empty() && !settings.at)
        throw std::invalid_argument("USB ID-card reader configured with neither an id (VID:PID) "
                                    "nor a bus address: name one "
                                    "in the configuration");
    return [settings = std::move(settings)]() -> std::unique_ptr<ByteStream> {
        return std::make_unique<UsbBulkStream>(settings);
    };
}

std::string usbPortName(const UsbBulkSettings& settings) {
    if (!settings.at) return "usb";
    char buf[16];
    std::snprintf(buf, sizeof buf, "usb:%03u/%03u", static_cast<unsigned>(settings.at->bus),
                  static_cast<unsigned>(settings.at->address));
    return buf;
}

} // namespace hall::drivers::idcard
