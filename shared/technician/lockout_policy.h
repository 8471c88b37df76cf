#pragma once
// When wrong PINs lock the technician menu. Five wrong PINs in a row lock it for one minute;
// each further lockout doubles the time, up to one hour. Only the right PIN resets the
// escalation, so an attacker who waits out each lockout still gets five guesses per hour at best.
// Pure rules on a state value: the caller persists the state and supplies the time.

#include "shared/technician/clock.h"

#include <chrono>
#include <optional>

namespace hall::technician {

struct LockoutState {
    int failures = 0; // wrong PINs since the last success or the end of the last lockout
    int lockouts = 0; // lockouts since the last right PIN; drives the doubling
    std::optional<TimePoint> lockedUntil;
    std::chrono::seconds lockLength{0}; // of the current (or last) lockout

    bool operator==(const LockoutState&) const = default;
};

class LockoutPolicy {
public:
    static constexpr int kMaxFailures = 5;
    static constexpr std::chrono::seconds kFirstLock{60};
    static constexpr std::chrono::seconds kLongestLock{3600};

    // The length of the n-th lockout (n ≥ 1): 1, 2, 4, … minutes, never more than an hour.
    static std::chrono::seconds lockLengthFor(int lockoutNumber);

    // Ends a lockout whose time has passed (failures start again from zero). If the wall clock
    // was set back so that more than the whole lock length seems to remain, the lock is
    // re-anchored to run its full length from now: never longer, never shorter.
    static void settle(LockoutState& state, TimePoint now);

    static bool isLocked(const LockoutState& state, TimePoint now);
    static int remainingAttempts(const LockoutState& state);

    // Counts one wrong PIN; true when this failure started a lockout.
    static bool recordFailure(LockoutState& state, TimePoint now);
    static void recordSuccess(LockoutState& state);
};

} // namespace hall::technician
