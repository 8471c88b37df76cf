#include "hallsim/sim_clock.h"

namespace hall::sim {

core::Timestamp localToUtc(const core::TimeZone& zone, core::BusinessDay date, int minuteOfDay,
                           int second) {
    using namespace std::chrono;
    // The offset depends on the instant we are looking for: start from the offset at the local
    // reading taken as UTC, then correct once with the offset at the first guess (offsets
    // change at most twice a year, so two steps settle).
    const core::Timestamp local{sys_days(date) + minutes(minuteOfDay) + seconds(second)};
    const auto guess = local - zone.offsetAt(local);
    const auto refined = local - zone.offsetAt(guess);
    return local - zone.offsetAt(refined) == refined ? refined : guess;
}

} // namespace hall::sim
