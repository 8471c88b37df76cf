#include "shared/technician/lockout_policy.h"

#include <algorithm>

namespace hall::technician {

std::chrono::seconds LockoutPolicy::lockLengthFor(int lockoutNumber) {
    auto length = kFirstLock;
    for (int n = 1; n < lockoutNumber && length < kLongestLock; ++n)
        length *= 2;
    return std::min(length, kLongestLock);
}

void LockoutPolicy::settle(LockoutState& state, TimePoint now) {
    if (!state.lockedUntil) return;
    if (now >= *state.lockedUntil) {
        state.lockedUntil.reset();
        state.failures = 0;
        return;
    }
    const auto longest = std::max(state.lockLength, kFirstLock);
    if (*state.lockedUntil - now > longest) state.lockedUntil = now + longest;
}

bool LockoutPolicy::isLocked(const LockoutState& state, TimePoint now) {
    return state.lockedUntil && now < *state.lockedUntil;
}

int LockoutPolicy::remainingAttempts(const LockoutState& state) {
    return std::max(0, kMaxFailures - state.failures);
}

bool LockoutPolicy::recordFailure(LockoutState& state, TimePoint now) {
    ++state.failures;
    if (state.failures < kMaxFailures) return false;
    ++state.lockouts;
    state.lockLength = lockLengthFor(state.lockouts);
    state.lockedUntil = now + state.lockLength;
    return true;
}

void LockoutPolicy::recordSuccess(LockoutState& state) {
    state = LockoutState{};
}

} // namespace hall::technician
