#include "callstation/halldemo/demo_time.h"

#include <algorithm>
#include <thread>

namespace hall::demo {

using namespace std::chrono;

DemoTime::DemoTime(core::Timestamp hallNow, steady_clock::time_point wallAt, double speed)
    : hallAnchor_(hallNow), wallAnchor_(wallAt), speed_(speed) {}

core::Timestamp DemoTime::now() const {
    const duration<double> wall = steady_clock::now() - wallAnchor_;
    return hallAnchor_ + duration_cast<core::Millis>(wall * speed_);
}

steady_clock::duration DemoTime::wallFor(core::Millis hall) const {
    return duration_cast<steady_clock::duration>(duration<double>(hall) / speed_);
}

bool DemoTime::sleepUntil(core::Timestamp t, const std::atomic<bool>& stop) const {
    const auto wake = wallAnchor_ + wallFor(t - hallAnchor_);
    // In slices, so that Ctrl-C is answered within a tenth of a second.
    while (!stop.load()) {
        const auto left = wake - steady_clock::now();
        if (left <= steady_clock::duration::zero()) return true;
        std::this_thread::sleep_for(std::min<steady_clock::duration>(left, milliseconds(100)));
    }
    return false;
}

} // namespace hall::demo
