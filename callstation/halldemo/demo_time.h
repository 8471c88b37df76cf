#pragma once
// The demo's view of the hall clock. callstationd runs on a scaled clock (--demo-clock), so a
// hall day passes in seconds; the demo's terminals act at simulated instants and must sleep until
// the hall's clock reaches them. The mapping is calibrated once against the daemon's own clock
// (GET /api/v1/status → now_ms), so both agree to within a fraction of a round trip times the
// speed.

#include "shared/core/time.h"

#include <atomic>
#include <chrono>

namespace hall::demo {

class DemoTime {
public:
    // `hallNow` was read from the daemon at `wallAt` (the middle of the request's round trip).
    DemoTime(core::Timestamp hallNow, std::chrono::steady_clock::time_point wallAt, double speed);

    core::Timestamp now() const;
    double speed() const { return speed_; }
    // Real time a stretch of hall time takes.
    std::chrono::steady_clock::duration wallFor(core::Millis hall) const;
    // Sleeps until the hall clock reads `t`; returns false early when `stop` is set.
    bool sleepUntil(core::Timestamp t, const std::atomic<bool>& stop) const;
    bool sleepFor(core::Millis hall, const std::atomic<bool>& stop) const {
        return sleepUntil(now() + hall, stop);
    }

private:
    core::Timestamp hallAnchor_;
    std::chrono::steady_clock::time_point wallAnchor_;
    double speed_;
};

} // namespace hall::demo
