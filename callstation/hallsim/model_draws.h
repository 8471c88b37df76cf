#pragma once
// The random draws of the citizen and clerk model, shared by hallsim (which drives the engine
// directly) and halldemo (which drives the controller through terminals): how long a visit
// takes, and how a citizen rates it.

#include "shared/core/commands.h"
#include "shared/core/hall_config.h"
#include "shared/core/time.h"
#include "callstation/hallsim/sim_profile.h"

#include <random>
#include <string>

namespace hall::sim {

core::Millis secondsBetween(std::mt19937_64& rng, int lo, int hi); // uniform, whole seconds
bool chance(std::mt19937_64& rng, double p);

// Log-normal around the service's median, kept between one minute and six medians.
core::Millis serviceTime(const SimProfile& profile, const std::string& serviceId,
                         std::mt19937_64& rng);

// A citizen's rating of ticket `id` by the profile's mix; a bad one names one or two of the
// hall's reasons and sometimes carries a comment (never personal data).
core::Rate citizenRating(core::TicketId id, const core::EvaluationPolicy& policy,
                         const SimProfile& profile, std::mt19937_64& rng);

} // namespace hall::sim
