#pragma once
// What happened, as decided by the engine. Events are facts: applying them never decides
// anything again, so a journal of events rebuilds exactly the state that acknowledged them, even
// if a later version routes calls differently.

#include "shared/core/evaluation.h"
#include "shared/core/ticket.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace hall::core {

struct DayRolledOver {
    BusinessDay from{};
    BusinessDay to{};
    // Applying it cancels (DayClosed) every waiting or called ticket of earlier days; tickets
    // being served are left to finish.
};

struct TicketIssued {
    TicketId ticket = 0;
    BusinessDay day{};
    std::string number;
    int sequence = 0;
    std::string serviceId;
    PriorityClass priority = PriorityClass::Normal;
    std::string greenCategory;
    std::optional<Appointment> appointment;
    std::string sourceDevice;
    std::string personKey;
    // Issued from a lease: the lease, and the (clamped) instant the device handed it out, which
    // is its place in line. Absent for tickets issued online, whose issue time is the event's.
    std::optional<LeaseId> lease;
    std::optional<Timestamp> issuedAt;
};

// The sequences firstSequence … firstSequence + count − 1 of a service are reserved for one
// device on one business day; its numbers are issued later by IssueLeasedTicket.
struct NumbersLeased {
    LeaseId lease = 0;
    BusinessDay day{};
    std::string serviceId;
    std::string sourceDevice;
    int firstSequence = 0;
    int count = 0;
};

struct StaffSignedIn {
    int window = 0;
    std::string staffId;
};
struct StaffSignedOut {
    int window = 0;
};
struct WindowPaused {
    int window = 0;
    std::string reason;
};
struct WindowResumed {
    int window = 0;
};

struct TicketCalled {
    TicketId ticket = 0;
    int window = 0;
    std::string staffId;
    bool silent = false;
    bool byNumber = false; // a specific number rather than "call next"
    // Smooth-weighted-round-robin credit of each of the window's services after this call, in
    // the window's service order; empty when the call did not go through the weighted choice.
    std::vector<std::int64_t> routingCredit;
    std::string reason{}; // a call by number: why this ticket out of turn
};
struct TicketRecalled {
    TicketId ticket = 0;
    int window = 0;
    bool silent = false;
};
struct ServingStarted {
    TicketId ticket = 0;
    int window = 0;
};
struct TicketFinished {
    TicketId ticket = 0;
    int window = 0;
    std::string staffId;
    std::string outcome{}; // one of the hall's finish outcomes, as decided (never empty)
    std::string note{};
};
struct NoShowMarked {
    TicketId ticket = 0;
    int window = 0;
    std::string staffId;
    bool final = false;     // no requeue left: the ticket ends as no_show
    Timestamp eligibleAt{}; // when requeued: callable again from then
    Timestamp queuedAt{};   // when requeued: its place in line
};
struct TicketTransferred {
    TicketId ticket = 0;
    int fromWindow = 0;
    std::string staffId;
    std::string fromService;
    std::string toService;
    std::optional<int> toWindow;
    Timestamp queuedAt{};
    std::string note{}; // for the next window
    // Set when the ticket is to come back once the window it goes to is done with it. A finish
    // there is then decided as a transfer back (with the finishing clerk's note), not as done.
    std::optional<ReturnPoint> returnTo{};
};
struct TicketParked {
    TicketId ticket = 0;
    int window = 0;
    std::string staffId;
    Timestamp returnAt{}; // call_next of the window takes it from then
};
// The visit at the window is identified: the ticket carries the person's key from now on, and
// counts for the one-ticket-per-person rule as an identified ticket does from its issue.
struct VisitIdentified {
    TicketId ticket = 0;
    int window = 0;
    std::string personKey;
};
struct CallUndone {
    TicketId ticket = 0;
    int window = 0;
};
struct TicketCancelled {
    TicketId ticket = 0;
    CancelReason reason = CancelReason::Citizen;
};
struct RatingRecorded {
    TicketId ticket = 0;
    RatingLevel level = RatingLevel::Satisfied;
    std::vector<std::string> reasons;
    std::string comment;
    bool supplementary = false; // 追评 within the supplement period
    bool automatic = false;     // recorded by the unrated-ticket policy, not by the citizen
    std::string serviceId;      // the service, window and staff that served the ticket
    int window = 0;
    std::string staffId;
};

using EventBody =
    std::variant<DayRolledOver, TicketIssued, StaffSignedIn, StaffSignedOut, WindowPaused,
                 WindowResumed, TicketCalled, TicketRecalled, ServingStarted, TicketFinished,
                 NoShowMarked, TicketTransferred, CallUndone, TicketCancelled, RatingRecorded,
                 NumbersLeased, TicketParked, VisitIdentified>;

struct Event {
    Timestamp at{};
    EventBody body;
};

std::string_view eventName(const EventBody& body); // snake_case, stable: used in the journal

} // namespace hall::core
