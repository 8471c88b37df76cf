// Stable names of enums and variants: used in the journal, protocols and logs, so never renamed.

#include "core/commands.h"
#include "core/evaluation.h"
#include "core/events.h"
#include "core/overloaded.h"
#include "core/result.h"
#include "core/ticket.h"

namespace hall::core {

std::string_view errorCodeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidArgument:
        return "invalid_argument";
    case ErrorCode::UnknownService:
        return "unknown_service";
    case ErrorCode::UnknownWindow:
        return "unknown_window";
    case ErrorCode::UnknownStaff:
        return "unknown_staff";
    case ErrorCode::UnknownTicket:
        return "unknown_ticket";
    case ErrorCode::ServiceClosed:
        return "service_closed";
    case ErrorCode::QuotaReached:
        return "quota_reached";
    case ErrorCode::DuplicatePerson:
        return "duplicate_person";
    case ErrorCode::PriorityNotAllowed:
        return "priority_not_allowed";
    case ErrorCode::NoStaffSignedIn:
        return "no_staff_signed_in";
    case ErrorCode::StaffBusyElsewhere:
        return "staff_busy_elsewhere";
    case ErrorCode::WindowPaused:
        return "window_paused";
    case ErrorCode::WindowBusy:
        return "window_busy";
    case ErrorCode::WindowIdle:
        return "window_idle";
    case ErrorCode::NothingToCall:
        return "nothing_to_call";
    case ErrorCode::InvalidState:
        return "invalid_state";
    case ErrorCode::NothingToUndo:
        return "nothing_to_undo";
    case ErrorCode::NotServed:
        return "not_served";
    case ErrorCode::AlreadyRated:
        return "already_rated";
    case ErrorCode::SupplementClosed:
        return "supplement_closed";
    case ErrorCode::ReasonRequired:
        return "reason_required";
    case ErrorCode::UnknownReason:
        return "unknown_reason";
    case ErrorCode::CommentTooLong:
        return "comment_too_long";
    case ErrorCode::UnknownLease:
        return "unknown_lease";
    case ErrorCode::LeaseExpired:
        return "lease_expired";
    case ErrorCode::LeaseNotHeld:
        return "lease_not_held";
    case ErrorCode::NumberNotLeased:
        return "number_not_leased";
    case ErrorCode::NumberUsed:
        return "number_used";
    }
    return "unknown";
}

std::optional<ErrorCode> errorCodeFromName(std::string_view name) {
    for (int i = 0; i <= static_cast<int>(ErrorCode::NumberUsed); ++i)
        if (errorCodeName(static_cast<ErrorCode>(i)) == name) return static_cast<ErrorCode>(i);
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
        },
        body);
}

} // namespace hall::core
