#pragma once
// What every terminal thread of the demo shares: the hall's configuration and clock, the
// citizens, the tally, the live log, and the flags that end the day.

#include "shared/core/hall_config.h"
#include "shared/core/time.h"
#include "callstation/halldemo/citizens.h"
#include "callstation/halldemo/demo_tally.h"
#include "callstation/halldemo/demo_time.h"
#include "callstation/halldemo/live_log.h"
#include "callstation/hallsim/sim_profile.h"

#include <atomic>
#include <memory>
#include <string>

namespace hall::demo {

struct DemoHall {
    const core::HallConfig& config;
    std::shared_ptr<const core::TimeZone> zone;
    core::BusinessDay day;
    const sim::SimProfile& profile;
    const DemoTime& time;
    LiveLog& log;
    Citizens& citizens;
    DemoTally& tally;
    const std::atomic<bool>& stop;      // Ctrl-C, or a terminal failed
    std::atomic<bool> issuingOver{false}; // the day's last citizen has been at a machine
    std::atomic<bool> dayOver{false};     // every window has signed out

    // The hall clock's instant of a local minute of the day.
    core::Timestamp local(int minuteOfDay) const {
        return core::localToUtc(*zone, day, minuteOfDay);
    }
    std::string serviceName(const std::string& id) const {
        const auto* service = config.findService(id);
        return service ? service->nameZh : id;
    }
};

} // namespace hall::demo
