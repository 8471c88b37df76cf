#pragma once
// The wall clock, injected so that lockout timing is tested without waiting. Wall time (not a
// steady clock) because a lockout must outlive a reboot, and steady clocks restart at boot.

#include <chrono>
#include <functional>

namespace hall::technician {

using TimePoint = std::chrono::system_clock::time_point;
using Clock = std::function<TimePoint()>;

inline Clock systemClock() {
    return [] { return std::chrono::system_clock::now(); };
}

} // namespace hall::technician
