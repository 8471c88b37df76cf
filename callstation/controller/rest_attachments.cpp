// Attachments over the REST API (docs/api.md, "Attachments"): a window pad's or a kiosk's
// signature (PNG) or scan (PDF) for a ticket of today, handed in with the terminal's own
// credential; an admin lists a ticket's attachments, reads one back and deletes it. The sink
// works on the attachment desk's thread; the credential and the ticket are checked on the engine
// worker's, which also writes the audit log. Every store, read and delete is audited by id,
// ticket, kind and size — the content never reaches a log, the audit log or an error message.

#include "callstation/controller/attachment_desk.h"
#include "callstation/controller/engine_worker.h"
#include "callstation/controller/log.h"
#include "callstation/controller/rest_api.h"
#include "callstation/controller/rest_support.h"
#include "callstation/controller/server_limits.h"

#include <charconv>
#include <nlohmann/json.hpp>
#include <sodium.h>

namespace hall::controller {

namespace http = boost::beast::http;
using nlohmann::json;
using rest::Call;

static_assert(limits::kAttachmentBodyBytes == kMaxAttachmentBytes,
              "the HTTP layer must let through exactly what the store takes");

namespace {

std::optional<core::TicketId> ticketIdOf(const std::string& text) {
    core::TicketId id = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || ec != std::errc{} || end != text.data() + text.size() || id == 0)
        return std::nullopt;
    return id;
}

json attachmentJson(const AttachmentInfo& a) {
    return json{{"id", a.id},
                {"ticket", a.ticket},
                {"number", a.number},
                {"kind", attachmentKindName(a.kind)},
                {"type", a.contentType},
                {"size", a.size},
                {"sha256", a.sha256},
                {"device", a.device},
                {"stored_at", rest::isoTime(a.storedAt)}};
}

void wipe(std::string& bytes) {
    sodium_memzero(bytes.data(), bytes.size());
    bytes.clear();
}

// A refused upload's body may well be a citizen's signature all the same: wiped, not just freed.
void refuseUpload(const std::shared_ptr<Call>& call, http::status status, const std::string& code,
                  const std::string& message) {
    wipe(call->request.body());
    call->fail(status, code, message);
}

} // namespace

void RestApi::attachmentUpload(const std::shared_ptr<Call>& call, std::string ticketText) {
    std::string credential = call->bearer();
    if (credential.empty())
        return refuseUpload(call, http::status::unauthorized, "unauthenticated",
                            "send the terminal's credential as 'Authorization: Bearer …'");
    const auto ticket = ticketIdOf(ticketText);
    context_.worker.run([this, call, credential = std::move(credential), ticket,
                         ticketText = std::move(ticketText)](HallData& data) {
        const auto who = data.registry.authenticate(credential);
        // The ticket as today's engine holds it: a signature or a scan belongs to a visit of
        // today, not to a number of another day.
        std::optional<std::string> number;
        std::optional<int> window; // where it is being (or was last) served
        if (who && ticket) {
            const auto& engine = data.engine.engine();
            const auto* found = engine.ticket(*ticket);
            if (found && found->day == engine.businessDay(context_.clock.now())) {
                number = found->number;
                window = found->window;
            }
        }
        boost::asio::post(context_.network, [this, call, who, ticket, ticketText, number, window] {
            using protocol::Role;
            if (!who)
                return refuseUpload(call, http::status::unauthorized, "unauthenticated",
                                    "unknown or revoked credential");
            if (who->role != Role::WindowPad && who->role != Role::Kiosk)
                return refuseUpload(call, http::status::forbidden, "forbidden",
                                    "attachments are handed in by window pads and kiosks; this "
                                    "credential is a " +
                                        std::string(protocol::roleName(who->role)) + "'s");
            const auto it = call->query.find("kind");
            const auto kind =
                it == call->query.end() ? std::nullopt : attachmentKindFromName(it->second);
            if (!kind)
                return refuseUpload(call, http::status::bad_request, "bad_request",
                                    "kind: signature or scan");
            const std::string type(call->request[http::field::content_type]);
            if (auto problem = attachmentProblem(*kind, type, call->request.body()))
                return refuseUpload(call, http::status::bad_request, "bad_attachment", *problem);
            if (!number)
                return refuseUpload(call, http::status::not_found, "unknown_ticket",
                                    "no ticket " + ticketText + " today");
            // A window pad files papers of the visits at its own counter only, as it rates them.
            if (who->role == Role::WindowPad && (!window || window != who->window))
                return refuseUpload(call, http::status::forbidden, "not_served_here",
                                    "ticket " + *number + " is not served at this pad's window");
            AttachmentOrigin origin{.ticket = *ticket,
                                    .number = *number,
                                    .kind = *kind,
                                    .contentType = type,
                                    .device = who->device,
                                    .at = context_.clock.now()};
            context_.attachments.run(
                [this, call, origin = std::move(origin),
                 bytes = std::move(call->request.body())](AttachmentSink& sink) mutable {
                    std::optional<AttachmentInfo> stored;
                    std::optional<RefusedChange> refused;
                    std::string failed;
                    try {
                        stored = sink.store(origin, bytes);
                    } catch (const RefusedChange& e) {
                        refused = e;
                    } catch (const std::exception& e) {
                        failed = e.what();
                    }
                    wipe(bytes); // the sink has; a sink of a hall's own may not have
                    if (!stored)
                        return context_.attachments.post([call, refused, failed] {
                            if (refused) return call->refuse(*refused);
                            call->fail(http::status::internal_server_error, "internal", failed);
                        });
                    context_.worker.run([this, call, info = *stored](HallData& hall) {
                        try {
                            hall.audit.record(context_.clock.now(), info.device, "attachment_store",
                                              attachmentSummary(info));
                        } catch (const std::exception& e) {
                            // Kept all the same: refusing now would have the terminal hand it in
                            // twice.
                            logWarning("attachment " + info.id +
                                       " stored, but not written to the audit log: " + e.what());
                        }
                        boost::asio::post(context_.network, [call, info] {
                            call->ok(json{{"id", info.id},
                                          {"ticket", info.ticket},
                                          {"kind", attachmentKindName(info.kind)},
                                          {"type", info.contentType},
                                          {"size", info.size}},
                                     http::status::created);
                        });
                    });
                });
        });
    });
}

void RestApi::attachments(const std::shared_ptr<Call>& call, std::optional<std::string> id) {
    const auto verb = call->method();
    if (!id) {
        if (verb != http::verb::get)
            return call->fail(http::status::method_not_allowed, "not_found",
                              "GET /api/v1/attachments?ticket=<id>");
        const auto it = call->query.find("ticket");
        const auto ticket = it == call->query.end() ? std::nullopt : ticketIdOf(it->second);
        if (!ticket)
            return call->fail(http::status::bad_request, "bad_request",
                              "ticket: the ticket's id (as an operation answers it)");
        return context_.attachments.run([this, call, ticket = *ticket](AttachmentSink& sink) {
            json list = json::array();
            std::string failed;
            try {
                for (const auto& a : sink.list(ticket))
                    list.push_back(attachmentJson(a));
            } catch (const std::exception& e) {
                failed = e.what();
            }
            context_.attachments.post([call, ticket, list = std::move(list), failed] {
                if (!failed.empty())
                    return call->fail(http::status::internal_server_error, "internal", failed);
                call->ok(json{{"ticket", ticket}, {"attachments", list}});
            });
        });
    }
    if (!isAttachmentId(*id))
        return call->fail(http::status::not_found, "not_found", "no attachment " + *id);
    const std::string actor = call->admin.device;

    if (verb == http::verb::get) {
        return context_.attachments.run([this, call, id = *id, actor](AttachmentSink& sink) {
            std::optional<AttachmentInfo> info;
            std::optional<std::string> bytes;
            std::string failed;
            try {
                info = sink.find(id);
                if (info) bytes = sink.read(id);
            } catch (const std::exception& e) {
                failed = e.what();
            }
            if (!info || !bytes)
                return context_.attachments.post([call, id, failed] {
                    if (!failed.empty())
                        return call->fail(http::status::internal_server_error, "internal", failed);
                    call->fail(http::status::not_found, "not_found", "no attachment " + id);
                });
            // Audited before a byte goes out: no read that the audit log does not show.
            context_.worker.run([this, call, actor, info = *info,
                                 bytes = std::move(*bytes)](HallData& data) mutable {
                std::string unaudited;
                try {
                    data.audit.record(context_.clock.now(), actor, "attachment_read",
                                      attachmentSummary(info));
                } catch (const std::exception& e) {
                    unaudited = e.what();
                    wipe(bytes);
                }
                boost::asio::post(context_.network, [call, type = info.contentType, unaudited,
                                                     bytes = std::move(bytes)]() mutable {
                    if (!unaudited.empty())
                        return call->fail(http::status::internal_server_error, "internal",
                                          "the read could not be audited: " + unaudited);
                    call->text(http::status::ok, type, std::move(bytes));
                });
            });
        });
    }
    if (verb == http::verb::delete_) {
        return context_.attachments.run([this, call, id = *id, actor](AttachmentSink& sink) {
            std::optional<AttachmentInfo> removed;
            std::string failed;
            try {
                removed = sink.remove(id);
            } catch (const std::exception& e) {
                failed = e.what();
            }
            if (!removed)
                return context_.attachments.post([call, id, failed] {
                    if (!failed.empty())
                        return call->fail(http::status::internal_server_error, "internal", failed);
                    call->fail(http::status::not_found, "not_found", "no attachment " + id);
                });
            context_.worker.run([this, call, actor, info = *removed](HallData& data) {
                try {
                    data.audit.record(context_.clock.now(), actor, "attachment_delete",
                                      attachmentSummary(info));
                } catch (const std::exception& e) {
                    logWarning("attachment " + info.id +
                               " deleted, but not written to the audit log: " + e.what());
                }
                boost::asio::post(context_.network, [call, id = info.id] {
                    call->ok(json{{"removed", id}});
                });
            });
        });
    }
    call->fail(http::status::method_not_allowed, "not_found",
               "GET or DELETE /api/v1/attachments/<id>");
}

} // namespace hall::controller
