#include "shared/client/mock_backend.h"

#include "config/demo_hall.h"
#include "protocol/hall_view.h"
#include "shared/client/request_tracker.h"
#include "tz/system_zone.h"

#include <QTimer>

namespace hall::client {

namespace {

core::Timestamp systemNow() {
    return std::chrono::time_point_cast<core::Millis>(std::chrono::system_clock::now());
}

} // namespace

MockBackend::MockBackend(QObject* parent) : Backend(parent) {
    auto config = config::demoHall();
    auto zone = tz::loadZone(config.timeZone);
    const auto now = systemNow();
    const auto tenOClock = core::localToUtc(*zone, core::toLocal(*zone, now).date, 10 * 60);
    const auto offset = tenOClock - now;
    clock_ = [offset] { return systemNow() + offset; };
    engine_ = std::make_unique<core::Engine>(std::move(config), std::move(zone));
    setIdentity(QStringLiteral("mock"), QStringLiteral("admin"));
    setPersonKeySecret(std::string(kDemoPersonKeySecret));
    setConnectionState(ConnectionState::Online);
    replaceSnapshot(snapshot());
}

MockBackend::~MockBackend() = default;

QString MockBackend::serviceName(const std::string& serviceId) const {
    for (const auto& service : engine_->config().services)
        if (service.id == serviceId) return QString::fromStdString(service.nameZh);
    return {};
}

protocol::Snapshot MockBackend::snapshot() const {
    auto view = protocol::viewOf(*engine_, clock_());
    return protocol::Snapshot{std::move(view.queues), std::move(view.windows), notices_};
}

void MockBackend::setSimulatedOnline(bool online) {
    if (online == this->online()) return;
    setConnectionState(online ? ConnectionState::Online : ConnectionState::Reconnecting);
    if (!online) return;
    // As after a reconnect: a fresh snapshot, then the held requests in order.
    replaceSnapshot(snapshot());
    while (!held_.empty()) {
        auto request = std::move(held_.front());
        held_.pop_front();
        const auto response = execute(request);
        Q_EMIT outboxChanged();
        Q_EMIT durableResponded(response);
        const auto* error = response.ok() ? nullptr : &std::get<protocol::Error>(response.outcome);
        Q_EMIT durableAnswered(QString::fromStdString(request.id), error == nullptr,
                               error ? QString::fromStdString(error->code) : QString(),
                               error ? QString::fromStdString(error->message) : QString());
    }
}

void MockBackend::addNotice(const QString& id, const QString& text) {
    protocol::Notice notice{id.toStdString(), text.toStdString()};
    bool replaced = false;
    for (auto& held : notices_)
        if (held.id == notice.id) {
            held = notice;
            replaced = true;
        }
    if (!replaced) notices_.push_back(notice);
    applyPush(notice);
}

void MockBackend::playMorning() {
    const auto run = [this](protocol::RequestBody body) {
        execute(protocol::Request{newRequestId(), std::move(body)});
    };
    const auto& config = engine_->config();
    for (std::size_t i = 0; i < 6 && i < config.windows.size() && i < config.staff.size(); ++i)
        run(core::SignIn{config.windows[i].number, config.staff[i].id});
    for (int round = 0; round < 3; ++round)
        for (const auto& service : config.services) {
            core::IssueTicket issue;
            issue.serviceId = service.id;
            run(std::move(issue));
        }
    for (std::size_t i = 0; i < 4 && i < config.windows.size(); ++i)
        run(core::CallNext{config.windows[i].number, true});
}

std::string MockBackend::send(protocol::RequestBody body, ResponseHandler handler,
                              std::chrono::milliseconds) {
    protocol::Request request{newRequestId(), std::move(body)};
    protocol::Response response =
        online() ? execute(request)
                 : localRefusal(request.id, request.type(), "offline", "simulated offline");
    // Never from inside send(): the same contract as the real client.
    QTimer::singleShot(0, this, [handler = std::move(handler), response = std::move(response)] {
        if (handler) handler(response);
    });
    return request.id;
}

std::string MockBackend::sendDurable(protocol::RequestBody body) {
    protocol::Request request{newRequestId(), std::move(body)};
    const std::string id = request.id;
    if (!online()) {
        held_.push_back(std::move(request));
        Q_EMIT outboxChanged();
        return id;
    }
    const auto response = execute(request);
    QTimer::singleShot(0, this, [this, id, response] {
        Q_EMIT durableResponded(response);
        const auto* error = response.ok() ? nullptr : &std::get<protocol::Error>(response.outcome);
        Q_EMIT durableAnswered(QString::fromStdString(id), error == nullptr,
                               error ? QString::fromStdString(error->code) : QString(),
                               error ? QString::fromStdString(error->message) : QString());
    });
    return id;
}

protocol::Response MockBackend::execute(const protocol::Request& request) {
    protocol::Response response;
    response.id = request.id;
    response.type = request.type();
    const auto now = clock_();
    if (std::holds_alternative<protocol::Heartbeat>(request.body)) {
        response.outcome = protocol::ResponseResult{protocol::Ack{}};
        return response;
    }
    if (std::holds_alternative<protocol::TechnicianAudit>(request.body)) {
        response.outcome = protocol::ResponseResult{protocol::Ack{}};
        return response;
    }
    if (std::holds_alternative<protocol::GetSnapshot>(request.body)) {
        // The mock has no stream of its own to count: its pushes are applied at once.
        response.outcome = protocol::ResponseResult{protocol::SnapshotResult{0, snapshot()}};
        return response;
    }
    auto command = protocol::engineCommand(request);
    if (!command) {
        response.outcome = protocol::protocolError(protocol::ProtocolError::Forbidden,
                                                   "the mock backend answers engine requests only");
        return response;
    }
    // The controller takes the issuing device from the connection.
    if (auto* issue = std::get_if<core::IssueTicket>(&*command)) issue->sourceDevice = "mock";
    if (auto* lease = std::get_if<core::LeaseNumbers>(&*command)) lease->sourceDevice = "mock";
    if (auto* leased = std::get_if<core::IssueLeasedTicket>(&*command))
        leased->sourceDevice = "mock";
    const auto before = protocol::viewOf(*engine_, now);
    auto decision = engine_->execute(*command, now);
    if (!decision) {
        response.outcome = protocol::engineError(decision.error());
        return response;
    }
    if (decision->lease) {
        if (const core::NumberLease* lease = engine_->lease(*decision->lease))
            response.outcome = protocol::ResponseResult{
                protocol::LeaseResult{protocol::leaseView(*lease, *engine_)}};
        for (const auto& push : protocol::changesBetween(before, protocol::viewOf(*engine_, now)))
            applyPush(push);
        return response;
    }
    protocol::CommandResult result;
    if (decision->ticket) {
        if (const core::Ticket* ticket = engine_->ticket(*decision->ticket)) {
            result.ticket = protocol::ticketView(*ticket);
            if (std::holds_alternative<core::IssueTicket>(*command) ||
                std::holds_alternative<core::IssueLeasedTicket>(*command)) {
                if (auto position = engine_->position(ticket->id, now)) {
                    result.ahead = position->ahead;
                    if (position->estimatedWait)
                        result.estimatedWaitMs = position->estimatedWait->count();
                }
            }
        }
    }
    response.outcome = protocol::ResponseResult{result};
    // The pushes the controller would send for this commit: calls first, then changed state.
    for (const auto& call : protocol::callsIn(decision->events, *engine_))
        applyPush(call);
    for (const auto& push : protocol::changesBetween(before, protocol::viewOf(*engine_, now)))
        applyPush(push);
    return response;
}

} // namespace hall::client
