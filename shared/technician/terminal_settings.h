#pragma once
// The settings a technician changes on a terminal: the controller's address and, per device
// kind, which driver reaches the device and where (serial port, USB id, host:port, CUPS queue,
// ALSA device). Validated against the drivers' hardware table (drivers/base/registry.h), so a
// driver id the build does not know, or a transport the driver does not speak, never reaches a
// driver.

#include "drivers/base/descriptor.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hall::technician {

struct DeviceSetting {
    drivers::DeviceKind kind = drivers::DeviceKind::IdCardReader;
    std::string driver; // a hardware-table id: "idcard.sam-serial"
    drivers::Transport transport = drivers::Transport::Serial;
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

struct TerminalSettings {
    std::string controllerAddress;      // host:port; empty until set
    std::vector<DeviceSetting> devices; // at most one per kind, in table order

    const DeviceSetting* device(drivers::DeviceKind kind) const;
    bool operator==(const TerminalSettings&) const = default;
};

// Settings keys: "id_card_reader", "ticket_printer", … and "serial", "usb", "tcp", ….
std::string_view kindKey(drivers::DeviceKind kind);
std::optional<drivers::DeviceKind> kindFromKey(std::string_view key);
std::string_view transportKey(drivers::Transport transport);
std::optional<drivers::Transport> transportFromKey(std::string_view key);
const std::vector<drivers::DeviceKind>& allKinds();

// Why a value is refused (English, for the technician and the audit), or nullopt when valid.
std::optional<std::string> validateAddressFor(drivers::Transport transport,
                                              std::string_view address);
std::optional<std::string> validateDevice(const DeviceSetting& device);
std::optional<std::string> validateControllerAddress(std::string_view address);
std::optional<std::string> validateSettings(const TerminalSettings& settings);

// One line for the audit: "ticket_printer: printer.escpos-usb usb auto → printer.escpos-tcp tcp
// 10.0.0.5:9100". Settings hold no secrets and no personal data.
std::string describeDevice(const DeviceSetting& device);

} // namespace hall::technician
