#include "tests/technician/core/fake_clock.h"
#include "shared/technician/lockout_policy.h"

#include <doctest/doctest.h>

using namespace hall::technician;
using namespace std::chrono_literals;

TEST_CASE("lock lengths double from one minute and stop at one hour") {
    CHECK(LockoutPolicy::lockLengthFor(1) == 60s);
    CHECK(LockoutPolicy::lockLengthFor(2) == 120s);
    CHECK(LockoutPolicy::lockLengthFor(3) == 240s);
    CHECK(LockoutPolicy::lockLengthFor(6) == 1920s);
    CHECK(LockoutPolicy::lockLengthFor(7) == 3600s);
    CHECK(LockoutPolicy::lockLengthFor(1000) == 3600s);
}

TEST_CASE("the fifth failure locks, the lock ends on time and failures count afresh") {
    testing::FakeClock clock;
    LockoutState s;
    for (int i = 1; i <= 4; ++i) {
        CHECK_FALSE(LockoutPolicy::recordFailure(s, clock.now()));
        CHECK(LockoutPolicy::remainingAttempts(s) == 5 - i);
    }
    CHECK(LockoutPolicy::recordFailure(s, clock.now()));
    CHECK(LockoutPolicy::isLocked(s, clock.now()));
    CHECK(LockoutPolicy::remainingAttempts(s) == 0);
    CHECK(s.lockedUntil == clock.now() + 60s);

    clock.advance(59s);
    LockoutPolicy::settle(s, clock.now());
    CHECK(LockoutPolicy::isLocked(s, clock.now()));
    clock.advance(1s);
    LockoutPolicy::settle(s, clock.now());
    CHECK_FALSE(LockoutPolicy::isLocked(s, clock.now()));
    CHECK(LockoutPolicy::remainingAttempts(s) == 5);
    CHECK(s.lockouts == 1);
}

TEST_CASE("a clock set back does not stretch a lock beyond its length") {
    testing::FakeClock clock;
    LockoutState s;
    for (int i = 0; i < 5; ++i)
        LockoutPolicy::recordFailure(s, clock.now());
    clock.advance(-24h);
    LockoutPolicy::settle(s, clock.now());
    CHECK(s.lockedUntil == clock.now() + 60s);
}

TEST_CASE("the right PIN resets failures and escalation") {
    testing::FakeClock clock;
    LockoutState s;
    for (int i = 0; i < 5; ++i)
        LockoutPolicy::recordFailure(s, clock.now());
    clock.advance(61s);
    LockoutPolicy::settle(s, clock.now());
    LockoutPolicy::recordFailure(s, clock.now());
    LockoutPolicy::recordSuccess(s);
    CHECK(s == LockoutState{});
}
