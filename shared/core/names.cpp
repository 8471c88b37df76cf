// Stable names of enums and variants: used in the journal, protocols and logs, so never renamed.

#include "shared/core/commands.h"
#include "shared/core/evaluation.h"
#include "shared/core/events.h"
#include "shared/core/overloaded.h"
#include "shared/core/result.h"
#include "shared/core/ticket.h"

#include <array>

namespace hall::core {

namespace {

// In the order of ErrorCode.
constexpr std::array<std::string_view, 35> kErrorCodeNames{
    "invalid_argument",     "unknown_service",    "unknown_window",       "unknown_staff",
    "unknown_ticket",       "service_closed",     "quota_reached",        "duplicate_person",
    "priority_not_allowed", "no_staff_signed_in", "staff_busy_elsewhere", "window_paused",
    "window_busy",          "window_idle",        "nothing_to_call",      "invalid_state",
    "nothing_to_undo",      "not_served",         "not_served_here",      "already_rated",
    "supplement_closed",    "reason_required",    "unknown_reason",       "comment_too_long",
    "unknown_lease",        "lease_expired",      "lease_not_held",       "number_not_leased",
    "number_used",          "identity_required",  "unknown_booking",      "booking_not_today",
    "too_early",            "too_late",           "already_checked_in"};
static_assert(kErrorCodeNames.size() == static_cast<std::size_t>(ErrorCode::AlreadyCheckedIn) + 1);

} // namespace

std::string_view errorCodeName(ErrorCode code) {
    const auto i = static_cast<std::size_t>(code);
    return i < kErrorCodeNames.size() ? kErrorCodeNames[i] : "unknown";
}

std::optional<ErrorCode> errorCodeFromName(std::string_view name) {
    for (std::size_t i = 0; i < kErrorCodeNames.size(); ++i)
        if (kErrorCodeNames[i] == name) return static_cast<ErrorCode>(i);
    return std::nullopt;
}

std::string_view stateName(TicketState s) {
    switch (s) {
    case TicketState::Waiting:
        return "waiting";
    case TicketState::Called:
        return "called";
    case TicketState::Serving:
        return "serving";
    case TicketState::Done:
        return "done";
    case TicketState::NoShow:
        return "no_show";
    case TicketState::Cancelled:
        return "cancelled";
    }
    return "unknown";
}

std::string_view priorityName(PriorityClass p) {
    switch (p) {
    case PriorityClass::Normal:
        return "normal";
    case PriorityClass::Appointment:
        return "appointment";
    case PriorityClass::GreenChannel:
        return "green_channel";
    }
    return "unknown";
}

std::string_view cancelReasonName(CancelReason r) {
    switch (r) {
    case CancelReason::Citizen:
        return "citizen";
    case CancelReason::Staff:
        return "staff";
    case CancelReason::DayClosed:
        return "day_closed";
    }
    return "unknown";
}

std::string_view ratingLabelZh(RatingLevel level) {
    switch (level) {
    case RatingLevel::VerySatisfied:
        return "非常满意";
    case RatingLevel::Satisfied:
        return "满意";
    case RatingLevel::Basic:
        return "基本满意";
    case RatingLevel::Dissatisfied:
        return "不满意";
    case RatingLevel::VeryDissatisfied:
        return "非常不满意";
    }
    return "?";
}

std::string_view ratingName(RatingLevel level) {
    switch (level) {
    case RatingLevel::VerySatisfied:
        return "very_satisfied";
    case RatingLevel::Satisfied:
        return "satisfied";
    case RatingLevel::Basic:
        return "basic";
    case RatingLevel::Dissatisfied:
        return "dissatisfied";
    case RatingLevel::VeryDissatisfied:
        return "very_dissatisfied";
    }
    return "unknown";
}

bool isBadRating(RatingLevel level) {
    return level == RatingLevel::Dissatisfied || level == RatingLevel::VeryDissatisfied;
}

std::string_view commandName(const Command& command) {
    return std::visit(
        Overloaded{
            [](const IssueTicket&) { return std::string_view("issue_ticket"); },
            [](const SignIn&) { return std::string_view("sign_in"); },
            [](const SignOut&) { return std::string_view("sign_out"); },
            [](const PauseWindow&) { return std::string_view("pause_window"); },
            [](const ResumeWindow&) { return std::string_view("resume_window"); },
            [](const CallNext&) { return std::string_view("call_next"); },
            [](const CallNumber&) { return std::string_view("call_number"); },
            [](const Recall&) { return std::string_view("recall"); },
            [](const StartServing&) { return std::string_view("start_serving"); },
            [](const Finish&) { return std::string_view("finish"); },
            [](const MarkNoShow&) { return std::string_view("mark_no_show"); },
            [](const Transfer&) { return std::string_view("transfer"); },
            [](const UndoCall&) { return std::string_view("undo_call"); },
            [](const CancelTicket&) { return std::string_view("cancel_ticket"); },
            [](const Rate&) { return std::string_view("rate"); },
            [](const Tick&) { return std::string_view("tick"); },
            [](const LeaseNumbers&) { return std::string_view("lease_numbers"); },
            [](const IssueLeasedTicket&) { return std::string_view("issue_leased_ticket"); },
            [](const CheckIn&) { return std::string_view("check_in"); },
            [](const Park&) { return std::string_view("park"); },
            [](const IdentifyVisit&) { return std::string_view("identify_visit"); },
        },
        command);
}

std::string_view eventName(const EventBody& body) {
    return std::visit(
        Overloaded{
            [](const DayRolledOver&) { return std::string_view("day_rolled_over"); },
            [](const TicketIssued&) { return std::string_view("ticket_issued"); },
            [](const StaffSignedIn&) { return std::string_view("staff_signed_in"); },
            [](const StaffSignedOut&) { return std::string_view("staff_signed_out"); },
            [](const WindowPaused&) { return std::string_view("window_paused"); },
            [](const WindowResumed&) { return std::string_view("window_resumed"); },
            [](const TicketCalled&) { return std::string_view("ticket_called"); },
            [](const TicketRecalled&) { return std::string_view("ticket_recalled"); },
            [](const ServingStarted&) { return std::string_view("serving_started"); },
            [](const TicketFinished&) { return std::string_view("ticket_finished"); },
            [](const NoShowMarked&) { return std::string_view("no_show_marked"); },
            [](const TicketTransferred&) { return std::string_view("ticket_transferred"); },
            [](const CallUndone&) { return std::string_view("call_undone"); },
            [](const TicketCancelled&) { return std::string_view("ticket_cancelled"); },
            [](const RatingRecorded&) { return std::string_view("rating_recorded"); },
            [](const NumbersLeased&) { return std::string_view("numbers_leased"); },
            [](const TicketParked&) { return std::string_view("ticket_parked"); },
            [](const VisitIdentified&) { return std::string_view("visit_identified"); },
        },
        body);
}

} // namespace hall::core
