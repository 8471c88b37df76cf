#pragma once
// Internal to the registry: the raw table (hardware_table.cpp). Use registry.h.

#include "drivers/base/descriptor.h"

#include <span>

namespace hall::drivers {
std::span<const DeviceDescriptor> hardwareTable();
}
