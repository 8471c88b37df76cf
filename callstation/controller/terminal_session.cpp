#include "callstation/controller/terminal_session.h"

#include "callstation/controller/hub.h"
#include "callstation/controller/log.h"
#include "callstation/controller/server_limits.h"
#include "callstation/controller/staff_desk.h"
#include "shared/protocol/check_in.h"
#include "shared/protocol/codec.h"
#include "shared/protocol/link_limits.h"
#include "shared/protocol/roles.h"

namespace hall::controller {

namespace beast = boost::beast;
namespace websocket = beast::websocket;
using protocol::ProtocolError;
using protocol::RequestType;

TerminalSession::TerminalSession(beast::ssl_stream<beast::tcp_stream>&& tls, ServerContext& context,
                                 std::string peerAddress)
    : ws_(std::move(tls)), context_(context), metrics_(context.metrics),
      peerAddress_(std::move(peerAddress)), deadline_(ws_.get_executor()),
      rate_(protocol::kRequestsPerSecond, protocol::kRequestBurst,
            std::chrono::steady_clock::now()) {
    ++metrics_.connectionsOpen;
}

TerminalSession::~TerminalSession() {
    --metrics_.connectionsOpen;
}

void TerminalSession::start(beast::http::request<beast::http::string_body> upgrade) {
    // The session keeps its own deadlines (hello, silence); Beast's would close a terminal that
    // is busy with a long request, and the TCP layer's must be off under a WebSocket stream.
    beast::get_lowest_layer(ws_).expires_never();
    websocket::stream_base::timeout timeouts{};
    timeouts.handshake_timeout = limits::kTlsHandshake;
    timeouts.idle_timeout = websocket::stream_base::none();
    timeouts.keep_alive_pings = false;
    ws_.set_option(timeouts);
    // A frame over the limit fails the read; Beast then closes with code 1009 (message too big).
    ws_.read_message_max(protocol::kMaxFrameBytes);
    ws_.async_accept(upgrade, [self = shared_from_this()](beast::error_code ec) {
        if (ec) return self->drop(nullptr);
        self->armDeadline(limits::kHelloWithin);
        self->readNext();
    });
}

void TerminalSession::armDeadline(std::chrono::steady_clock::duration within) {
    deadline_.expires_after(within);
    deadline_.async_wait([weak = weak_from_this()](beast::error_code ec) {
        if (ec) return; // re-armed or cancelled
        if (auto self = weak.lock())
            self->drop(self->identity_ ? "silent for too long" : "no hello in time");
    });
}

void TerminalSession::readNext() {
    if (closed_) return;
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, std::size_t) {
        if (ec) {
            if (ec == websocket::error::message_too_big)
                ++self->context_.metrics
                      .refusals[std::string(protocol::protocolErrorName(ProtocolError::TooLarge))];
            return self->drop(nullptr);
        }
        self->onFrame();
    });
}

void TerminalSession::onFrame() {
    const bool text = ws_.got_text();
    std::string frame = beast::buffers_to_string(buffer_.data());
    buffer_.consume(buffer_.size());
    const auto now = context_.clock.now();
    if (identity_) {
        // Only an authenticated terminal buys time by talking; before hello the deadline stands.
        armDeadline(protocol::kSilenceLimit);
        context_.hub.heard(identity_->device, now, peerAddress_);
    }
    if (!text)
        return refuse({}, std::nullopt, ProtocolError::BadFrame,
                      "binary frames are not part of the protocol; send JSON text");
    auto decoded = protocol::decodeRequest(frame);
    if (!rate_.allow(std::chrono::steady_clock::now())) {
        std::string id = decoded ? decoded->id : decoded.requestId();
        std::optional<RequestType> type;
        if (decoded) type = decoded->type();
        return refuse(id, type, ProtocolError::RateLimited,
                      "more than " + std::to_string(protocol::kRequestsPerSecond) +
                          " requests per second; retry later with the same id");
    }
    if (!decoded) return answer(decoded.requestId(), std::nullopt, decoded.error());
    handle(std::move(decoded.value()));
}

void TerminalSession::handle(protocol::Request request) {
    const RequestType type = request.type();
    ++context_.metrics.requests[std::string(protocol::requestTypeName(type))];
    if (!identity_) {
        if (auto* h = std::get_if<protocol::Hello>(&request.body))
            return hello(request.id, std::move(*h));
        if (auto* e = std::get_if<protocol::Enroll>(&request.body))
            return enroll(request.id, std::move(*e));
        return refuse(request.id, type, ProtocolError::Unauthenticated,
                      "send hello with the device's credential first");
    }
    if (auto refusal = protocol::authorize(*identity_, request))
        return answer(request.id, type, std::move(*refusal));
    if (auto* heartbeat = std::get_if<protocol::Heartbeat>(&request.body)) {
        context_.hub.reportFaults(identity_->device, std::move(heartbeat->faults));
        return answer(request.id, type, protocol::ResponseResult{protocol::Ack{}});
    }
    if (std::holds_alternative<protocol::GetSnapshot>(request.body)) {
        // Everything pushed so far (seq_) is in this snapshot: the client continues after seq_.
        return answer(request.id, type,
                      protocol::ResponseResult{
                          protocol::SnapshotResult{seq_, context_.hub.snapshotFor(*identity_)}});
    }
    if (auto* audit = std::get_if<protocol::TechnicianAudit>(&request.body))
        return technicianAudit(request.id, std::move(*audit));
    if (auto* checkIn = std::get_if<protocol::CheckInRequest>(&request.body))
        return checkInFor(request, std::move(*checkIn));
    if (auto* green = std::get_if<protocol::GreenTicketRequest>(&request.body))
        return greenTicketFor(request.id, std::move(*green));
    if (auto* signIn = std::get_if<protocol::StaffSignInRequest>(&request.body))
        return staffSignIn(request.id, std::move(*signIn));
    if (const auto* signIn = std::get_if<core::SignIn>(&request.body);
        signIn && identity_->role == protocol::Role::WindowPad)
        return padSignIn(request, *signIn);
    if (auto command = protocol::engineCommand(request))
        return execute(request, std::move(*command));
    refuse(request.id, type, ProtocolError::Internal, "request type not handled");
}

void TerminalSession::hello(std::string requestId, protocol::Hello hello) {
    bool speaksOurs = false;
    for (int v : hello.versions)
        speaksOurs = speaksOurs || v == protocol::kVersion;
    if (!speaksOurs)
        return refuse(requestId, RequestType::Hello, ProtocolError::UnsupportedVersion,
                      "this controller speaks protocol version 1 only");
    context_.worker.run([self = shared_from_this(), requestId = std::move(requestId),
                         credential = std::move(hello.credential)](HallData& data) {
        auto identity = data.registry.authenticate(credential);
        boost::asio::post(self->context_.network, [self, requestId, identity] {
            if (self->closed_) return;
            if (!identity) {
                self->refuse(requestId, RequestType::Hello, ProtocolError::Unauthenticated,
                             "unknown or revoked credential; enroll the device again");
                if (++self->failedHellos_ >= limits::kFailedHellos)
                    self->drop("too many failed hellos");
                return;
            }
            self->identity_ = identity;
            const auto now = self->context_.clock.now();
            self->context_.hub.attach(self, now);
            self->context_.hub.heard(identity->device, now, self->peerAddress_);
            self->armDeadline(protocol::kSilenceLimit);
            protocol::HelloResult result{protocol::kVersion, *identity};
            // Only terminals that read ID cards compute person_key; the rest never get the key.
            if (protocol::identifiesPeople(identity->role))
                result.personKeySecret = self->context_.personKeySecret;
            self->answer(requestId, RequestType::Hello,
                         protocol::ResponseResult{std::move(result)});
            self->push(protocol::encodePushBody(self->context_.hub.snapshotFor(*identity)), false);
        });
    });
}

void TerminalSession::enroll(std::string requestId, protocol::Enroll enroll) {
    context_.worker.run([self = shared_from_this(), requestId = std::move(requestId),
                         code = std::move(enroll.code)](HallData& data) {
        auto enrolled = data.registry.enroll(code, self->context_.clock.now());
        boost::asio::post(self->context_.network, [self, requestId, enrolled] {
            if (!enrolled)
                return self->refuse(requestId, RequestType::Enroll, ProtocolError::Unauthenticated,
                                    "unknown, used or expired enrollment code");
            logInfo("enrolled device " + enrolled->identity.device + " (" +
                    std::string(protocol::roleName(enrolled->identity.role)) + ") from " +
                    self->peerAddress_);
            self->answer(requestId, RequestType::Enroll,
                         protocol::ResponseResult{
                             protocol::EnrollResult{enrolled->credential, enrolled->identity}});
        });
    });
}

// The audit row names the device and the technician's action, dated by the device's clock (an
// outbox may replay it much later) unless that clock is ahead of the controller's. The request
// id is kept with the engine's answered requests, so a replay is answered {} and writes nothing.
void TerminalSession::technicianAudit(std::string requestId, protocol::TechnicianAudit audit) {
    context_.worker.run([self = shared_from_this(), requestId = std::move(requestId),
                         audit = std::move(audit), device = identity_->device](HallData& data) {
        const auto now = self->context_.clock.now();
        Outcome outcome = protocol::ResponseResult{protocol::Ack{}};
        try {
            data.audit.recordOnce(device + "/" + requestId, now, std::min(audit.at, now), device,
                                  "technician_" +
                                      std::string(protocol::technicianActionName(audit.action)),
                                  audit.detail);
        } catch (const store::StoreError& e) {
            outcome = protocol::protocolError(ProtocolError::Internal,
                                              std::string("storage failed: ") + e.what());
        }
        boost::asio::post(
            self->context_.network, [self, requestId, outcome = std::move(outcome)]() mutable {
                if (!self->closed_)
                    self->answer(requestId, RequestType::TechnicianAudit, std::move(outcome));
            });
    });
}

// The booking is looked up on the worker (it owns the book): by its code, or today's booking of
// the person not yet checked in whose slot is nearest now. Then the engine's CheckIn decides.
void TerminalSession::checkInFor(const protocol::Request& request, protocol::CheckInRequest asked) {
    context_.worker.run([self = shared_from_this(), request,
                         asked = std::move(asked)](HallData& data) {
        const auto now = self->context_.clock.now();
        const core::Engine& engine = data.engine.engine();
        const auto booking =
            asked.booking.empty()
                ? protocol::personsBookingDue(
                      asked.personKey, data.bookings.onDay(engine.businessDay(now), engine.zone()),
                      engine, now)
                : data.bookings.find(asked.booking);
        boost::asio::post(self->context_.network, [self, request, booking = std::move(booking)] {
            if (self->closed_) return;
            if (!booking)
                return self->answer(request.id, RequestType::CheckIn,
                                    protocol::engineError(core::fail(
                                        core::ErrorCode::UnknownBooking,
                                        "no such booking, or none of this person today")));
            self->execute(request, core::CheckIn{*booking, {}});
        });
    });
}

// The staff credential is checked on the staff desk's thread (it is not kept past the check);
// the ticket is then issued as issue_ticket issues one with priority green_channel, and who let
// it ahead goes to the audit log with the ticket's number.
void TerminalSession::greenTicketFor(const std::string& requestId,
                                     protocol::GreenTicketRequest asked) {
    auto credential = std::move(asked.staff);
    context_.staff.check(
        std::move(credential), context_.hub.config().staff,
        [self = shared_from_this(), requestId, asked = std::move(asked)](StaffCheck checked) {
            if (self->closed_) return;
            if (const auto* refused = std::get_if<StaffRefusal>(&checked))
                return self->answer(requestId, RequestType::IssueGreenTicket,
                                    protocol::Error{refused->code, refused->message});
            core::IssueTicket issue;
            issue.serviceId = asked.serviceId;
            issue.priority = core::PriorityClass::GreenChannel;
            issue.greenCategory = asked.category;
            const auto staff = std::get<core::Staff>(checked).id;
            self->execute(
                requestId, RequestType::IssueGreenTicket, std::move(issue),
                [self, requestId, staff, category = asked.category](const Outcome& outcome) {
                    const auto* result = std::get_if<protocol::ResponseResult>(&outcome);
                    const auto* issued =
                        result ? std::get_if<protocol::CommandResult>(result) : nullptr;
                    if (!issued || !issued->ticket) return;
                    // Once per request: a retry answered from the engine's memory of it
                    // writes no second line.
                    self->context_.worker.run([self, requestId, staff, category,
                                               number = issued->ticket->number](HallData& data) {
                        const auto now = self->context_.clock.now();
                        const auto& device = self->identity_->device;
                        data.audit.recordOnce(device + "/" + requestId + "/green", now, now, device,
                                              "green_channel",
                                              number + " " + category + " by staff " + staff);
                    });
                });
        });
}

// A clerk's own credential signs them in at their window: checked on the staff desk's thread,
// then the engine's SignIn of the member it names.
void TerminalSession::staffSignIn(const std::string& requestId,
                                  protocol::StaffSignInRequest asked) {
    context_.staff.check(
        std::move(asked.staff), context_.hub.config().staff,
        [self = shared_from_this(), requestId, window = asked.window](StaffCheck checked) {
            if (self->closed_) return;
            if (const auto* refused = std::get_if<StaffRefusal>(&checked))
                return self->answer(requestId, RequestType::StaffSignIn,
                                    protocol::Error{refused->code, refused->message});
            self->execute(requestId, RequestType::StaffSignIn,
                          core::SignIn{window, std::get<core::Staff>(checked).id}, {});
        });
}

// A pad that names a member by id alone proves nothing: it is taken only for a member who has no
// PIN and no card yet (a hall that has not set credentials up), else refused.
void TerminalSession::padSignIn(const protocol::Request& request, core::SignIn signIn) {
    context_.staff.run([self = shared_from_this(), request,
                        signIn = std::move(signIn)](StaffCredentials& credentials) {
        const auto logins = credentials.list();
        const bool guarded = std::ranges::any_of(logins, [&](const StaffLogin& login) {
            return login.staffId == signIn.staffId &&
                   (!login.pinHash.empty() || !login.personKey.empty());
        });
        self->context_.staff.post([self, request, signIn, guarded] {
            if (self->closed_) return;
            if (guarded)
                return self->refuse(request.id, RequestType::SignIn, ProtocolError::Forbidden,
                                    "this clerk signs in with their staff number and PIN or "
                                    "their staff card (staff_sign_in)");
            self->execute(request, signIn);
        });
    });
}

void TerminalSession::execute(const protocol::Request& request, core::Command command) {
    execute(request.id, request.type(), std::move(command), {});
}

void TerminalSession::execute(const std::string& requestId, RequestType type, core::Command command,
                              std::function<void(const Outcome&)> answered) {
    protocol::stampConnection(command, *identity_);
    CommandJob job;
    job.command = std::move(command);
    // Request ids are the client's; scoped by device, two terminals cannot collide.
    job.requestId = identity_->device + "/" + requestId;
    job.done = [self = shared_from_this(), requestId, type,
                answered = std::move(answered)](Outcome outcome) {
        if (answered) answered(outcome);
        if (!self->closed_) self->answer(requestId, type, std::move(outcome));
    };
    context_.worker.submit(std::move(job));
}

void TerminalSession::refuse(const std::string& requestId, std::optional<RequestType> type,
                             ProtocolError code, std::string message) {
    answer(requestId, type, protocol::protocolError(code, std::move(message)));
}

void TerminalSession::answer(const std::string& requestId, std::optional<RequestType> type,
                             Outcome outcome) {
    if (const auto* error = std::get_if<protocol::Error>(&outcome))
        ++context_.metrics.refusals[error->code];
    protocol::Response response{requestId, type, std::move(outcome)};
    enqueue(protocol::encodeResponse(response), Frame::Answer);
    readNext(); // one request at a time: the next frame is read once this one is answered
}

void TerminalSession::push(const protocol::EncodedPushBody& body, bool queueState) {
    if (closed_) return;
    if (queueState && pendingQueueSeq_) {
        // A terminal that reads slower than tickets are issued gets the latest counts, not every
        // step on the way: the stale state is overwritten where it waits.
        sendQueue_.back() = protocol::encodePush(*pendingQueueSeq_, body);
        return;
    }
    ++context_.hub.counters().pushes;
    enqueue(protocol::encodePush(++seq_, body), queueState ? Frame::QueuePush : Frame::Push);
    if (queueState && !closed_ && !(writing_ && sendQueue_.size() == 1)) pendingQueueSeq_ = seq_;
}

void TerminalSession::enqueue(std::string frame, Frame kind) {
    if (closed_) return;
    if (sendQueue_.size() >= limits::kSendQueue) {
        ++context_.hub.counters().slowConsumersDropped;
        return drop("not reading: send queue full");
    }
    if (kind == Frame::Answer && pendingQueueSeq_) {
        // The answer goes ahead of the queue counts still waiting at the back: the terminal
        // that asked does not wait for a push every terminal gets, while calls, windows and
        // notices stay ahead of it. That push keeps its seq and is no longer replaced, so a
        // snapshot answered here, which covers the counts up to that seq, stays right.
        sendQueue_.insert(std::prev(sendQueue_.end()), std::move(frame));
    } else {
        sendQueue_.push_back(std::move(frame));
    }
    pendingQueueSeq_.reset();
    if (writing_) return;
    if (kind == Frame::QueuePush)
        context_.hub.schedule(weak_from_this());
    else
        writeNext();
}

void TerminalSession::flush() {
    if (!writing_ && !closed_ && !sendQueue_.empty()) writeNext();
}

void TerminalSession::writeNext() {
    writing_ = true;
    if (sendQueue_.size() == 1) pendingQueueSeq_.reset(); // the front is being written now
    ws_.text(true);
    ws_.async_write(boost::asio::buffer(sendQueue_.front()),
                    [self = shared_from_this()](beast::error_code ec, std::size_t) {
                        self->writing_ = false;
                        if (ec) return self->drop(nullptr);
                        self->sendQueue_.pop_front();
                        if (!self->sendQueue_.empty() && !self->closed_) self->writeNext();
                    });
}

void TerminalSession::drop(const char* why) {
    if (closed_) return;
    closed_ = true;
    if (why != nullptr)
        logInfo(std::string("closing connection of ") +
                (identity_ ? identity_->device : "an unauthenticated terminal") + " from " +
                peerAddress_ + ": " + why);
    deadline_.cancel();
    context_.hub.detach(*this);
    beast::error_code ignored;
    beast::get_lowest_layer(ws_).socket().shutdown(boost::asio::ip::tcp::socket::shutdown_both,
                                                   ignored);
    beast::get_lowest_layer(ws_).socket().close(ignored);
}

} // namespace hall::controller
