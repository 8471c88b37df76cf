#pragma once
// The one registry of supported hardware. Drivers look themselves up here by id; the udev rules
// (packaging) and docs/hardware.md are generated from the same table.

#include "drivers/base/descriptor.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace hall::drivers {

std::span<const DeviceDescriptor> allDescriptors();

// nullptr for an id that is not in the table (a config naming an unknown driver).
const DeviceDescriptor* findDescriptor(std::string_view id);
// For a driver's own id: throws std::logic_error when the table lacks it (a build mistake).
const DeviceDescriptor& requireDescriptor(std::string_view id);

// The descriptor whose USB table lists this vendor/product pair, if any.
const DeviceDescriptor* findByUsbId(std::uint16_t vendor, std::uint16_t product);

// udev rules giving the terminal's service group access to every listed USB device, and telling
// ModemManager to keep its hands off the serial ones.
std::string udevRules(std::string_view group);

// The supported-hardware list, Markdown, one table per device kind.
std::string hardwareListMarkdown();

} // namespace hall::drivers
