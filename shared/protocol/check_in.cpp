#include "shared/protocol/check_in.h"

#include <set>

namespace hall::protocol {

std::optional<core::Booking> personsBookingDue(const std::string& personKey,
                                               const std::vector<core::Booking>& bookings,
                                               const core::Engine& engine, core::Timestamp now) {
    if (personKey.empty()) return std::nullopt;
    const auto today = engine.businessDay(now);
    std::set<std::string> checkedIn;
    engine.forEachTicket([&](const core::Ticket& t) {
        if (t.day == today && t.appointment) checkedIn.insert(t.appointment->id);
    });
    std::optional<core::Booking> due;
    for (const auto& b : bookings)
        if (b.personKey == personKey && engine.businessDay(b.slotStart) == today &&
            !checkedIn.count(b.id) &&
            (!due || std::chrono::abs(b.slotStart - now) < std::chrono::abs(due->slotStart - now)))
            due = b;
    return due;
}

} // namespace hall::protocol
