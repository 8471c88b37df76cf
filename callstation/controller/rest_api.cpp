#include "callstation/controller/rest_api.h"

#include "callstation/controller/bus_health.h"
#include "callstation/controller/engine_worker.h"
#include "callstation/controller/hub.h"
#include "callstation/controller/log.h"
#include "callstation/controller/metrics_text.h"
#include "callstation/controller/rest_support.h"
#include "shared/protocol/codec.h"
#include "shared/protocol/roles.h"

#include <nlohmann/json.hpp>
#include <openssl/rand.h>

namespace hall::controller {

namespace http = boost::beast::http;
using nlohmann::json;
using rest::Call;

RestApi::RestApi(ServerContext& context) : context_(context) {}

void RestApi::handle(Request request, Reply reply) {
    auto call = std::make_shared<Call>(std::move(request), std::move(reply));
    // Open to anyone who can reach the port: liveness and counters, nothing about people.
    if (call->path == "/healthz" && call->method() == http::verb::get) return health(call);
    if (call->path == "/metrics" && call->method() == http::verb::get) return metrics(call);
    // Signage files for the players: any enrolled device's credential.
    if (call->path.starts_with("/content/") && call->method() == http::verb::get) {
        std::string id = call->path.substr(9);
        if (!protocol::isContentId(id)) return call->fail(http::status::not_found, "not_found", "no content " + id);
        return contentFile(call, std::move(id));
    }
    // A signature or a scan from a window pad or a kiosk: that terminal's own credential, checked
    // there (an admin's is refused: attachments come from the citizen's side of the window).
    constexpr std::string_view kTickets = "/api/v1/tickets/", kAttachments = "/attachments";
    if (call->method() == http::verb::post && call->path.starts_with(kTickets) &&
        call->path.ends_with(kAttachments) &&
        call->path.size() > kTickets.size() + kAttachments.size()) {
        std::string ticket = call->path.substr(
            kTickets.size(), call->path.size() - kTickets.size() - kAttachments.size());
        if (ticket.find('/') == std::string::npos)
            return attachmentUpload(call, rest::percentDecode(ticket));
    }
    if (!call->path.starts_with("/api/v1/"))
        return call->fail(http::status::not_found, "not_found", "no such resource: " + call->path);

    std::string credential = call->bearer();
    if (credential.empty())
        return call->fail(http::status::unauthorized, "unauthenticated",
                          "send the admin credential as 'Authorization: Bearer …'");
    context_.worker.run([this, call, credential = std::move(credential)](HallData& data) {
        auto who = data.registry.authenticate(credential);
        boost::asio::post(context_.network, [this, call, who] {
            if (!who)
                return call->fail(http::status::unauthorized, "unauthenticated",
                                  "unknown or revoked credential");
            if (who->role != protocol::Role::Admin)
                return call->fail(http::status::forbidden, "forbidden",
                                  "the REST API is for admin devices; this one is a " +
                                      std::string(protocol::roleName(who->role)));
            call->admin = *who;
            route(call);
        });
    });
}

void RestApi::route(const std::shared_ptr<Call>& call) {
    const auto verb = call->method();
    const std::string_view path = std::string_view(call->path).substr(std::string_view("/api/v1").size());
    auto segment = [&](std::string_view prefix) -> std::optional<std::string> {
        if (!path.starts_with(prefix) || path.size() == prefix.size()) return std::nullopt;
        std::string rest(path.substr(prefix.size()));
        if (rest.find('/') != std::string::npos) return std::nullopt;
        return rest::percentDecode(rest);
    };
    if (path == "/status" && verb == http::verb::get) return status(call);
    if (path == "/config" && verb == http::verb::get) return hallConfig(call);
    if (path == "/notices" && (verb == http::verb::get || verb == http::verb::put)) return notices(call);
    if (path == "/devices" && verb == http::verb::get) return devices(call);
    if (path == "/health" && verb == http::verb::get) return deviceHealth(call);
    if (path == "/content") return content(call, std::nullopt);
    if (auto id = segment("/content/")) return content(call, *id);
    if (path == "/playlist" && (verb == http::verb::get || verb == http::verb::put)) return playlist(call);
    if (path == "/emergency") return emergency(call);
    if (path == "/bookings") return bookings(call, std::nullopt);
    if (auto id = segment("/bookings/")) return bookings(call, *id);
    if (path == "/staff") return staff(call, std::nullopt);
    if (path.starts_with("/staff/") && path.ends_with("/credentials")) {
        std::string id(path.substr(7, path.size() - 7 - 12));
        if (!id.empty() && id.find('/') == std::string::npos) return staff(call, rest::percentDecode(id));
    }
    if (path == "/followups") return followUps(call, std::nullopt, {});
    if (path.starts_with("/followups/")) {
        std::string id(path.substr(11));
        std::string action;
        if (const auto slash = id.find('/'); slash != std::string::npos) {
            action = id.substr(slash + 1);
            id.resize(slash);
        }
        if (!id.empty() && (action.empty() || action == "assign" || action == "close"))
            return followUps(call, rest::percentDecode(id), std::move(action));
    }
    if (path == "/attachments") return attachments(call, std::nullopt);
    if (auto id = segment("/attachments/")) return attachments(call, *id);
    if (path == "/devices/enrollments" && verb == http::verb::post) return createEnrollment(call);
    if (path.starts_with("/devices/") && path.ends_with("/revoke") && verb == http::verb::post) {
        std::string name(path.substr(9, path.size() - 9 - 7));
        if (!name.empty() && name.find('/') == std::string::npos) return revoke(call, rest::percentDecode(name));
    }
    if (auto type = segment("/operations/"); type && verb == http::verb::post) return operation(call, *type);
    if (path == "/reports" && verb == http::verb::get) return reports(call);
    if (path == "/audit" && verb == http::verb::get) return audit(call);
    call->fail(http::status::not_found, "not_found",
               std::string(http::to_string(verb)) + " " + call->path + " is not part of the API");
}

void RestApi::health(const std::shared_ptr<Call>& call) {
    // Healthy means the database thread answers, not merely that the port is open.
    context_.worker.run([this, call](HallData& data) {
        const auto events = data.engine.journalSize();
        boost::asio::post(context_.network, [this, call, events] {
            call->ok(json{{"status", "ok"},
                          {"journal_events", events},
                          {"connections", context_.metrics.connectionsOpen},
                          {"terminals", context_.hub.authenticatedConnections()}});
        });
    });
}

void RestApi::metrics(const std::shared_ptr<Call>& call) {
    call->text(http::status::ok, "text/plain; version=0.0.4; charset=utf-8",
               metricsText(context_.metrics, context_.hub));
}

void RestApi::status(const std::shared_ptr<Call>& call) {
    const auto& config = context_.hub.config();
    protocol::DeviceIdentity everything;
    everything.role = protocol::Role::Admin;
    json out = json::parse(protocol::encodeView(context_.hub.snapshotFor(everything)));
    out["hall"] = config.name;
    out["time_zone"] = config.timeZone;
    // The hall's clock (UTC milliseconds): what terminals and tools show and align to.
    out["now_ms"] = context_.clock.now().time_since_epoch().count();
    out["connections"] = context_.metrics.connectionsOpen;
    out["terminals_online"] = context_.hub.authenticatedConnections();
    call->ok(out);
}

void RestApi::hallConfig(const std::shared_ptr<Call>& call) {
    const auto& config = context_.hub.config();
    json services = json::array(), windows = json::array(), zones = json::array(), staff = json::array();
    for (const auto& s : config.services)
        services.push_back({{"id", s.id}, {"prefix", s.prefix}, {"name_zh", s.nameZh}, {"name_en", s.nameEn}});
    for (const auto& z : config.zones) zones.push_back({{"id", z.id}, {"name_zh", z.nameZh}, {"name_en", z.nameEn}});
    for (const auto& w : config.windows) {
        json served = json::array();
        for (const auto& s : w.services) served.push_back(s.serviceId);
        windows.push_back({{"number", w.number}, {"name", w.name}, {"zone", w.zoneId}, {"services", served}});
    }
    // Staff are the hall's employees: name and number are shown on the window pad anyway.
    for (const auto& s : config.staff)
        staff.push_back({{"id", s.id}, {"name", s.name}, {"staff_number", s.staffNumber}});
    call->ok(json{{"hall", config.name},
                  {"time_zone", config.timeZone},
                  {"zones", zones},
                  {"services", services},
                  {"windows", windows},
                  {"staff", staff}});
}

void RestApi::notices(const std::shared_ptr<Call>& call) {
    auto list = [this] {
        json out = json::array();
        for (const auto& n : context_.hub.notices()) out.push_back({{"id", n.id}, {"text", n.text}});
        return json{{"notices", out}};
    };
    if (call->method() == http::verb::get) return call->ok(list());
    auto body = call->jsonBody();
    if (!body) return;
    std::vector<protocol::Notice> notices;
    try {
        const auto& items = body->at("notices");
        if (!items.is_array() || items.size() > 32) throw std::invalid_argument("notices: a list of at most 32");
        for (const auto& item : items) {
            protocol::Notice n{item.at("id").get<std::string>(), item.at("text").get<std::string>()};
            if (n.id.empty() || n.id.size() > 64 || n.text.size() > protocol::kMaxTextBytes)
                throw std::invalid_argument("each notice needs an id (1–64 bytes) and a text (≤ 1,024 bytes)");
            notices.push_back(std::move(n));
        }
    } catch (const std::exception& e) {
        return call->fail(http::status::bad_request, "bad_request",
                          std::string("expected {\"notices\":[{\"id\",\"text\"}…]}: ") + e.what());
    }
    const std::string detail = std::to_string(notices.size()) + " notice(s)";
    context_.worker.run([this, call, list, notices = std::move(notices), detail](HallData& data) mutable {
        data.audit.record(context_.clock.now(), call->admin.device, "notices", detail);
        boost::asio::post(context_.network, [this, call, list, notices = std::move(notices)]() mutable {
            context_.hub.setNotices(std::move(notices));
            call->ok(list());
        });
    });
}

void RestApi::operation(const std::shared_ptr<Call>& call, std::string type) {
    // The body is the protocol request's fields (docs/protocol.md); the frame is assembled from
    // it as text, so the protocol's strict decoder judges it exactly as it judges a terminal's,
    // duplicate keys included. Idempotency-Key plays the part of the request id.
    std::string key(call->request[ "Idempotency-Key" ]);
    if (key.empty()) {
        unsigned char random[12];
        RAND_bytes(random, sizeof random);
        key = "rest-";
        for (unsigned char b : random) key += "0123456789abcdef"[b >> 4], key += "0123456789abcdef"[b & 15];
    }
    if (!protocol::isValidRequestId(key))
        return call->fail(http::status::bad_request, "bad_frame",
                          "Idempotency-Key: 1–64 characters of A–Z a–z 0–9 _ -");
    const auto requestType = protocol::requestTypeFromName(type);
    if (!requestType || !protocol::isValidRequestId(type))
        return call->fail(http::status::not_found, "unknown_type", "no operation '" + type + "'");
    using T = protocol::RequestType;
    if (*requestType == T::Hello || *requestType == T::Enroll || *requestType == T::Heartbeat ||
        *requestType == T::GetSnapshot)
        return call->fail(http::status::not_found, "unknown_type",
                          "'" + type + "' is part of a terminal's connection, not an operation");
    std::string body = call->request.body();
    constexpr const char* kSpace = " \t\r\n";
    auto first = body.find_first_not_of(kSpace);
    if (first == std::string::npos) body = "{}", first = 0;
    if (body[first] != '{')
        return call->fail(http::status::bad_request, "bad_frame", "the body must be a JSON object");
    const auto next = body.find_first_not_of(kSpace, first + 1);
    const bool noFields = next != std::string::npos && body[next] == '}';
    const std::string frame = R"({"v":1,"type":")" + type + R"(","id":")" + key + "\"" +
                              (noFields ? "" : ",") + body.substr(first + 1);
    auto decoded = protocol::decodeRequest(frame);
    if (!decoded) return call->failWith(decoded.error());
    auto command = protocol::engineCommand(decoded.value());
    if (!command) return call->fail(http::status::not_found, "unknown_type", "no operation '" + type + "'");
    if (auto refusal = protocol::authorize(call->admin, decoded.value())) return call->failWith(*refusal);
    protocol::stampConnection(*command, call->admin);

    CommandJob job;
    job.command = std::move(*command);
    job.requestId = call->admin.device + "/" + key;
    job.done = [this, call, requestType, type, key](Outcome outcome) {
        const std::string answer =
            protocol::encodeResponse(protocol::Response{key, *requestType, std::move(outcome)});
        json parsed = json::parse(answer);
        if (!parsed["ok"].get<bool>()) {
            protocol::Error error{parsed["error"]["code"], parsed["error"]["message"]};
            return call->failWith(error);
        }
        json result = parsed["result"];
        std::string detail = type;
        if (result.contains("ticket")) detail += " " + result["ticket"]["number"].get<std::string>();
        context_.worker.run([this, actor = call->admin.device, type, detail](HallData& data) {
            data.audit.record(context_.clock.now(), actor, type, detail);
        });
        call->ok(result);
    };
    context_.worker.submit(std::move(job));
}

json RestApi::deviceJson(const DeviceRecord& r) const {
    json d = json::parse(protocol::encodeView(r.identity));
    d["enrolled_at"] = rest::isoTime(r.enrolledAt);
    if (r.revokedAt) d["revoked_at"] = rest::isoTime(*r.revokedAt);
    const auto& health = context_.hub.health();
    auto it = health.find(r.identity.device);
    d["online"] = it != health.end() && it->second.online;
    json faults = json::array();
    if (it != health.end()) {
        if (it->second.lastSeen != core::Timestamp{}) d["last_seen"] = rest::isoTime(it->second.lastSeen);
        for (auto f : it->second.faults) faults.push_back(protocol::faultName(f));
        d["address"] = it->second.address;
    }
    d["faults"] = std::move(faults);
    return d;
}

void RestApi::devices(const std::shared_ptr<Call>& call) {
    context_.worker.run([this, call](HallData& data) {
        auto records = data.registry.devices();
        boost::asio::post(context_.network, [this, call, records = std::move(records)] {
            json out = json::array();
            for (const auto& r : records) out.push_back(deviceJson(r));
            call->ok(json{{"devices", out}});
        });
    });
}

void RestApi::deviceHealth(const std::shared_ptr<Call>& call) {
    context_.worker.run([this, call](HallData& data) {
        auto records = data.registry.devices();
        boost::asio::post(context_.network, [this, call, records = std::move(records)] {
            // Terminals that need someone: a fault in their last heartbeat, or not connected
            // (admin credentials are tools, not boxes in the hall; revoked ones are gone).
            json terminals = json::array();
            for (const auto& r : records) {
                if (r.revokedAt) continue;
                json d = deviceJson(r);
                const bool idle = r.identity.role == protocol::Role::Admin || d["online"].get<bool>();
                if (idle && d["faults"].empty()) continue;
                terminals.push_back(std::move(d));
            }
            json bus = json::array();
            for (const auto& e : context_.busHealth.entries()) {
                json u{{"kind", busUnitKindName(e.kind)}, {"line", e.line}, {"answering", e.answering}};
                if (e.unit != 0) u["unit"] = e.unit;
                if (e.window != 0) u["window"] = e.window;
                if (e.since) u["since"] = rest::isoTime(*e.since);
                if (!e.problem.empty()) u["problem"] = e.problem;
                bus.push_back(std::move(u));
            }
            call->ok(json{{"terminals", terminals}, {"bus", bus}});
        });
    });
}

void RestApi::createEnrollment(const std::shared_ptr<Call>& call) {
    auto body = call->jsonBody();
    if (!body) return;
    protocol::DeviceIdentity identity;
    int validHours = 24;
    try {
        identity.device = body->at("name").get<std::string>();
        auto role = protocol::roleFromName(body->at("role").get<std::string>());
        if (!role) throw std::invalid_argument("role: one of ticket_machine, kiosk, window_pad, call_board, led_bridge, admin");
        identity.role = *role;
        if (body->contains("window")) identity.window = body->at("window").get<int>();
        if (body->contains("zone")) identity.zone = body->at("zone").get<std::string>();
        if (body->contains("valid_hours")) validHours = body->at("valid_hours").get<int>();
        if (validHours < 1 || validHours > 24 * 30) throw std::invalid_argument("valid_hours: 1 … 720");
        if (identity.device.empty() || identity.device.size() > 64 || !protocol::isValidRequestId(identity.device))
            throw std::invalid_argument("name: 1–64 characters of A–Z a–z 0–9 _ -");
        const auto& config = context_.hub.config();
        if (identity.window && config.findWindow(*identity.window) == nullptr)
            throw std::invalid_argument("window " + std::to_string(*identity.window) + " is not in the hall configuration");
        if (!identity.zone.empty()) {
            bool known = false;
            for (const auto& z : config.zones) known = known || z.id == identity.zone;
            if (!known) throw std::invalid_argument("zone '" + identity.zone + "' is not in the hall configuration");
        }
    } catch (const std::exception& e) {
        return call->fail(http::status::bad_request, "bad_request", e.what());
    }
    context_.worker.run([this, call, identity, validHours](HallData& data) {
        const auto now = context_.clock.now();
        std::string code, error;
        try {
            code = data.registry.createEnrollmentCode(identity, now, std::chrono::hours(validHours));
            data.audit.record(now, call->admin.device, "enroll",
                              identity.device + " as " + std::string(protocol::roleName(identity.role)));
        } catch (const std::invalid_argument& e) {
            error = e.what();
        }
        boost::asio::post(context_.network, [call, identity, code, error, expires = now + std::chrono::hours(validHours)] {
            if (!error.empty()) return call->fail(http::status::bad_request, "bad_request", error);
            json out = json::parse(protocol::encodeView(identity));
            out["code"] = code;
            out["expires_at"] = rest::isoTime(expires);
            call->ok(out, http::status::created);
        });
    });
}

void RestApi::revoke(const std::shared_ptr<Call>& call, std::string device) {
    context_.worker.run([this, call, device](HallData& data) {
        const auto now = context_.clock.now();
        const bool revoked = data.registry.revoke(device, now);
        if (revoked) data.audit.record(now, call->admin.device, "revoke", device);
        boost::asio::post(context_.network, [this, call, device, revoked] {
            if (!revoked)
                return call->fail(http::status::not_found, "not_found",
                                  "no enrolled, unrevoked device named '" + device + "'");
            context_.hub.closeDevice(device);
            logInfo("device " + device + " revoked by " + call->admin.device);
            call->ok(json{{"device", device}, {"revoked", true}});
        });
    });
}

void RestApi::audit(const std::shared_ptr<Call>& call) {
    int limit = 100;
    if (auto it = call->query.find("limit"); it != call->query.end()) {
        limit = std::atoi(it->second.c_str());
        if (limit < 1 || limit > 1000)
            return call->fail(http::status::bad_request, "bad_request", "limit: 1 … 1000");
    }
    context_.worker.run([this, call, limit](HallData& data) {
        auto entries = data.audit.recent(limit);
        boost::asio::post(context_.network, [call, entries = std::move(entries)] {
            json out = json::array();
            for (const auto& e : entries)
                out.push_back({{"seq", e.seq}, {"at", rest::isoTime(e.at)}, {"actor", e.actor},
                               {"action", e.action}, {"detail", e.detail}});
            call->ok(json{{"entries", out}});
        });
    });
}

} // namespace hall::controller
