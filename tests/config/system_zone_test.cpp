// The system time zone against the installed tzdata.

#include "shared/tz/system_zone.h"

#include <chrono>
#include <doctest/doctest.h>
#include <stdexcept>
#include <string>

using namespace hall;
using namespace std::chrono;

namespace {
core::Timestamp utc(year_month_day date, hours h = hours(0), minutes m = minutes(0)) {
    return core::Timestamp(sys_days(date) + h + m);
}
} // namespace

TEST_CASE("Asia/Shanghai is UTC+8 all year") {
    const auto zone = tz::loadZone("Asia/Shanghai");
    CHECK(zone->name() == "Asia/Shanghai");
    for (unsigned m = 1; m <= 12; ++m) {
        CAPTURE(m);
        CHECK(zone->offsetAt(utc(year(2026) / month(m) / 15)) == hours(8));
    }
}

TEST_CASE("America/New_York changes offset across daylight saving time") {
    const auto zone = tz::loadZone("America/New_York");
    CHECK(zone->offsetAt(utc(2026y / January / 15)) == hours(-5));
    CHECK(zone->offsetAt(utc(2026y / July / 15)) == hours(-4));
    // 2026-03-08 02:00 EST becomes 03:00 EDT, i.e. at 07:00 UTC.
    CHECK(zone->offsetAt(utc(2026y / March / 8, hours(6), minutes(59))) == hours(-5));
    CHECK(zone->offsetAt(utc(2026y / March / 8, hours(7))) == hours(-4));
    // 2026-11-01 02:00 EDT falls back to 01:00 EST, at 06:00 UTC.
    CHECK(zone->offsetAt(utc(2026y / November / 1, hours(5), minutes(59))) == hours(-4));
    CHECK(zone->offsetAt(utc(2026y / November / 1, hours(6))) == hours(-5));
}

TEST_CASE("an unknown zone is refused by name") {
    try {
        (void)tz::loadZone("Atlantis/Capital");
        FAIL("no exception");
    } catch (const std::invalid_argument& e) {
        CHECK(std::string(e.what()).find("Atlantis/Capital") != std::string::npos);
    }
    CHECK_THROWS_AS((void)tz::loadZone(""), std::invalid_argument);
}
