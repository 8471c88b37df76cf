#pragma once
// The hall the benchmarks run on: large enough to be realistic (100 windows, 20 services), with
// numbers wide enough that a long run never exhausts a service's numbering.

#include "shared/core/hall_config.h"
#include "shared/core/time.h"

#include <memory>

namespace hall::bench {

// Services s00… with prefixes A…; window w serves three services with weights 3, 2, 1, every
// other window by weighted routing; one clerk per window; no quotas, open all day.
core::HallConfig benchHall(int windows, int services);

std::shared_ptr<const core::TimeZone> benchZone(); // fixed +08:00
core::Timestamp benchMorning();                    // 2026-11-23 08:00 local

} // namespace hall::bench
