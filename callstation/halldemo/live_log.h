#pragma once
// The demo's live output: one line per event, stamped with the hall clock, written whole even
// when several terminal threads speak at once.

#include "shared/core/time.h"
#include "callstation/halldemo/demo_time.h"

#include <memory>
#include <mutex>
#include <string>

namespace hall::demo {

class LiveLog {
public:
    LiveLog(std::shared_ptr<const core::TimeZone> zone, const DemoTime& time, bool quiet);
    void say(const std::string& line); // nothing when quiet

private:
    std::shared_ptr<const core::TimeZone> zone_;
    const DemoTime& time_;
    bool quiet_;
    std::mutex mutex_;
};

} // namespace hall::demo
