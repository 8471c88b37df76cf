#pragma once
// The terminal protocol, version 1, as C++ values (docs/protocol.md is the contract).
// Requests that change the queue reuse the engine's command structs; the server fills in what a
// client must not choose itself (IssueTicket::sourceDevice comes from the connection's identity).
// Views of tickets and windows carry only what a terminal may show: never the person key.

#include "shared/core/commands.h"
#include "shared/core/engine.h"
#include "shared/core/ticket.h"
#include "shared/protocol/device.h"
#include "shared/protocol/signage.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace hall::protocol {

inline constexpr int kVersion = 1;
inline constexpr std::size_t kMaxFrameBytes = 64 * 1024;
inline constexpr std::size_t kMaxIdLength = 64;
inline constexpr std::size_t kMaxTextBytes = 1024; // any single string field
inline constexpr int kMaxDepth = 8;                // JSON nesting of a frame

// Refusals that come from the protocol layer, not from the engine.
enum class ProtocolError {
    BadFrame,
    UnsupportedVersion,
    UnknownType,
    Forbidden,
    Unauthenticated,
    RateLimited,
    TooLarge,
    Internal,
    // A staff credential refused (StaffCredential) for a wrong PIN (the message says how many
    // tries are left) or a staff member locked out by wrong PINs; an unknown staff number or card
    // is the engine's unknown_staff.
    WrongPin,
    StaffLocked,
};
std::string_view protocolErrorName(ProtocolError code);

// A ticket as terminals see it. Beyond the number and state, what the clerk at a window needs
// about the visit in front of them: when it was issued, called and started (the wait and the
// serving timer), the green-channel category, the appointment's slot, the note a transfer
// brought, where it returns to, when a parked ticket comes back, and how a finished one ended.
struct TicketView {
    core::TicketId id = 0;
    std::string number;
    std::string serviceId;
    core::TicketState state = core::TicketState::Waiting;
    std::optional<int> window;
    core::PriorityClass priority = core::PriorityClass::Normal;
    std::optional<core::Timestamp> issuedAt = std::nullopt;
    std::optional<core::Timestamp> calledAt = std::nullopt; // this visit's first call
    std::optional<core::Timestamp> servingSince = std::nullopt;
    std::optional<core::Timestamp> appointmentSlot = std::nullopt;
    std::optional<core::Timestamp> parkedUntil = std::nullopt;
    std::string greenCategory{};
    std::string transferNote{};
    std::optional<int> returnWindow = std::nullopt;
    std::string outcome{}; // done: one of the hall's finish outcomes
    bool identified = false; // the citizen identified (ID card, QR): the person key stays home
    bool operator==(const TicketView&) const = default;
};
TicketView ticketView(const core::Ticket& ticket); // drops the person key and everything private

// `code` is a protocolErrorName() or a core::errorCodeName(): one namespace of snake_case codes.
struct Error {
    std::string code;
    std::string message;
    // The ticket the refusal is about: duplicate_person names the one the person already
    // holds for the service today (its number is what the citizen is told).
    std::optional<TicketView> ticket = std::nullopt;
    bool operator==(const Error&) const = default;
};
Error protocolError(ProtocolError code, std::string message);
Error engineError(const core::Error& error); // not_served_here is answered `forbidden`

// --- requests (client → server) ------------------------------------------------------------

struct Hello {
    std::string credential;    // the token received at enrollment
    std::vector<int> versions; // protocol versions the client speaks; the server picks one
};
struct Enroll {
    std::string code; // one-time enrollment code created by an admin
};
enum class DeviceFault {
    PaperLow,
    PaperOut,
    PrinterError,
    ReaderUnplugged,
    ScannerUnplugged,
    DisplayError,
    AudioError,
};
std::string_view faultName(DeviceFault fault);
std::optional<DeviceFault> faultFromName(std::string_view name);
struct Heartbeat {
    std::vector<DeviceFault> faults; // every fault present now; empty: healthy
};
struct GetSnapshot {};

// What a technician did in a terminal's technician menu; the controller writes it to its audit
// log as "technician_<name>" with the device as the actor (docs/protocol.md, Technician audit).
enum class TechnicianAction {
    MenuOpened,
    PinRejected,
    LockedOut,
    SettingChanged,
    DeviceTested,
    LogExported,
    AppRestarted,
    Enrolled,
};
std::string_view technicianActionName(TechnicianAction action);
std::optional<TechnicianAction> technicianActionFromName(std::string_view name);
struct TechnicianAudit {
    TechnicianAction action = TechnicianAction::MenuOpened;
    std::string detail; // what was changed or tested; never a PIN, a name or an ID number
    core::Timestamp at; // when, on the device's clock
};

// A citizen checks in for a booking: by the booking's code (a scanned HALL-APPT QR) or by their
// person key (an ID card read at the machine: today's booking of that person whose slot is
// nearest). The controller looks the booking up and runs the engine's CheckIn; exactly one of
// the two is set.
struct CheckInRequest {
    std::string booking;
    std::string personKey;
};

// Who a staff member is: their staff number (the hall configuration's staff_number) and PIN, or
// the person key of their own ID card (the controller keeps a staff member's key, never their ID
// number). Exactly one form is set.
// It travels only in the request that needs it: never journaled, never put in an outbox, never
// logged; a request that carries one is sent online or not at all.
struct StaffCredential {
    std::string number;
    std::string pin;
    std::string personKey;
};

// A green-channel ticket (绿色通道), issued at a ticket machine by hall staff for a citizen of
// one of the hall's categories (queue.green_channel_categories). The controller checks the
// staff credential, then issues it like issue_ticket with priority green_channel, and writes
// who let the ticket ahead to its audit log.
struct GreenTicketRequest {
    std::string serviceId;
    std::string category;
    StaffCredential staff;
};

// A clerk signs in at a window pad with their own credential: staff number and PIN, or their
// own ID card. The controller checks it, then signs the member it names in (the engine's
// SignIn). A pad's plain sign_in is refused for a member who has a credential.
struct StaffSignInRequest {
    int window = 0;
    StaffCredential staff;
};

// Engine requests reuse the engine's commands. The server fills in what a client must not
// choose itself: sourceDevice of IssueTicket, LeaseNumbers and IssueLeasedTicket comes from the
// connection's identity.
using RequestBody =
    std::variant<Hello, Enroll, Heartbeat, GetSnapshot, core::IssueTicket, core::SignIn,
                 core::SignOut, core::PauseWindow, core::ResumeWindow, core::CallNext,
                 core::CallNumber, core::Recall, core::StartServing, core::Finish, core::MarkNoShow,
                 core::Transfer, core::UndoCall, core::CancelTicket, core::Rate, core::LeaseNumbers,
                 core::IssueLeasedTicket, TechnicianAudit, CheckInRequest, GreenTicketRequest,
                 StaffSignInRequest, core::Park, core::IdentifyVisit>;

// In the order of RequestBody's alternatives.
enum class RequestType {
    Hello,
    Enroll,
    Heartbeat,
    GetSnapshot,
    IssueTicket,
    SignIn,
    SignOut,
    PauseWindow,
    ResumeWindow,
    CallNext,
    CallNumber,
    Recall,
    StartServing,
    Finish,
    MarkNoShow,
    Transfer,
    UndoCall,
    CancelTicket,
    Rate,
    LeaseNumbers,
    IssueLeasedTicket,
    TechnicianAudit,
    CheckIn,
    IssueGreenTicket,
    StaffSignIn,
    Park,
    IdentifyVisit,
};
inline constexpr int kRequestTypeCount = 27;
std::string_view requestTypeName(RequestType type);
std::optional<RequestType> requestTypeFromName(std::string_view name);

struct Request {
    std::string id; // client-generated, 1–64 of [A-Za-z0-9_-]; the retry key
    RequestBody body;
    RequestType type() const { return static_cast<RequestType>(body.index()); }
};
bool isValidRequestId(std::string_view id);
// The engine command a request carries, if it is one of the engine's.
std::optional<core::Command> engineCommand(const Request& request);

// --- views shared by responses and pushes --------------------------------------------------


// The visit that ended at a window last, for the window's evaluation pad and five-key
// evaluator: which ticket a rating there is for, and whether it has one yet (the citizen's, or
// the hall's unrated policy's).
struct FinishedVisit {
    core::TicketId id = 0;
    std::string number;
    std::string serviceId;
    core::Timestamp at{};
    bool rated = false;
    bool operator==(const FinishedVisit&) const = default;
};

// How the citizens rated a staff member: the visits they served that were rated over the last
// kStaffRatingDays business days (today included), each once at its latest level, and their mean
// level (1 非常不满意 … 5 非常满意) in tenths, rounded: 46 is 4.6. The citizen face shows stars.
struct StaffRating {
    int visits = 0;
    int averageTenths = 0;
    bool operator==(const StaffRating&) const = default;
};
inline constexpr int kStaffRatingDays = 30;

struct WindowView {
    int number = 0;
    std::string staffId;
    bool paused = false;
    std::string pauseReason;
    std::optional<TicketView> current;
    int servedToday = 0;                                   // visits finished here today
    std::optional<std::int64_t> typicalServiceMs = std::nullopt; // their median service time
    std::optional<FinishedVisit> finished = std::nullopt;
    // The waiting tickets only this window may call — parked here (挂起), or transferred to it —
    // first in line first, at most kHeldShown: the clerk calls them back from this list.
    std::vector<TicketView> held{};
    std::optional<StaffRating> staffRating = std::nullopt; // of the staff member signed in
    bool operator==(const WindowView&) const = default;
};
inline constexpr std::size_t kHeldShown = 10;
// `current` and `finished` are the engine's tickets for state.current and state.lastFinished
// (null when the window has none, or the finished one is no longer kept).
WindowView windowView(const core::WindowState& state, const core::Ticket* current,
                      const core::Ticket* finished = nullptr);

struct ServiceQueue {
    std::string serviceId;
    int waiting = 0;
    std::optional<std::int64_t> estimatedWaitMs;
    bool issuing = true;          // issue_ticket would be taken now (open, numbers left)
    std::optional<int> remaining; // numbers left of today's quota; absent: no quota
    // The place in line of the first waiting (ms): how long the longest has waited, on the
    // terminal's clock. Absent when nobody waits.
    std::optional<std::int64_t> waitingSinceMs = std::nullopt;
    bool operator==(const ServiceQueue&) const = default;
};
struct ZoneQueue {
    std::string zone;
    int waiting = 0;
    bool operator==(const ZoneQueue&) const = default;
};
// A ticket that was called and did not come (no-show), not called since: the boards list them
// with the window, so the citizen knows where to go. `requeued`: it will be called again;
// otherwise the no-show was final and the citizen asks at that window.
struct MissedTicket {
    std::string number;
    std::string serviceId;
    int window = 0;
    bool requeued = false;
    bool operator==(const MissedTicket&) const = default;
};
struct QueueState {
    std::vector<ServiceQueue> services;
    std::vector<ZoneQueue> zones;
    std::vector<MissedTicket> missed{}; // newest first, the hall's last kMissedShown
    bool operator==(const QueueState&) const = default;
};
struct Notice {
    std::string id;
    std::string text;
    bool operator==(const Notice&) const = default;
};
// What a terminal shows of the hall's configuration: names in both languages, when each
// service issues, the windows' names and zones. In every snapshot; changed only by a reload.
struct ServiceInfo {
    std::string id;
    std::string nameZh;
    std::string nameEn;
    std::vector<std::string> hours; // "08:30-12:00", hall time; empty: all day
    int dailyQuota = 0;             // 0: none
    bool identify = false;          // issued only to a person identified (ID card, QR)
    std::string group{};            // the HallInfo group a ticket machine shows it under
    std::string prefix{};           // of its ticket numbers: "A" in A012
    bool operator==(const ServiceInfo&) const = default;
};
// A member of the hall's staff as window pads show them to citizens (name and staff number are
// shown at the counter by design; nothing else of them travels).
struct StaffInfo {
    std::string id;
    std::string name;
    std::string number;
    // Their photo: the id of a file in the controller's content store (GET /content/<id>),
    // found by the name the configuration's `photo` gives it; empty when there is none.
    std::string photo{};
    bool operator==(const StaffInfo&) const = default;
};
// A zone, or a group of services: an id and its names.
struct NamedInfo {
    std::string id;
    std::string nameZh;
    std::string nameEn;
    bool operator==(const NamedInfo&) const = default;
};
struct WindowInfo {
    int number = 0;
    std::string name; // "社保窗口"
    std::string zone;
    // Which way the window lies as seen from this terminal (a call board's own hint, else the
    // window's); absent when the hall gave none.
    std::optional<core::Direction> direction = std::nullopt;
    std::vector<std::string> services{}; // what it serves, in its routing order
    bool operator==(const WindowInfo&) const = default;
};
struct HallInfo {
    std::string name;
    std::string timeZone = "Asia/Shanghai"; // the hall's clocks (schedules, the time shown)
    core::CallBoardPolicy callBoard{};         // how boards show and say a call
    core::TicketMachinePolicy ticketMachine{}; // when to ask, reprint, show the attract screen
    std::vector<ServiceInfo> services; // in configuration order
    // What a ticket machine groups services by (the departments, else the zones), those that
    // hold a service, in configuration order.
    std::vector<NamedInfo> groups{};
    std::vector<NamedInfo> zones;
    std::vector<WindowInfo> windows;
    // Who the green channel is for (queue.green_channel_categories): "elderly", "disabled", …
    std::vector<std::string> greenCategories{};
    std::vector<StaffInfo> staff{};
    std::vector<std::string> finishOutcomes{}; // queue.finish_outcomes: how a visit can end
    std::vector<std::string> pauseReasons{};   // queue.pause_reasons
    std::vector<std::string> ratingReasons{};  // evaluation.reasons: what a bad rating names
    int ratingSeconds = 30;                    // evaluation.rating_seconds
    bool callNumberNeedsReason = false;        // queue.call_number_needs_reason
    bool operator==(const HallInfo&) const = default;
};

struct Snapshot {
    HallInfo hall;
    QueueState queues;
    std::vector<WindowView> windows;
    std::vector<Notice> notices;
    Signage signage{}; // what this device plays (signage.h)
    bool operator==(const Snapshot&) const = default;
};

// --- responses (server → client) -----------------------------------------------------------

struct HelloResult {
    int version = kVersion; // the version the server picked
    DeviceIdentity identity;
    // The hall's person-key secret, 64 lowercase hex digits (32 bytes): the HMAC key under which
    // terminals compute person_key. Sent only to roles that identify people
    // (identifiesPeople() in roles.h); a terminal keeps it in memory only.
    std::optional<std::string> personKeySecret = std::nullopt;
};
struct EnrollResult {
    std::string credential; // present it in every later hello; shown once, keep it secret
    DeviceIdentity identity;
};
struct CommandResult {
    std::optional<TicketView> ticket; // the ticket the command concerned, after it
    std::optional<int> ahead;         // issue_ticket: tickets to be called before it
    std::optional<std::int64_t> estimatedWaitMs;
};
struct Ack {}; // heartbeat, technician_audit
// lease_numbers: {"lease":{"id","service","business_day","numbers":["A101",…]}}.
struct LeaseView {
    core::LeaseId id = 0;
    std::string serviceId;
    std::string businessDay;          // "2026-11-23": the only day its numbers are good for
    std::vector<std::string> numbers; // display numbers, in issuing order
    bool operator==(const LeaseView&) const = default;
};
struct LeaseResult {
    LeaseView lease;
};
LeaseView leaseView(const core::NumberLease& lease, const core::Engine& engine);
struct SnapshotResult {
    std::uint64_t seq = 0; // the last push sent before the snapshot; continue after it
    Snapshot snapshot;
};
using ResponseResult =
    std::variant<HelloResult, EnrollResult, CommandResult, Ack, SnapshotResult, LeaseResult>;

using Outcome = std::variant<ResponseResult, Error>;

struct Response {
    std::string id;                  // empty only when the request's id could not be read
    std::optional<RequestType> type; // the request answered; required when ok
    Outcome outcome;
    bool ok() const { return outcome.index() == 0; }
};

// --- pushes (server → client) --------------------------------------------------------------

struct Call {
    TicketView ticket;
    int window = 0;
    bool silent = false; // show it, do not announce it by voice
    bool recall = false;
    bool operator==(const Call&) const = default;
};

using PushBody = std::variant<QueueState, WindowView, Call, Notice, Snapshot>;
std::string_view pushKindName(const PushBody& body); // queue, window, call, notice, snapshot

struct Push {
    std::uint64_t seq = 0; // per connection: 1, 2, 3, … without gaps
    PushBody body;
};

} // namespace hall::protocol
