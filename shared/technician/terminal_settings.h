#pragma once
// The settings a technician changes on a terminal: the controller's address and, per device
// kind, which driver reaches the device and where (serial port, USB id, host:port, CUPS queue,
// ALSA device). Validated against the drivers' hardware table (drivers/base/registry.h), so a
// driver id the build does not know, or a transport the driver does not speak, never reaches a
// driver.

#include "drivers/base/device_kinds.h"
#include "drivers/base/device_setting.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hall::technician {

using drivers::DeviceSetting;
using drivers::kindKey;
using drivers::transportFromKey;
using drivers::transportKey;

struct TerminalSettings {
    std::string controllerAddress;      // host:port; empty until set
    std::vector<DeviceSetting> devices; // at most one per kind, in table order

    const DeviceSetting* device(drivers::DeviceKind kind) const;
    bool operator==(const TerminalSettings&) const = default;
};

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
