#pragma once
// What terminals and staff ask of the queue engine. Commands carry no time: the engine is given
// `now` alongside, so the same commands at the same instants always give the same result.

#include "shared/core/evaluation.h"
#include "shared/core/ticket.h"

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace hall::core {

struct IssueTicket {
    std::string serviceId;
    PriorityClass priority = PriorityClass::Normal;
    std::string greenCategory; // required for GreenChannel, one of the configured categories
    std::optional<Appointment> appointment; // required for Appointment
    std::string sourceDevice;
    std::string personKey; // keyed hash, empty for anonymous tickets
};

// A ticket machine or kiosk reserves the next `count` numbers of a service for the current
// business day, to hand out while the controller is out of reach. Normal issuing skips them.
struct LeaseNumbers {
    std::string serviceId;
    int count = 0; // 1 … kMaxLeaseCount
    std::string sourceDevice;
};
inline constexpr int kMaxLeaseCount = 200;

// A number of a lease, handed out by the device that holds the lease (perhaps while offline),
// reported so the ticket joins the queue at the place its issue time gives it.
struct IssueLeasedTicket {
    LeaseId lease = 0;
    std::string number;   // "A101", one of the lease's numbers
    Timestamp issuedAt{}; // the device's clock; clamped to [lease granted, now]
    PriorityClass priority = PriorityClass::Normal;
    std::string greenCategory;
    std::optional<Appointment> appointment;
    std::string sourceDevice; // must be the lease's holder
    std::string personKey;
};

struct SignIn {
    int window = 0;
    std::string staffId;
};
struct SignOut {
    int window = 0;
};
struct PauseWindow {
    int window = 0;
    std::string reason;
};
struct ResumeWindow {
    int window = 0;
};

// Routing: targeted transfers first, then appointments whose slot has started, then the green
// channel, then a normal ticket that has waited past the starvation threshold, then the window's
// services by its routing policy; FIFO by queue time within each.
struct CallNext {
    int window = 0;
    bool silent = false; // show on boards and LED, no voice
};
// Calling out of turn: the hall may require a reason (queue.callNumberNeedsReason); the reason
// is kept with the call event, so every out-of-turn call can be audited.
struct CallNumber {
    int window = 0;
    std::string number; // a waiting ticket of the current business day
    bool silent = false;
    std::string reason{}; // at most kMaxActionNoteBytes
};
struct Recall {
    int window = 0;
    bool silent = false;
};
struct StartServing {
    int window = 0;
};
// The visit at the window ends: `outcome` one of the hall's queue.finishOutcomes (empty: the
// first, 办结), `note` the clerk's words on it (at most kMaxFinishNoteBytes), kept with the ticket.
struct Finish {
    int window = 0;
    std::string outcome{};
    std::string note{};
};
inline constexpr std::size_t kMaxFinishNoteBytes = 500;
// Refused until queue.noShowAfter has passed since the call: the citizen must have had time to
// walk to the window.
struct MarkNoShow {
    int window = 0;
};
// The citizen at the window is sent elsewhere, keeping their number. `note` is what the next
// window sees ("带户口本原件"); with `returnHere` the ticket comes back to this window and
// service once the other window finishes it (a visit that needs two counters).
struct Transfer {
    int window = 0;
    std::optional<std::string> toService; // keeps its service when absent
    std::optional<int> toWindow;          // any window serving the service when absent
    std::string note{};                   // at most kMaxActionNoteBytes
    bool returnHere = false;
};
// 挂起: the citizen at the window goes to fetch a missing paper. The ticket leaves the window and
// waits for this window alone: call_next takes it once `minutes` (0: queue.parkReturnAfter) have
// passed, call_number at any time before.
struct Park {
    int window = 0;
    int minutes = 0; // 0 … kMaxParkMinutes
};
inline constexpr int kMaxParkMinutes = 240;
// 读卡 at the window: the citizen at the counter came with an anonymous ticket (or a service that
// does not ask at the ticket machine) and the clerk reads their ID card, so the visit is theirs
// from here on. The pad sends the person key it computed (docs/protocol.md, person_key), never
// the ID number; the one-ticket-per-person rule then holds as if the ticket had been issued to
// them, and the key, once set, is never replaced.
struct IdentifyVisit {
    int window = 0;
    std::string personKey; // the keyed hash: 64 lowercase hex digits
};
// Short notes of window actions (a call's reason, a transfer's note), in bytes.
inline constexpr std::size_t kMaxActionNoteBytes = 200;
struct UndoCall {
    int window = 0;
};
struct CancelTicket {
    TicketId ticket = 0;
    CancelReason reason = CancelReason::Citizen;
};
struct Rate {
    TicketId ticket = 0;
    RatingLevel level = RatingLevel::Satisfied;
    std::vector<std::string> reasons;
    std::string comment;
    // Set when the rating comes through a window's evaluation pad: only a ticket served at this
    // window may be rated there (a kiosk rates any visit; the pad only the one at its counter).
    std::optional<int> window = std::nullopt;
    // Set by the controller for a key of a five-key evaluator (评价器) on the hall bus, which has
    // no screen to ask for reasons: a bad level is then taken without any (its follow-up case
    // asks the citizen when calling back), and only as the visit's first rating — a second
    // press is no 追评. Never read from a terminal (the protocol codec leaves it false), so a pad
    // or kiosk cannot skip the reasons.
    bool keyEvaluator = false;
};
// A citizen checks in for a booking at a ticket machine or kiosk (the controller looked the
// booking up): today's booking, from `checkInEarly` before its slot to `checkInLate` after it,
// once, gives an appointment ticket of its service.
struct CheckIn {
    Booking booking;
    std::string sourceDevice;
};
// Time passing: rolls the business day over and applies the unrated-ticket policy.
struct Tick {};

using Command =
    std::variant<IssueTicket, SignIn, SignOut, PauseWindow, ResumeWindow, CallNext, CallNumber,
                 Recall, StartServing, Finish, MarkNoShow, Transfer, UndoCall, CancelTicket, Rate,
                 Tick, LeaseNumbers, IssueLeasedTicket, CheckIn, Park, IdentifyVisit>;

std::string_view commandName(const Command& command);

} // namespace hall::core
