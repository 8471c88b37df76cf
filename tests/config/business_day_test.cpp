// The business day of an instant, with the hall's real time zone (core::businessDayOf).

#include "shared/tz/system_zone.h"

#include <chrono>
#include <doctest/doctest.h>

using namespace hall;
using namespace std::chrono;

namespace {
core::Timestamp utc(year_month_day date, hours h, minutes m = minutes(0)) {
    return core::Timestamp(sys_days(date) + h + m);
}
core::BusinessDay localDay(year_month_day date) {
    return sys_days(date);
}
} // namespace

TEST_CASE("23:59 and 00:01 in Shanghai are different business days") {
    const auto zone = tz::loadZone("Asia/Shanghai");
    const auto before = utc(2026y / March / 10, hours(15), minutes(59)); // 23:59 local
    const auto after = utc(2026y / March / 10, hours(16), minutes(1));   // 00:01 local, 11th
    CHECK(core::businessDayOf(*zone, before, 0) == localDay(2026y / March / 10));
    CHECK(core::businessDayOf(*zone, after, 0) == localDay(2026y / March / 11));
    // At 08:00 UTC it is already 16:00 in Shanghai: still the same day, not UTC's.
    CHECK(core::businessDayOf(*zone, utc(2026y / March / 10, hours(20)), 0) ==
          localDay(2026y / March / 11));
}

TEST_CASE("with the day starting at 04:00, 02:00 belongs to the previous day") {
    const auto zone = tz::loadZone("Asia/Shanghai");
    const int dayStart = 4 * 60;
    const auto twoAm = utc(2026y / March / 10, hours(18));  // 02:00 local on the 11th
    const auto fiveAm = utc(2026y / March / 10, hours(21)); // 05:00 local on the 11th
    CHECK(core::businessDayOf(*zone, twoAm, dayStart) == localDay(2026y / March / 10));
    CHECK(core::businessDayOf(*zone, fiveAm, dayStart) == localDay(2026y / March / 11));
    CHECK(core::businessDayOf(*zone, twoAm, 0) == localDay(2026y / March / 11));
}

TEST_CASE("the local midnight boundary holds across a DST switch") {
    const auto zone = tz::loadZone("America/New_York");
    // Spring forward on 2026-03-08: the day starts at 00:00 EST (05:00 UTC) and the next one at
    // 00:00 EDT (04:00 UTC on the 9th): a 23-hour business day.
    CHECK(core::businessDayOf(*zone, utc(2026y / March / 8, hours(4), minutes(59)), 0) ==
          localDay(2026y / March / 7));
    CHECK(core::businessDayOf(*zone, utc(2026y / March / 8, hours(5)), 0) ==
          localDay(2026y / March / 8));
    CHECK(core::businessDayOf(*zone, utc(2026y / March / 9, hours(3), minutes(59)), 0) ==
          localDay(2026y / March / 8));
    // 00:30 EDT on the 9th: a fixed UTC-5 offset would still say the 8th.
    CHECK(core::businessDayOf(*zone, utc(2026y / March / 9, hours(4), minutes(30)), 0) ==
          localDay(2026y / March / 9));
    // Fall back on 2026-11-01: a 25-hour day from 04:00 UTC to 05:00 UTC on the 2nd.
    CHECK(core::businessDayOf(*zone, utc(2026y / November / 1, hours(4)), 0) ==
          localDay(2026y / November / 1));
    CHECK(core::businessDayOf(*zone, utc(2026y / November / 2, hours(4), minutes(30)), 0) ==
          localDay(2026y / November / 1));
    CHECK(core::businessDayOf(*zone, utc(2026y / November / 2, hours(5)), 0) ==
          localDay(2026y / November / 2));
}
