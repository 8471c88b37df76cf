// Frames of docs/protocol.md. Every frame is one JSON object with the envelope
//   {"v":1,"type":"<request type>|response|push", …}
// Requests put their fields beside the envelope ({"v":1,"type":"call_next","id":"r1",
// "window":3}); responses carry "id", "request", "ok" and "result" or "error"; pushes carry
// "seq", "kind" and "data".

#include "shared/protocol/codec.h"

#include "shared/core/overloaded.h"
#include "shared/protocol/json_reader.h"
#include "shared/protocol/views_json.h"

#include <exception>
#include <set>
#include <vector>

namespace hall::protocol {

using namespace detail;

namespace {

constexpr std::size_t kMaxVersions = 16;
constexpr std::size_t kMaxFaults = 16;
constexpr std::size_t kMaxReasons = 16;

// The engine's shape of a person key: the keyed hash, never an ID number.
using core::isPersonKey;

bool isDay(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (std::size_t i = 0; i < s.size(); ++i)
        if (i != 4 && i != 7 && !(s[i] >= '0' && s[i] <= '9')) return false;
    return true;
}

// Rejects nesting deeper than kMaxDepth before parsing, so that no input can make the parser or
// the destructor of the parsed value go deep. Brackets inside strings do not count.
void checkDepth(std::string_view frame) {
    int depth = 0;
    bool inString = false;
    bool escaped = false;
    for (const char c : frame) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            if (++depth > kMaxDepth)
                reject(ProtocolError::BadFrame,
                       "nesting deeper than " + std::to_string(kMaxDepth) + " levels");
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
}

Json parseFrame(std::string_view frame) {
    if (frame.size() > kMaxFrameBytes)
        reject(ProtocolError::TooLarge, "frame of " + std::to_string(frame.size()) +
                                            " bytes exceeds " + std::to_string(kMaxFrameBytes));
    checkDepth(frame);
    // A key given twice would be read as its last value here but maybe as the first by another
    // reader (a proxy, a log tool): refuse it rather than guess.
    std::vector<std::set<std::string, std::less<>>> keys;
    std::string duplicate;
    const Json::parser_callback_t noDuplicates = [&](int, Json::parse_event_t event, Json& parsed) {
        if (event == Json::parse_event_t::object_start)
            keys.emplace_back();
        else if (event == Json::parse_event_t::object_end && !keys.empty())
            keys.pop_back();
        else if (event == Json::parse_event_t::key && !keys.empty() &&
                 !keys.back().insert(parsed.get<std::string>()).second && duplicate.empty())
            duplicate = parsed.get<std::string>();
        return true;
    };
    Json json = Json::parse(frame.begin(), frame.end(), noDuplicates, /*allow_exceptions=*/false);
    if (json.is_discarded()) reject(ProtocolError::BadFrame, "not valid JSON (UTF-8 text)");
    if (!duplicate.empty())
        reject(ProtocolError::BadFrame, "field '" + duplicate.substr(0, 64) + "' given twice");
    if (!json.is_object()) reject(ProtocolError::BadFrame, "a frame must be a JSON object");
    return json;
}

// The version is checked before anything else so that a future client gets
// unsupported_version, not a complaint about a field it added.
void readVersion(StrictReader& r, const Json& frame) {
    const auto it = frame.find("v");
    if (it == frame.end()) r.fail("v", "is missing");
    if (!it->is_number_integer()) r.fail("v", "must be an integer");
    if (*it != kVersion)
        reject(ProtocolError::UnsupportedVersion, "protocol version " + dump(*it) +
                                                      " is not supported; this side speaks " +
                                                      std::to_string(kVersion));
    (void)r.integer("v", kVersion, kVersion);
}

std::string readId(StrictReader& r) {
    auto id = r.text("id");
    if (!isValidRequestId(id))
        r.fail("id", "must be 1–64 characters of A–Z, a–z, 0–9, '-' and '_'");
    return id;
}

template <typename T>
DecodeResult<T> guarded(std::string_view frame, T (*decode)(std::string_view, std::string&)) {
    std::string id;
    try {
        return decode(frame, id);
    } catch (const Rejected& rejected) {
        return DecodeResult<T>(rejected.error, id);
    } catch (const json::FieldError& e) {
        return DecodeResult<T>(badField(e), id);
    } catch (const std::exception& e) {
        // Anything else (allocation failure) is still an answer, not a crash.
        return DecodeResult<T>(protocolError(ProtocolError::Internal, e.what()), id);
    }
}

// --- request bodies ------------------------------------------------------------------------

bool optionalBool(StrictReader& r, const char* key) {
    return r.has(key) ? r.boolean(key) : false;
}

// Instants sent by terminals: integer ms since the Unix epoch, 0 … 2^50 (year 37,648).
core::Timestamp instant(StrictReader& r, const char* key) {
    return core::Timestamp(core::Millis(r.integer(key, 0, std::int64_t{1} << 50)));
}

// The optional fields a ticket is issued with, online (issue_ticket) or from a lease.
template <typename Issue> void readTicketOptions(StrictReader& r, Issue& c) {
    if (r.has("priority"))
        c.priority = priorityFromName(r.text("priority"), r.subContext("priority"));
    if (r.has("green_category")) c.greenCategory = r.nonEmptyText("green_category");
    if (r.has("appointment")) {
        StrictReader a(r.object("appointment"), r.subContext("appointment"), kMaxTextBytes);
        core::Appointment appointment;
        appointment.id = a.nonEmptyText("id");
        appointment.slotStart = instant(a, "slot_start");
        a.finish();
        c.appointment = std::move(appointment);
    }
    if (r.has("person_key")) {
        c.personKey = r.text("person_key");
        if (!isPersonKey(c.personKey))
            r.fail("person_key", "must be 64 lowercase hex digits (the keyed hash)");
    }
}

template <typename Issue> void writeTicketOptions(Json& j, const Issue& c) {
    j["priority"] = core::priorityName(c.priority);
    if (!c.greenCategory.empty()) j["green_category"] = c.greenCategory;
    if (c.appointment)
        j["appointment"] =
            Json{{"id", c.appointment->id},
                 {"slot_start", c.appointment->slotStart.time_since_epoch().count()}};
    if (!c.personKey.empty()) j["person_key"] = c.personKey;
}

// {"number", "pin"} or {"person_key"}: a staff member's own credential.
StaffCredential staffCredential(StrictReader& r) {
    StaffCredential staff;
    StrictReader s(r.object("staff"), r.subContext("staff"), kMaxTextBytes);
    if (s.has("number")) {
        staff.number = s.nonEmptyText("number");
        staff.pin = s.nonEmptyText("pin");
    } else {
        staff.personKey = s.text("person_key");
        if (!isPersonKey(staff.personKey))
            s.fail("person_key", "must be 64 lowercase hex digits (the keyed hash)");
    }
    s.finish();
    return staff;
}

Json staffCredentialJson(const StaffCredential& staff) {
    return staff.personKey.empty() ? Json{{"number", staff.number}, {"pin", staff.pin}}
                                   : Json{{"person_key", staff.personKey}};
}

RequestBody readBody(RequestType type, StrictReader& r) {
    switch (type) {
    case RequestType::Hello: {
        Hello h;
        h.credential = r.nonEmptyText("credential");
        const Json& versions = r.array("versions");
        if (versions.empty() || versions.size() > kMaxVersions)
            r.fail("versions", "must list 1 to " + std::to_string(kMaxVersions) + " versions");
        for (const auto& v : versions)
            h.versions.push_back(static_cast<int>(r.item("versions", v, 1, 1000)));
        return h;
    }
    case RequestType::Enroll:
        return Enroll{r.nonEmptyText("code")};
    case RequestType::Heartbeat: {
        Heartbeat h;
        if (r.has("faults"))
            for (const auto& name : r.texts("faults", kMaxFaults)) {
                const auto fault = faultFromName(name);
                if (!fault) r.fail("faults", "holds an unknown fault");
                h.faults.push_back(*fault);
            }
        return h;
    }
    case RequestType::GetSnapshot:
        return GetSnapshot{};
    case RequestType::IssueTicket: {
        core::IssueTicket c;
        c.serviceId = r.nonEmptyText("service");
        readTicketOptions(r, c);
        return c;
    }
    case RequestType::LeaseNumbers: {
        core::LeaseNumbers c;
        c.serviceId = r.nonEmptyText("service");
        c.count = static_cast<int>(r.integer("count", 1, core::kMaxLeaseCount));
        return c;
    }
    case RequestType::IssueLeasedTicket: {
        core::IssueLeasedTicket c;
        c.lease = r.unsignedInteger("lease", 1);
        c.number = r.nonEmptyText("number");
        c.issuedAt = instant(r, "issued_at");
        readTicketOptions(r, c);
        return c;
    }
    case RequestType::CheckIn: {
        CheckInRequest c;
        if (r.has("booking")) c.booking = r.nonEmptyText("booking");
        if (r.has("person_key")) c.personKey = r.nonEmptyText("person_key");
        if (c.booking.empty() == c.personKey.empty())
            r.fail("booking", "exactly one of booking and person_key is required");
        return c;
    }
    case RequestType::IssueGreenTicket: {
        GreenTicketRequest c;
        c.serviceId = r.nonEmptyText("service");
        c.category = r.nonEmptyText("category");
        c.staff = staffCredential(r);
        return c;
    }
    case RequestType::StaffSignIn: {
        StaffSignInRequest c;
        c.window = window(r, "window");
        c.staff = staffCredential(r);
        return c;
    }
    case RequestType::Park: {
        core::Park c{window(r, "window")};
        if (r.has("minutes"))
            c.minutes = static_cast<int>(r.integer("minutes", 1, core::kMaxParkMinutes));
        return c;
    }
    case RequestType::IdentifyVisit: {
        core::IdentifyVisit c;
        c.window = window(r, "window");
        c.personKey = r.text("person_key");
        if (!isPersonKey(c.personKey))
            r.fail("person_key", "must be 64 lowercase hex digits (the keyed hash)");
        return c;
    }
    case RequestType::TechnicianAudit: {
        TechnicianAudit c;
        const auto name = r.text("action");
        const auto action = technicianActionFromName(name);
        if (!action) r.fail("action", "is not a technician action");
        c.action = *action;
        if (r.has("detail")) c.detail = r.text("detail");
        c.at = instant(r, "at");
        return c;
    }
    case RequestType::SignIn: {
        core::SignIn c;
        c.window = window(r, "window");
        c.staffId = r.nonEmptyText("staff");
        return c;
    }
    case RequestType::SignOut:
        return core::SignOut{window(r, "window")};
    case RequestType::PauseWindow: {
        core::PauseWindow c;
        c.window = window(r, "window");
        if (r.has("reason")) c.reason = r.text("reason");
        return c;
    }
    case RequestType::ResumeWindow:
        return core::ResumeWindow{window(r, "window")};
    case RequestType::CallNext: {
        core::CallNext c;
        c.window = window(r, "window");
        c.silent = optionalBool(r, "silent");
        return c;
    }
    case RequestType::CallNumber: {
        core::CallNumber c;
        c.window = window(r, "window");
        c.number = r.nonEmptyText("number");
        c.silent = optionalBool(r, "silent");
        if (r.has("reason")) c.reason = r.text("reason");
        return c;
    }
    case RequestType::Recall: {
        core::Recall c;
        c.window = window(r, "window");
        c.silent = optionalBool(r, "silent");
        return c;
    }
    case RequestType::StartServing:
        return core::StartServing{window(r, "window")};
    case RequestType::Finish: {
        core::Finish c{window(r, "window")};
        if (r.has("outcome")) c.outcome = r.nonEmptyText("outcome");
        if (r.has("note")) c.note = r.text("note");
        return c;
    }
    case RequestType::MarkNoShow:
        return core::MarkNoShow{window(r, "window")};
    case RequestType::Transfer: {
        core::Transfer c;
        c.window = window(r, "window");
        if (r.has("to_service")) c.toService = r.nonEmptyText("to_service");
        if (r.has("to_window")) c.toWindow = window(r, "to_window");
        if (r.has("note")) c.note = r.text("note");
        c.returnHere = optionalBool(r, "return_here");
        return c;
    }
    case RequestType::UndoCall:
        return core::UndoCall{window(r, "window")};
    case RequestType::CancelTicket: {
        core::CancelTicket c;
        c.ticket = r.unsignedInteger("ticket", 1);
        if (r.has("reason")) {
            // day_closed is the engine's own reason; no terminal may claim it.
            const auto reason = r.text("reason");
            if (reason == "citizen")
                c.reason = core::CancelReason::Citizen;
            else if (reason == "staff")
                c.reason = core::CancelReason::Staff;
            else
                r.fail("reason", "must be \"citizen\" or \"staff\"");
        }
        return c;
    }
    case RequestType::Rate: {
        core::Rate c;
        c.ticket = r.unsignedInteger("ticket", 1);
        const auto level = r.text("level");
        bool known = false;
        for (int i = 1; i <= core::kRatingLevels; ++i)
            if (core::ratingName(static_cast<core::RatingLevel>(i)) == level) {
                c.level = static_cast<core::RatingLevel>(i);
                known = true;
            }
        if (!known) r.fail("level", "is not a rating level");
        if (r.has("reasons")) c.reasons = r.texts("reasons", kMaxReasons);
        if (r.has("comment")) c.comment = r.text("comment");
        return c;
    }
    }
    reject(ProtocolError::Internal, "unhandled request type");
}

Json bodyJson(const RequestBody& body) {
    return std::visit(
        core::Overloaded{
            [](const Hello& h) {
                return Json{{"credential", h.credential}, {"versions", h.versions}};
            },
            [](const Enroll& e) {
                return Json{{"code", e.code}};
            },
            [](const Heartbeat& h) {
                Json faults = Json::array();
                for (const auto f : h.faults)
                    faults.push_back(faultName(f));
                return Json{{"faults", std::move(faults)}};
            },
            [](const GetSnapshot&) { return Json::object(); },
            [](const core::IssueTicket& c) {
                // sourceDevice is not sent: the server takes it from the connection.
                Json j{{"service", c.serviceId}};
                writeTicketOptions(j, c);
                return j;
            },
            [](const core::LeaseNumbers& c) {
                return Json{{"service", c.serviceId}, {"count", c.count}};
            },
            [](const core::IssueLeasedTicket& c) {
                Json j{{"lease", c.lease},
                       {"number", c.number},
                       {"issued_at", c.issuedAt.time_since_epoch().count()}};
                writeTicketOptions(j, c);
                return j;
            },
            [](const CheckInRequest& c) {
                return c.booking.empty() ? Json{{"person_key", c.personKey}}
                                         : Json{{"booking", c.booking}};
            },
            [](const GreenTicketRequest& c) {
                return Json{{"service", c.serviceId},
                            {"category", c.category},
                            {"staff", staffCredentialJson(c.staff)}};
            },
            [](const TechnicianAudit& c) {
                return Json{{"action", technicianActionName(c.action)},
                            {"detail", c.detail},
                            {"at", c.at.time_since_epoch().count()}};
            },
            [](const core::SignIn& c) {
                return Json{{"window", c.window}, {"staff", c.staffId}};
            },
            [](const core::SignOut& c) {
                return Json{{"window", c.window}};
            },
            [](const core::PauseWindow& c) {
                return Json{{"window", c.window}, {"reason", c.reason}};
            },
            [](const core::ResumeWindow& c) {
                return Json{{"window", c.window}};
            },
            [](const core::CallNext& c) {
                return Json{{"window", c.window}, {"silent", c.silent}};
            },
            [](const core::CallNumber& c) {
                Json j{{"window", c.window}, {"number", c.number}, {"silent", c.silent}};
                if (!c.reason.empty()) j["reason"] = c.reason;
                return j;
            },
            [](const core::Park& c) {
                Json j{{"window", c.window}};
                if (c.minutes) j["minutes"] = c.minutes;
                return j;
            },
            [](const core::IdentifyVisit& c) {
                return Json{{"window", c.window}, {"person_key", c.personKey}};
            },
            [](const StaffSignInRequest& c) {
                return Json{{"window", c.window}, {"staff", staffCredentialJson(c.staff)}};
            },
            [](const core::Recall& c) {
                return Json{{"window", c.window}, {"silent", c.silent}};
            },
            [](const core::StartServing& c) {
                return Json{{"window", c.window}};
            },
            [](const core::Finish& c) {
                Json j{{"window", c.window}};
                if (!c.outcome.empty()) j["outcome"] = c.outcome;
                if (!c.note.empty()) j["note"] = c.note;
                return j;
            },
            [](const core::MarkNoShow& c) {
                return Json{{"window", c.window}};
            },
            [](const core::Transfer& c) {
                Json j{{"window", c.window}};
                if (c.toService) j["to_service"] = *c.toService;
                if (c.toWindow) j["to_window"] = *c.toWindow;
                if (!c.note.empty()) j["note"] = c.note;
                if (c.returnHere) j["return_here"] = true;
                return j;
            },
            [](const core::UndoCall& c) {
                return Json{{"window", c.window}};
            },
            [](const core::CancelTicket& c) {
                return Json{{"ticket", c.ticket}, {"reason", core::cancelReasonName(c.reason)}};
            },
            [](const core::Rate& c) {
                return Json{{"ticket", c.ticket},
                            {"level", core::ratingName(c.level)},
                            {"reasons", c.reasons},
                            {"comment", c.comment}};
            },
        },
        body);
}

Request decodeRequestFrame(std::string_view frame, std::string& id) {
    const Json json = parseFrame(frame);
    StrictReader envelope(json, "request", kMaxTextBytes);
    readVersion(envelope, json);
    // The id is taken before the type is checked so that even an unknown type is refused to
    // the request's id.
    if (const auto it = json.find("id");
        it != json.end() && it->is_string() && isValidRequestId(it->get_ref<const std::string&>()))
        id = it->get<std::string>();
    const auto typeName = envelope.text("type");
    const auto type = requestTypeFromName(typeName);
    if (!type)
        reject(ProtocolError::UnknownType, "unknown request type '" + typeName.substr(0, 64) + "'");
    StrictReader r(json, std::string(requestTypeName(*type)), kMaxTextBytes);
    (void)r.integer("v", kVersion, kVersion);
    (void)r.text("type");
    auto requestId = readId(r);
    Request request{std::move(requestId), readBody(*type, r)};
    r.finish();
    return request;
}

// --- responses -----------------------------------------------------------------------------

Json resultJson(const ResponseResult& result) {
    return std::visit(
        core::Overloaded{
            [](const HelloResult& h) {
                Json j{{"version", h.version}, {"device", toJson(h.identity)}};
                if (h.personKeySecret) j["person_key_secret"] = *h.personKeySecret;
                return j;
            },
            [](const EnrollResult& e) {
                return Json{{"credential", e.credential}, {"device", toJson(e.identity)}};
            },
            [](const CommandResult& c) {
                Json j = Json::object();
                if (c.ticket) j["ticket"] = toJson(*c.ticket);
                if (c.ahead) j["ahead"] = *c.ahead;
                if (c.estimatedWaitMs) j["estimated_wait_ms"] = *c.estimatedWaitMs;
                return j;
            },
            [](const Ack&) { return Json::object(); },
            [](const SnapshotResult& s) {
                Json j = toJson(s.snapshot);
                j["seq"] = s.seq;
                return j;
            },
            [](const LeaseResult& l) {
                return Json{{"lease", Json{{"id", l.lease.id},
                                           {"service", l.lease.serviceId},
                                           {"business_day", l.lease.businessDay},
                                           {"numbers", l.lease.numbers}}}};
            },
        },
        result);
}

ResponseResult readResult(RequestType type, const Json& json) {
    StrictReader r(json, "response.result", kMaxTextBytes);
    ResponseResult result = Ack{};
    switch (type) {
    case RequestType::Hello: {
        HelloResult h;
        h.version = static_cast<int>(r.integer("version", 1, 1000));
        h.identity = readDevice(r.object("device"), r.subContext("device"));
        if (r.has("person_key_secret")) {
            h.personKeySecret = r.text("person_key_secret");
            if (!isPersonKey(*h.personKeySecret))
                r.fail("person_key_secret", "must be 64 lowercase hex digits (32 bytes)");
        }
        result = h;
        break;
    }
    case RequestType::Enroll: {
        EnrollResult e;
        e.credential = r.nonEmptyText("credential");
        e.identity = readDevice(r.object("device"), r.subContext("device"));
        result = e;
        break;
    }
    case RequestType::Heartbeat:
    case RequestType::TechnicianAudit:
        break;
    case RequestType::LeaseNumbers: {
        StrictReader l(r.object("lease"), r.subContext("lease"), kMaxTextBytes);
        LeaseResult lease;
        lease.lease.id = l.unsignedInteger("id", 1);
        lease.lease.serviceId = l.nonEmptyText("service");
        lease.lease.businessDay = l.nonEmptyText("business_day");
        if (!isDay(lease.lease.businessDay)) l.fail("business_day", "must be a date YYYY-MM-DD");
        lease.lease.numbers = l.texts("numbers", core::kMaxLeaseCount);
        if (lease.lease.numbers.empty()) l.fail("numbers", "must list at least one number");
        l.finish();
        result = std::move(lease);
        break;
    }
    case RequestType::GetSnapshot: {
        SnapshotResult s;
        s.seq = r.unsignedInteger("seq", 0);
        s.snapshot = readSnapshot(r);
        result = s;
        break;
    }
    default: {
        CommandResult c;
        if (r.has("ticket")) c.ticket = readTicket(r.object("ticket"), r.subContext("ticket"));
        if (r.has("ahead")) c.ahead = static_cast<int>(r.integer("ahead", 0, 1'000'000));
        if (r.has("estimated_wait_ms"))
            c.estimatedWaitMs =
                r.integer("estimated_wait_ms", 0, std::numeric_limits<std::int64_t>::max());
        result = c;
        break;
    }
    }
    r.finish();
    return result;
}

Response decodeResponseFrame(std::string_view frame, std::string& id) {
    const Json json = parseFrame(frame);
    StrictReader r(json, "response", kMaxTextBytes);
    readVersion(r, json);
    if (r.text("type") != "response") reject(ProtocolError::UnknownType, "not a response");
    Response response{{}, std::nullopt, Ack{}};
    if (r.has("id")) response.id = id = readId(r);
    if (r.has("request")) {
        const auto type = requestTypeFromName(r.text("request"));
        if (!type) r.fail("request", "is not a request type");
        response.type = type;
    }
    if (r.boolean("ok")) {
        if (!response.type) r.fail("request", "is required in a successful response");
        response.outcome = readResult(*response.type, r.object("result"));
    } else {
        StrictReader e(r.object("error"), "response.error", kMaxTextBytes);
        Error error{e.nonEmptyText("code"), e.text("message")};
        if (e.has("ticket")) error.ticket = readTicket(e.object("ticket"), e.subContext("ticket"));
        e.finish();
        response.outcome = std::move(error);
    }
    r.finish();
    return response;
}

// --- pushes --------------------------------------------------------------------------------

Push decodePushFrame(std::string_view frame, std::string&) {
    const Json json = parseFrame(frame);
    StrictReader r(json, "push", kMaxTextBytes);
    readVersion(r, json);
    if (r.text("type") != "push") reject(ProtocolError::UnknownType, "not a push");
    Push push{r.unsignedInteger("seq", 1), Notice{}};
    const auto kind = r.text("kind");
    const Json& data = r.object("data");
    const std::string context = "push " + kind.substr(0, 32) + " data";
    if (kind == "queue") {
        push.body = readQueues(data, context);
    } else if (kind == "window") {
        push.body = readWindow(data, context);
    } else if (kind == "call") {
        StrictReader c(data, context, kMaxTextBytes);
        Call call;
        call.ticket = readTicket(c.object("ticket"), c.subContext("ticket"));
        call.window = window(c, "window");
        call.silent = c.boolean("silent");
        call.recall = c.boolean("recall");
        c.finish();
        push.body = std::move(call);
    } else if (kind == "notice") {
        push.body = readNotice(data, context);
    } else if (kind == "snapshot") {
        StrictReader s(data, context, kMaxTextBytes);
        push.body = readSnapshot(s);
        s.finish();
    } else {
        reject(ProtocolError::UnknownType, "unknown push kind '" + kind.substr(0, 64) + "'");
    }
    r.finish();
    return push;
}

} // namespace

DecodeResult<Request> decodeRequest(std::string_view frame) {
    return guarded<Request>(frame, decodeRequestFrame);
}
DecodeResult<Response> decodeResponse(std::string_view frame) {
    return guarded<Response>(frame, decodeResponseFrame);
}
DecodeResult<Push> decodePush(std::string_view frame) {
    return guarded<Push>(frame, decodePushFrame);
}

std::string encodeView(const Snapshot& snapshot) {
    return detail::dump(detail::toJson(snapshot));
}

std::string encodeView(const DeviceIdentity& device) {
    return detail::dump(detail::toJson(device));
}

std::string encodeView(const Signage& signage) {
    return detail::dump(detail::toJson(signage));
}

std::string encodeView(const ContentItem& item) {
    return detail::dump(detail::toJson(item));
}

std::string encodePlaylist(const std::vector<PlaylistEntry>& playlist) {
    Json entries = Json::array();
    for (const auto& e : playlist)
        entries.push_back(detail::toJson(e));
    return detail::dump(Json{{"playlist", std::move(entries)}});
}

namespace {

std::vector<PlaylistEntry> decodePlaylistBody(std::string_view text, std::string&) {
    const Json json = parseFrame(text);
    StrictReader r(json, "", kMaxTextBytes);
    const Json& list = r.array("playlist");
    std::vector<PlaylistEntry> out;
    for (std::size_t i = 0; i < list.size(); ++i)
        out.push_back(detail::readPlaylistEntry(list[i], "playlist[" + std::to_string(i) + "]"));
    r.finish();
    return out;
}

Signage decodeSignageBody(std::string_view text, std::string&) {
    return detail::readSignage(parseFrame(text), "signage");
}

} // namespace

DecodeResult<Signage> decodeSignage(std::string_view json) {
    return guarded<Signage>(json, decodeSignageBody);
}

DecodeResult<std::vector<PlaylistEntry>> decodePlaylist(std::string_view json) {
    return guarded<std::vector<PlaylistEntry>>(json, decodePlaylistBody);
}

std::string encodeRequest(const Request& request) {
    Json j = bodyJson(request.body);
    j["v"] = kVersion;
    j["type"] = requestTypeName(request.type());
    j["id"] = request.id;
    return dump(j);
}

std::string encodeResponse(const Response& response) {
    Json j{{"v", kVersion}, {"type", "response"}, {"ok", response.ok()}};
    if (!response.id.empty()) j["id"] = response.id;
    if (response.type) j["request"] = requestTypeName(*response.type);
    if (response.ok()) {
        j["result"] = resultJson(std::get<ResponseResult>(response.outcome));
    } else {
        const auto& error = std::get<Error>(response.outcome);
        j["error"] = Json{{"code", error.code}, {"message", error.message}};
        if (error.ticket) j["error"]["ticket"] = toJson(*error.ticket);
    }
    return dump(j);
}

EncodedPushBody encodePushBody(const PushBody& body) {
    Json data = std::visit(core::Overloaded{
                               [](const QueueState& q) { return toJson(q); },
                               [](const WindowView& w) { return toJson(w); },
                               [](const Call& c) {
                                   return Json{{"ticket", toJson(c.ticket)},
                                               {"window", c.window},
                                               {"silent", c.silent},
                                               {"recall", c.recall}};
                               },
                               [](const Notice& n) { return toJson(n); },
                               [](const Snapshot& s) { return toJson(s); },
                           },
                           body);
    return EncodedPushBody{pushKindName(body), dump(data)};
}

std::string encodePush(std::uint64_t seq, const EncodedPushBody& body) {
    // The envelope as dump() writes any object: keys in sorted order, no spaces. The kind is
    // one of the fixed ASCII names, so it needs no escaping.
    std::string frame;
    frame.reserve(body.data.size() + 64);
    frame.append(R"({"data":)").append(body.data);
    frame.append(R"(,"kind":")").append(body.kind);
    frame.append(R"(","seq":)").append(std::to_string(seq));
    frame.append(R"(,"type":"push","v":)").append(std::to_string(kVersion)).append("}");
    return frame;
}

std::string encodePush(const Push& push) {
    return encodePush(push.seq, encodePushBody(push.body));
}

} // namespace hall::protocol
