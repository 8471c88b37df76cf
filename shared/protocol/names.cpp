// Stable wire names of the protocol's enums (docs/protocol.md): never renamed, only added to.

#include "shared/core/overloaded.h"
#include "shared/protocol/device.h"
#include "shared/protocol/messages.h"

#include <array>

namespace hall::protocol {

namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> fromName(const std::array<std::string_view, N>& names, std::string_view name) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == name) return static_cast<Enum>(i);
    return std::nullopt;
}

// Indexed by the enums' values, in declaration order.
constexpr std::array<std::string_view, 6> kRoleNames{
    "ticket_machine", "kiosk", "window_pad", "call_board", "led_bridge", "admin"};
constexpr std::array<std::string_view, 7> kFaultNames{
    "paper_low",         "paper_out",     "printer_error", "reader_unplugged",
    "scanner_unplugged", "display_error", "audio_error"};
constexpr std::array<std::string_view, kRequestTypeCount> kRequestTypeNames{
    "hello",        "enroll",        "heartbeat",    "get_snapshot",  "issue_ticket",
    "sign_in",      "sign_out",      "pause_window", "resume_window", "call_next",
    "call_number",  "recall",        "start_serving", "finish",       "mark_no_show",
    "transfer",     "undo_call",     "cancel_ticket", "rate",         "lease_numbers",
    "issue_leased_ticket", "technician_audit", "check_in",
    "issue_green_ticket", "staff_sign_in", "park", "identify_visit"};
constexpr std::array<std::string_view, 8> kTechnicianActionNames{
    "menu_opened",   "pin_rejected", "locked_out",    "setting_changed",
    "device_tested", "log_exported", "app_restarted", "enrolled"};
constexpr std::array<std::string_view, 10> kProtocolErrorNames{
    "bad_frame",       "unsupported_version", "unknown_type", "forbidden", "unauthenticated",
    "rate_limited",    "too_large",           "internal",     "wrong_pin", "staff_locked"};

static_assert(std::variant_size_v<RequestBody> == kRequestTypeCount);

} // namespace

std::string_view roleName(Role role) {
    return kRoleNames.at(static_cast<std::size_t>(role));
}
std::optional<Role> roleFromName(std::string_view name) {
    return fromName<Role>(kRoleNames, name);
}

std::string_view faultName(DeviceFault fault) {
    return kFaultNames.at(static_cast<std::size_t>(fault));
}
std::optional<DeviceFault> faultFromName(std::string_view name) {
    return fromName<DeviceFault>(kFaultNames, name);
}

std::string_view technicianActionName(TechnicianAction action) {
    return kTechnicianActionNames.at(static_cast<std::size_t>(action));
}
std::optional<TechnicianAction> technicianActionFromName(std::string_view name) {
    return fromName<TechnicianAction>(kTechnicianActionNames, name);
}

std::string_view requestTypeName(RequestType type) {
    return kRequestTypeNames.at(static_cast<std::size_t>(type));
}
std::optional<RequestType> requestTypeFromName(std::string_view name) {
    return fromName<RequestType>(kRequestTypeNames, name);
}

std::string_view protocolErrorName(ProtocolError code) {
    return kProtocolErrorNames.at(static_cast<std::size_t>(code));
}

Error protocolError(ProtocolError code, std::string message) {
    return Error{std::string(protocolErrorName(code)), std::move(message)};
}
Error engineError(const core::Error& error) {
    // Which pad may rate a visit is a question of who may ask: refused as the roles are.
    if (error.code == core::ErrorCode::NotServedHere)
        return protocolError(ProtocolError::Forbidden, error.message);
    return Error{std::string(core::errorCodeName(error.code)), error.message};
}

bool isValidRequestId(std::string_view id) {
    if (id.empty() || id.size() > kMaxIdLength) return false;
    for (const char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') || c == '-' || c == '_';
        if (!ok) return false;
    }
    return true;
}

std::optional<core::Command> engineCommand(const Request& request) {
    return std::visit(
        core::Overloaded{
            [](const Hello&) -> std::optional<core::Command> { return std::nullopt; },
            [](const Enroll&) -> std::optional<core::Command> { return std::nullopt; },
            [](const Heartbeat&) -> std::optional<core::Command> { return std::nullopt; },
            [](const GetSnapshot&) -> std::optional<core::Command> { return std::nullopt; },
            [](const TechnicianAudit&) -> std::optional<core::Command> { return std::nullopt; },
            // The booking is the controller's to look up: see CheckInRequest.
            [](const CheckInRequest&) -> std::optional<core::Command> { return std::nullopt; },
            // The staff credential is the controller's to check first.
            [](const GreenTicketRequest&) -> std::optional<core::Command> { return std::nullopt; },
            [](const StaffSignInRequest&) -> std::optional<core::Command> { return std::nullopt; },
            [](const auto& command) -> std::optional<core::Command> { return command; },
        },
        request.body);
}

std::string_view pushKindName(const PushBody& body) {
    return std::visit(core::Overloaded{
                          [](const QueueState&) { return std::string_view("queue"); },
                          [](const WindowView&) { return std::string_view("window"); },
                          [](const Call&) { return std::string_view("call"); },
                          [](const Notice&) { return std::string_view("notice"); },
                          [](const Snapshot&) { return std::string_view("snapshot"); },
                      },
                      body);
}

TicketView ticketView(const core::Ticket& ticket) {
    TicketView view{ticket.id,    ticket.number, ticket.serviceId,
                    ticket.state, ticket.window, ticket.priority};
    view.issuedAt = ticket.issuedAt;
    view.calledAt = ticket.calledAt;
    view.servingSince = ticket.servingSince;
    if (ticket.appointment) view.appointmentSlot = ticket.appointment->slotStart;
    view.parkedUntil = ticket.parkedUntil;
    view.greenCategory = ticket.greenCategory;
    view.transferNote = ticket.transferNote;
    if (ticket.returnTo) view.returnWindow = ticket.returnTo->window;
    view.outcome = ticket.outcome;
    view.identified = !ticket.personKey.empty();
    return view;
}

LeaseView leaseView(const core::NumberLease& lease, const core::Engine& engine) {
    return LeaseView{lease.id, lease.serviceId, core::formatDay(lease.day),
                     engine.leaseNumbers(lease)};
}

WindowView windowView(const core::WindowState& state, const core::Ticket* current,
                      const core::Ticket* finished) {
    WindowView view{state.number, state.staffId, state.paused, state.pauseReason, std::nullopt};
    if (current != nullptr) view.current = ticketView(*current);
    if (finished != nullptr && finished->finishedAt)
        view.finished = FinishedVisit{finished->id, finished->number, finished->serviceId,
                                      *finished->finishedAt, finished->rated};
    return view;
}

} // namespace hall::protocol
