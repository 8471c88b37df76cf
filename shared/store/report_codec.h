#pragma once
// A day's statistics as the JSON text of a daily_reports row. Histograms are stored as their
// sparse buckets plus the exact maximum, so reports of several days can still be merged:
//
//   {"day":"2026-11-23",
//    "hall":{"issued":412,"served":398,"no_show":9,"transferred":3,"cancelled":2,
//            "wait":{"buckets":[[0,12],[1,30],…],"max_ms":1830000},"service":{…},
//            "ratings":[1,2,10,80,200],"automatic_ratings":0,"arrivals_by_hour":[0,…,0]},
//    "services":{"A":{…}}, "windows":{"3":{…}}, "staff":{"s01":{…}}}
//
// ratings[i] counts level i + 1 (非常不满意 first); arrivals_by_hour has the 24 local hours.

#include "shared/core/statistics.h"

#include <string>
#include <string_view>

namespace hall::store {

std::string encodeReport(const core::DayStatistics& report);
// Throws StoreError on malformed text.
core::DayStatistics decodeReport(std::string_view text);

} // namespace hall::store
