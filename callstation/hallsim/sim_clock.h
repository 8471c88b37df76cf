#pragma once
// Local wall-clock times of the simulated day as UTC instants, in the hall's time zone.

#include "core/time.h"

namespace hall::sim {

// The instant at which the hall's clocks show `minuteOfDay` (plus `second`) on `date`. In a
// daylight-saving gap the time is taken with the offset before the gap.
core::Timestamp localToUtc(const core::TimeZone& zone, core::BusinessDay date, int minuteOfDay,
                           int second = 0);

} // namespace hall::sim
