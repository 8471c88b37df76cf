#pragma once
// The day report's two main tables — volume and satisfaction, wait and service times — per
// service, for the hall and per window. A row is already text: hallsim fills it from the
// engine's statistics, halldemo from the controller's REST report; both print the same tables.

#include "shared/core/hall_config.h"

#include <array>
#include <string>
#include <vector>

namespace hall::sim {

inline constexpr int kReportNameWidth = 26;

struct ReportRow {
    std::string name;
    bool separator = false; // a rule instead of a row
    std::string issued, served, noShow, transferred, cancelled, satisfaction, badRatings;
    // Wait p50 / p90 / max, then service p50 / p90 / max, as "m:ss" (or "—").
    std::array<std::string, 6> times;
};
ReportRow separatorRow();

std::string volumeTable(const std::vector<ReportRow>& rows);
std::string timeTable(const std::vector<ReportRow>& rows);

// Row names: "A 社保业务", " 3 号 医保窗口".
std::string serviceRowName(const core::Service& service);
std::string windowRowName(const core::Window& window);

// The five 好差评 levels, best first: count, share and a bar. Empty when nobody rated.
// `counts` by level - 1 (非常不满意 … 非常满意).
std::string ratingLines(const std::array<int, 5>& counts);

std::string rule(int width);        // ──── of `width` columns
std::string percent(double share);  // "90.2%"
// A horizontal bar of `value / max` × `width` columns, in eighths of a block.
std::string bar(double value, double max, int width);

} // namespace hall::sim
