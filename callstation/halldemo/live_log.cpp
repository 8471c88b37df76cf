#include "callstation/halldemo/live_log.h"

#include <cstdio>

namespace hall::demo {

LiveLog::LiveLog(std::shared_ptr<const core::TimeZone> zone, const DemoTime& time, bool quiet)
    : zone_(std::move(zone)), time_(time), quiet_(quiet) {}

void LiveLog::say(const std::string& line) {
    if (quiet_) return;
    const std::string stamped = core::formatLocalClock(*zone_, time_.now()) + "  " + line + "\n";
    std::lock_guard lock(mutex_);
    std::fputs(stamped.c_str(), stdout);
    std::fflush(stdout);
}

} // namespace hall::demo
