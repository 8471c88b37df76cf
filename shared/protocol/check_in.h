#pragma once
// The booking a `check_in` asks for by person key (docs/protocol.md, "Check-in"): the person's
// booking of the engine's business day that has no ticket yet, with the slot nearest now — so a
// citizen with two bookings today checks in for the one that is due. The controller and the mock
// backend look up the same way.

#include "shared/core/engine.h"
#include "shared/core/ticket.h"

#include <optional>
#include <string>
#include <vector>

namespace hall::protocol {

// `bookings`: the hall's bookings of today (any order).
std::optional<core::Booking> personsBookingDue(const std::string& personKey,
                                               const std::vector<core::Booking>& bookings,
                                               const core::Engine& engine, core::Timestamp now);

} // namespace hall::protocol
