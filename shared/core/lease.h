#pragma once
// A block of ticket numbers leased to a ticket machine or kiosk for offline issuing
// (docs/engine.md, "Number leases"). The engine keeps the leases of the current business day
// only: a lease ends with its day, and so do the numbers it never issued.

#include "shared/core/ticket.h"

#include <set>
#include <string>

namespace hall::core {

// How far back an ended lease's id is still recognised (refused as lease_expired rather than
// unknown_lease).
inline constexpr int kLeaseIdsRecognisedDays = 366;

struct NumberLease {
    LeaseId id = 0;
    BusinessDay day{};
    std::string serviceId;
    std::string sourceDevice; // the only device that may issue its numbers
    Timestamp grantedAt{};    // no leased ticket is placed in line earlier than this
    int firstSequence = 0;    // the sequences firstSequence … firstSequence + count − 1
    int count = 0;
    std::set<int> used; // sequences already issued

    bool holds(int sequence) const {
        return sequence >= firstSequence && sequence < firstSequence + count;
    }
};

} // namespace hall::core
