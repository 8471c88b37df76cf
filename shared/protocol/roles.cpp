// The roles table of docs/protocol.md. Keep the two in step.

#include "shared/protocol/roles.h"


namespace hall::protocol {

namespace {

using T = RequestType;

bool isWindowOperation(RequestType type) {
    switch (type) {
    case T::SignIn:
    case T::SignOut:
    case T::PauseWindow:
    case T::ResumeWindow:
    case T::CallNext:
    case T::CallNumber:
    case T::Recall:
    case T::StartServing:
    case T::Finish:
    case T::MarkNoShow:
    case T::Transfer:
    case T::UndoCall:
    case T::Park:
    case T::IdentifyVisit:
    case T::StaffSignIn: return true;
    default: return false;
    }
}

// The window a request acts for, when it names one (transfer's to_window is the destination,
// not the acting window, so a pad may send a ticket anywhere).
std::optional<int> actingWindow(const RequestBody& body) {
    return std::visit(
        [](const auto& b) -> std::optional<int> {
            if constexpr (requires { b.window; }) return b.window;
            else return std::nullopt;
        },
        body);
}

} // namespace

bool allowed(Role role, RequestType type) {
    switch (type) {
    case T::Hello:
    case T::Enroll: return false; // before authentication only
    case T::Heartbeat:
    case T::GetSnapshot:
    case T::TechnicianAudit: return true; // every terminal has a technician menu
    default: break;
    }
    const bool leasing = type == T::LeaseNumbers || type == T::IssueLeasedTicket;
    switch (role) {
    case Role::TicketMachine:
        return type == T::IssueTicket || type == T::CheckIn || type == T::IssueGreenTicket ||
               type == T::CancelTicket || leasing;
    case Role::Kiosk:
        return type == T::IssueTicket || type == T::CheckIn || type == T::IssueGreenTicket ||
               type == T::CancelTicket || type == T::Rate || leasing;
    case Role::WindowPad: return isWindowOperation(type) || type == T::Rate;
    case Role::CallBoard:
    case Role::LedBridge: return false; // listen only
    // Ratings come from citizens only; leases belong to terminals that print while offline.
    case Role::Admin: return type != T::Rate && !leasing;
    }
    return false;
}

std::optional<Error> authorize(const DeviceIdentity& device, const Request& request) {
    const auto type = request.type();
    if (!allowed(device.role, type))
        return protocolError(ProtocolError::Forbidden,
                             std::string(roleName(device.role)) + " may not send " +
                                 std::string(requestTypeName(type)));
    if (device.role == Role::WindowPad) {
        const auto window = actingWindow(request.body);
        if (window && !device.window)
            return protocolError(ProtocolError::Forbidden, "window pad is bound to no window");
        if (window && *window != *device.window)
            return protocolError(ProtocolError::Forbidden,
                                 "window pad of window " + std::to_string(*device.window) +
                                     " may not act for window " + std::to_string(*window));
    }
    return std::nullopt;
}

bool identifiesPeople(Role role) {
    switch (role) {
    case Role::TicketMachine:
    case Role::Kiosk:
    case Role::WindowPad: return true;
    case Role::CallBoard:
    case Role::LedBridge:
    case Role::Admin: return false;
    }
    return false;
}

} // namespace hall::protocol
