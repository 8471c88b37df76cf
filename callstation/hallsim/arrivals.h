#pragma once
// The day's citizens: when each one comes to a ticket machine and for what. Per service, the
// number of arrivals in each minute is Poisson with a mean that follows the day's intensity
// curve (arrivalIntensity) scaled to the demand the windows can carry.

#include "shared/core/commands.h"
#include "shared/core/hall_config.h"
#include "callstation/hallsim/sim_profile.h"

#include <random>
#include <vector>

namespace hall::sim {

struct Arrival {
    core::Timestamp at;
    core::IssueTicket request; // service, priority, source device, person key
    bool triesTwice = false;   // asks for a second ticket of the same service later
};

// Expected tickets per day for a service: the windows' capacity for it (a window shares its
// time between its services by weight) times the profile's utilisation, capped near the quota.
double expectedDailyDemand(const core::HallConfig& config, const core::Service& service,
                           const SimProfile& profile);

// Arrivals of one business day in time order. Citizens who come shortly before a service opens
// (in the morning or after lunch) wait at the machine and take their ticket at opening time.
std::vector<Arrival> planArrivals(const core::HallConfig& config, const core::TimeZone& zone,
                                  core::BusinessDay day, const SimProfile& profile,
                                  std::mt19937_64& rng);

} // namespace hall::sim
