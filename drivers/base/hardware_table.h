#pragma once
// Internal to the registry: the raw table (hardware_table.cpp). Use registry.h.

#include <span>

#include "drivers/base/descriptor.h"

namespace drivers {
std::span<const DeviceDescriptor> hardwareTable();
}
