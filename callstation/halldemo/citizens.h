#pragma once
// The simulated citizens behind the demo's tickets, shared by the terminal threads: decided when
// a ticket is issued (hall_sim's profile: some never come, some come late, some give up, most
// rate) and looked up when a clerk calls the number. This is the demo's "world"; the controller
// knows nothing of it and hears only what the terminals send.

#include "shared/core/ticket.h"
#include "shared/core/time.h"
#include "callstation/hallsim/sim_profile.h"

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <random>

namespace hall::demo {

class Citizens {
public:
    Citizens(sim::SimProfile profile, std::uint64_t seed);

    // The citizen of ticket `id` took it at `now`; returns when they will give up waiting, if
    // they are the impatient kind.
    std::optional<core::Timestamp> arrive(core::TicketId id, core::Timestamp now);
    // Whether the citizen stands at the window when called at `now`. A ticket the demo did not
    // issue (an admin's, from hallctl) has a citizen who is always there.
    bool presentAt(core::TicketId id, core::Timestamp now) const;
    bool rates(core::TicketId id) const;

private:
    struct Citizen {
        core::Timestamp presentFrom;
        bool rates = false;
    };
    const sim::SimProfile profile_;
    mutable std::mutex mutex_;
    std::mt19937_64 rng_;
    std::map<core::TicketId, Citizen> citizens_;
};

} // namespace hall::demo
