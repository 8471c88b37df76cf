#pragma once
// Which driver reaches one device of a terminal, and where: one entry of the terminal's settings
// file (shared/technician/settings_file.h), from which the device is built
// (drivers/kinds/device_factory.h).

#include "drivers/base/descriptor.h"

#include <optional>
#include <string>

namespace hall::drivers {

struct DeviceSetting {
    DeviceKind kind = DeviceKind::IdCardReader;
    std::string driver; // a hardware-table id: "idcard.sam-serial"
    Transport transport = Transport::Serial;
    // Where, by transport:
    //   serial  a device node under /dev/ ("/dev/ttyUSB0", "/dev/serial/by-id/…")
    //   usb     "auto" (first device with an id the table lists) or "vvvv:pppp" (hex USB id)
    //   tcp     host:port ("192.168.1.50:9100")
    //   cups    a CUPS queue name ("ticket")
    //   audio   an ALSA device ("default", "hw:1,0", "plughw:CARD=PCH,DEV=0")
    //   pcsc    "auto" (first reader) or the reader name as pcscd lists it
    //   evdev   "auto" (by USB id) or an input node under /dev/input/
    std::string address;
    std::optional<int> baud; // serial only: 1200 … 115200

    bool operator==(const DeviceSetting&) const = default;
};

} // namespace hall::drivers
