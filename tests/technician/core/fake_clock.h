#pragma once
// A wall clock the test moves by hand.

#include "shared/technician/clock.h"

#include <memory>

namespace hall::technician::testing {

class FakeClock {
public:
    FakeClock()
        : now_(std::make_shared<TimePoint>(
              std::chrono::sys_days{std::chrono::year{2026} / 11 / 23} + std::chrono::hours{9})) {}
    Clock clock() const {
        return [now = now_] { return *now; };
    }
    TimePoint now() const { return *now_; }
    void advance(std::chrono::seconds by) { *now_ += by; }
    void set(TimePoint to) { *now_ = to; }

private:
    std::shared_ptr<TimePoint> now_;
};

} // namespace hall::technician::testing
