#pragma once
// A token bucket: `perSecond` requests on average, bursts of up to `burst`. A terminal replaying
// its outbox after a reconnect sends a burst; a broken one sending in a loop is held to the rate.

#include <algorithm>
#include <chrono>

namespace hall::controller {

class RateLimiter {
public:
    using Clock = std::chrono::steady_clock;
    RateLimiter(double perSecond, double burst, Clock::time_point now)
        : perSecond_(perSecond), burst_(burst), tokens_(burst), last_(now) {}

    bool allow(Clock::time_point now) {
        const std::chrono::duration<double> elapsed = now - last_;
        last_ = now;
        tokens_ = std::min(burst_, tokens_ + elapsed.count() * perSecond_);
        if (tokens_ < 1.0) return false;
        tokens_ -= 1.0;
        return true;
    }

private:
    double perSecond_;
    double burst_;
    double tokens_;
    Clock::time_point last_;
};

} // namespace hall::controller
