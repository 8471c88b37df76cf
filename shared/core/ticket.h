#pragma once
// A queue ticket and its life cycle.
//
//   waiting ──call──▶ called ──start──▶ serving ──finish──▶ done
//      ▲  │             │  ▲              │
//      │  cancel        │  └─recall       │
//      │  ▼             ├─no-show─▶ no_show (final after K requeues; before that: waiting again)
//      │ cancelled      ├─undo call──▶ waiting (exactly as before the call)
//      ├────transfer────┴─────────────────┤   (to another service or window, same number)
//      └─────park (挂起)──────────────────┘   (waits for the same window, same visit)
//
// A ticket keeps its number across transfers (the citizen holds one slip); each transfer is
// recorded as an outcome of the visit it ends, in statistics and in the event log. A parked
// ticket's visit goes on: its wait is not measured again, its service time adds up.

#include "shared/core/time.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace hall::core {

// Assigned by the engine as day × 1,000,000 + the day's running count, so ids never repeat even
// after old journal rows have been pruned, and are increasing.
using TicketId = std::uint64_t;
// A block of numbers leased to a terminal for offline issuing: day × 1,000,000 + the day's count
// of leases, like ticket ids (docs/engine.md, "Number leases").
using LeaseId = std::uint64_t;

enum class TicketState { Waiting, Called, Serving, Done, NoShow, Cancelled };

enum class PriorityClass {
    Normal,
    Appointment,  // 预约: ahead of the others once its slot has started
    GreenChannel, // 绿色通道: elderly, disabled, pregnant, military (configurable categories)
};

enum class CancelReason { Citizen, Staff, DayClosed };

std::string_view stateName(TicketState s);
std::string_view priorityName(PriorityClass p);
std::string_view cancelReasonName(CancelReason r);

struct Appointment {
    std::string id;
    Timestamp slotStart;
};

// A booked visit, as the hall's booking system knows it: the citizen checks in with its code or
// their ID card, within the hall's check-in window around the slot, and gets an appointment
// ticket of the service.
struct Booking {
    std::string id;
    std::string serviceId;
    Timestamp slotStart{};
    std::string personKey; // the booker's, keyed like a ticket's; empty when the booking has none
};

// Where a ticket transferred with "return to me after" comes back to.
struct ReturnPoint {
    int window = 0;
    std::string serviceId;
    bool operator==(const ReturnPoint&) const = default;
};

struct Ticket {
    TicketId id = 0;
    BusinessDay day{};
    std::string number;          // "A001"
    int sequence = 0;            // 1 for A001
    std::string serviceId;       // current service (changes on transfer)
    std::string issuedServiceId; // the service it was issued for
    PriorityClass priority = PriorityClass::Normal;
    std::string greenCategory; // set for the green channel
    std::optional<Appointment> appointment;
    std::string sourceDevice;
    std::string personKey; // keyed hash of the person, empty if anonymous; never the ID number
    TicketState state = TicketState::Waiting;
    std::optional<CancelReason> cancelReason;

    Timestamp issuedAt{};
    Timestamp queuedAt{};              // the time its place in line is ordered by
    Timestamp eligibleAt{};            // not callable before (a requeued no-show waits N minutes)
    Timestamp visitStartedAt{};        // issue, or the last transfer: waits are measured from here
    std::optional<Timestamp> calledAt; // first call of the current visit
    std::optional<Timestamp> lastCalledAt; // the call being answered now
    std::optional<Timestamp> servingSince; // start of service (or the call, if never started)
    std::optional<Timestamp> finishedAt;

    std::optional<int> window; // the window that called it (called / serving / done)
    // The call it did not come to (no-show), until it is called again: the window and when. The
    // call boards list these tickets, so a citizen who missed the call knows where to go.
    std::optional<int> missedWindow{};
    std::optional<Timestamp> missedAt{};
    std::optional<int> targetWindow; // transferred to a particular window: only it may call
    std::string staffId;             // who called / served it
    std::string outcome;             // Done: how the visit ended (one of the hall's outcomes)
    std::string outcomeNote;         // Done: the clerk's note on it
    std::string transferNote;            // the last transfer's note, for the window it went to
    std::optional<ReturnPoint> returnTo; // transferred with return: where it comes back to
    std::optional<Timestamp> parkedUntil; // parked (waiting): call_next takes it from then
    Millis servedBefore{0};               // service time of the visit before it was parked

    int recalls = 0;
    int noShows = 0;
    int transfers = 0;
    int parks = 0;
    bool rated = false;
    bool supplemented = false;

    bool active() const {
        return state == TicketState::Waiting || state == TicketState::Called ||
               state == TicketState::Serving;
    }
};

// Person keys are the controller's keyed hash (HMAC-SHA256, lowercase hex). Requiring exactly
// that shape keeps a raw ID-card number (18 characters) from ever being taken for a key.
inline bool isPersonKey(std::string_view s) {
    if (s.size() != 64) return false;
    for (const char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

} // namespace hall::core
