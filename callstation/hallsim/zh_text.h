#pragma once
// Chinese wording shared by the live log and the report.

#include "shared/core/result.h"
#include "shared/core/time.h"

#include <string>
#include <vector>

namespace hall::sim {

std::string durationZh(core::Millis d);      // "45 秒", "6 分 12 秒", "1 小时 05 分"
std::string durationClock(core::Millis d);   // "6:12", "1:05:00" (report columns)
std::string refusalZh(const core::Error& e); // why a ticket was not issued
std::string greenCategoryZh(const std::string& category); // elderly → 老年人
std::string join(const std::vector<std::string>& parts, const std::string& separator);
std::size_t codePoints(const std::string& utf8);

} // namespace hall::sim
