#pragma once
// Outcome of an engine command: a value or a refusal with a code and a human-readable message.
// A refused command has changed nothing.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace hall::core {

enum class ErrorCode {
    InvalidArgument,
    UnknownService,
    UnknownWindow,
    UnknownStaff,
    UnknownTicket,
    ServiceClosed,      // outside opening hours / after closing time: no new tickets
    QuotaReached,       // the service's daily quota is used up
    DuplicatePerson,    // the person already holds an active ticket for this service today
    PriorityNotAllowed, // green-channel category not configured
    NoStaffSignedIn,
    StaffBusyElsewhere, // the staff member is signed in at another window
    WindowPaused,
    WindowBusy, // the window still has a called / serving ticket
    WindowIdle, // the window has no current ticket to act on
    NothingToCall,
    InvalidState, // the ticket is not in a state that allows this operation
    NothingToUndo,
    NotServed,     // only finished tickets can be rated
    NotServedHere, // a window's pad rates only tickets served at that window
    AlreadyRated,
    SupplementClosed, // the supplementary-rating period is over, or a supplement exists
    ReasonRequired,   // the two lowest levels need at least one reason
    UnknownReason,
    CommentTooLong,
    UnknownLease,    // no such lease of the current business day
    LeaseExpired,    // the lease belonged to an earlier business day
    LeaseNotHeld,    // the lease is another device's
    NumberNotLeased, // the number is not one of the lease's
    NumberUsed,      // the leased number was already issued
    IdentityRequired, // the service issues only to a person identified (ID card, QR)
    UnknownBooking,   // no booking with this code, or none of this person today
    BookingNotToday,  // the booking is for another day
    TooEarly,         // before the check-in window of the booking's slot opens
    TooLate,          // the check-in window of the booking's slot has closed
    AlreadyCheckedIn, // the booking has its ticket already (Error::ticket names it)
};

std::string_view errorCodeName(ErrorCode code); // stable snake_case name for protocols and logs
std::optional<ErrorCode> errorCodeFromName(std::string_view name);

struct Error {
    ErrorCode code;
    std::string message;
    // The ticket the refusal is about, when there is one: duplicate_person names the ticket the
    // person already holds, so the citizen is told its number.
    std::optional<std::uint64_t> ticket = std::nullopt;
};

template <typename T> class Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error error) : v_(std::move(error)) {}

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(v_); }
    const T& value() const { return std::get<0>(v_); }
    T& operator*() { return value(); }
    const T& operator*() const { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

inline Error fail(ErrorCode code, std::string message) {
    return Error{code, std::move(message)};
}

} // namespace hall::core
