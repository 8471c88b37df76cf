// Local clock readings of the simulated day to UTC instants and back, with real zones.

#include "shared/core/time.h"
#include "shared/tz/system_zone.h"

#include <doctest/doctest.h>

using namespace hall;
using namespace std::chrono;

TEST_CASE("local times round-trip through UTC") {
    for (const char* name : {"Asia/Shanghai", "America/New_York", "Europe/Berlin"}) {
        const auto zone = tz::loadZone(name);
        // Include the days of the DST switches in New York (2026-03-08, 2026-11-01).
        for (auto date :
             {2026y / January / 5, 2026y / March / 8, 2026y / July / 1, 2026y / November / 1}) {
            for (int minute : {0, 8 * 60 + 30, 12 * 60, 23 * 60 + 59}) {
                CAPTURE(name);
                CAPTURE(minute);
                const auto t = core::localToUtc(*zone, sys_days(date), minute, 15);
                const auto back = core::toLocal(*zone, t);
                CHECK(back.date == sys_days(date));
                CHECK(back.minuteOfDay == minute);
            }
        }
    }
}

TEST_CASE("08:30 in Shanghai is 00:30 UTC") {
    const auto zone = tz::loadZone("Asia/Shanghai");
    const auto t = core::localToUtc(*zone, sys_days(2026y / November / 23), 8 * 60 + 30);
    CHECK(t == core::Timestamp(sys_days(2026y / November / 23) + minutes(30)));
}
