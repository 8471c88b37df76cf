#pragma once
// Random halls and random commands for the invariant suite: mostly plausible operations on a
// small hall (so that tickets really flow through every state), with a share of wrong ones
// (unknown ids, busy windows, bad reasons) that the engine must refuse without changing.

#include "shared/core/engine.h"
#include "tests/core/random/rng.h"

#include <chrono>
#include <string>
#include <vector>

namespace hall::core::testing {

struct RandomHall {
    HallConfig config;
    std::chrono::minutes utcOffset{0};
};

RandomHall randomHall(Rng& rng);

// What the generator may refer to: tickets issued so far (by id and number).
struct KnownTicket {
    TicketId id = 0;
    std::string number;
};

Command randomCommand(Rng& rng, const Engine& engine, const std::vector<KnownTicket>& known,
                      Timestamp now);

// How far time moves before the next command: mostly seconds, sometimes minutes or hours, now
// and then to the next morning so that sequences cross business days.
Millis randomStep(Rng& rng, const TimeZone& zone, Timestamp now);

// One line for traces: the command and its arguments.
std::string describeCommand(const Command& command);

} // namespace hall::core::testing
