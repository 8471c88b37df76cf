#pragma once
// The day's report as the controller's REST API gives it (GET /api/v1/reports, JSON), printed
// with the same tables as hallsim's report.

#include "shared/core/hall_config.h"

#include <nlohmann/json.hpp>

#include <string>

namespace hall::demo {

// `byService`, `byWindow` and `byHall` are the answers for by=service, by=window and by=hall.
std::string formatReport(const core::HallConfig& config, const nlohmann::json& byService,
                         const nlohmann::json& byWindow, const nlohmann::json& byHall);

// The hall row's counts, for the cross-check against what the terminals did; a zero row when the
// day has no data.
nlohmann::json hallRow(const nlohmann::json& byHall);

} // namespace hall::demo
