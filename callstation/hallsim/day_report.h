#pragma once
// The day's report as terminal text, from the engine's statistics: per service and per window
// the counts, wait and service times (p50 / p90 / max), satisfaction, and the hourly arrival
// curve. Columns are aligned by display width (a Chinese character takes two columns) and the
// report fits 80 columns.

#include "shared/core/hall_config.h"
#include "shared/core/statistics.h"

#include <string>

namespace hall::sim {

std::string formatDayReport(const core::HallConfig& config, const core::DayStatistics& stats);

} // namespace hall::sim
