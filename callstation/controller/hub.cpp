#include "callstation/controller/hub.h"

#include "callstation/controller/terminal_session.h"

#include <algorithm>

namespace hall::controller {

Hub::Hub(core::HallConfig config, protocol::HallView initial, boost::asio::any_io_executor network)
    : config_(std::move(config)), view_(std::move(initial)),
      queuesSent_(view_.queues),
      network_(std::move(network)), queueTimer_(network_) {}

void Hub::setConfig(core::HallConfig config) {
    config_ = std::move(config);
}

bool Hub::sees(const protocol::DeviceIdentity& device, int window) const {
    switch (device.role) {
    case protocol::Role::Admin:
    case protocol::Role::LedBridge:
        return true;
    case protocol::Role::WindowPad:
        return device.window == window;
    case protocol::Role::CallBoard: {
        const core::Window* w = config_.findWindow(window);
        return w != nullptr && w->zoneId == device.zone;
    }
    case protocol::Role::TicketMachine:
    case protocol::Role::Kiosk:
        return false;
    }
    return false;
}

protocol::Snapshot Hub::snapshotFor(const protocol::DeviceIdentity& device) const {
    protocol::Snapshot snapshot;
    snapshot.hall = protocol::hallInfo(config_, device.device, signage_.content);
    snapshot.queues = view_.queues;
    for (const auto& window : view_.windows)
        if (sees(device, window.number)) snapshot.windows.push_back(window);
    snapshot.notices = notices_;
    snapshot.signage = protocol::signageFor(signage_, device);
    return snapshot;
}

void Hub::setSignage(protocol::Signage signage) {
    signage_ = std::move(signage);
    const auto sessions = sessions_;
    for (const auto& weak : sessions) {
        auto session = weak.lock();
        if (!session || !session->identity()) continue;
        session->push(protocol::encodePushBody(snapshotFor(*session->identity())), false);
    }
}

void Hub::announce(const std::vector<protocol::Call>& calls) {
    for (const auto& call : calls)
        broadcast(call, call.window);
}

void Hub::update(protocol::HallView view) {
    for (const auto& change : protocol::changesBetween(view_, view))
        if (const auto* window = std::get_if<protocol::WindowView>(&change))
            broadcast(change, window->number);
    view_ = std::move(view);
    paceQueueCounts();
}

void Hub::paceQueueCounts() {
    if (view_.queues == queuesSent_ || queueTimerArmed_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - queuesSentAt_ >= kQueuePushInterval) return sendQueueCounts(now);
    // A change within the interval waits for its end, and goes out then as the latest counts:
    // a burst of tickets is one push per interval to every terminal, not one per ticket.
    queueTimerArmed_ = true;
    queueTimer_.expires_at(queuesSentAt_ + kQueuePushInterval);
    queueTimer_.async_wait([this](boost::system::error_code ec) {
        if (ec) return; // the hub is going away
        queueTimerArmed_ = false;
        if (view_.queues != queuesSent_) sendQueueCounts(std::chrono::steady_clock::now());
    });
}

void Hub::sendQueueCounts(std::chrono::steady_clock::time_point now) {
    queuesSent_ = view_.queues;
    queuesSentAt_ = now;
    broadcast(queuesSent_, std::nullopt);
}

void Hub::setNotices(std::vector<protocol::Notice> notices) {
    for (const auto& notice : notices)
        if (std::find(notices_.begin(), notices_.end(), notice) == notices_.end())
            broadcast(notice, std::nullopt);
    notices_ = std::move(notices);
    // A removed notice has no push of its own: terminals drop it at their next snapshot.
}

void Hub::broadcast(const protocol::PushBody& body, std::optional<int> window) {
    // Encoded once: each session only adds its seq around it.
    const auto encoded = protocol::encodePushBody(body);
    const bool queueState = std::holds_alternative<protocol::QueueState>(body);
    // Iterate over a copy: a session that overflows drops itself, and detach() edits the list.
    const auto sessions = sessions_;
    for (const auto& weak : sessions) {
        auto session = weak.lock();
        if (!session || !session->identity()) continue;
        if (window && !sees(*session->identity(), *window)) continue;
        session->push(encoded, queueState);
    }
}

void Hub::schedule(std::weak_ptr<TerminalSession> session) {
    scheduled_.push_back(std::move(session));
    if (scheduled_.size() == 1) boost::asio::post(network_, [this] { startScheduledWrites(); });
}

void Hub::startScheduledWrites() {
    // Two per turn: an answer or a call on a busy connection waits behind no more than that.
    for (int i = 0; i < 2 && !scheduled_.empty(); ++i) {
        if (auto session = scheduled_.front().lock()) session->flush();
        scheduled_.pop_front();
    }
    if (!scheduled_.empty()) boost::asio::post(network_, [this] { startScheduledWrites(); });
}

void Hub::attach(const std::shared_ptr<TerminalSession>& session, core::Timestamp now) {
    sessions_.push_back(session);
    auto& health = health_[session->identity()->device];
    ++health.connections;
    health.online = true;
    health.lastSeen = now;
}

void Hub::detach(const TerminalSession& session) {
    bool attached = false;
    std::erase_if(sessions_, [&](const auto& weak) {
        auto locked = weak.lock();
        attached = attached || locked.get() == &session;
        return !locked || locked.get() == &session;
    });
    if (!attached) return;
    auto& health = health_[session.identity()->device];
    health.connections = std::max(0, health.connections - 1);
    health.online = health.connections > 0;
}

void Hub::heard(const std::string& device, core::Timestamp now, const std::string& address) {
    auto& health = health_[device];
    health.lastSeen = now;
    health.address = address;
}

void Hub::reportFaults(const std::string& device, std::vector<protocol::DeviceFault> faults) {
    health_[device].faults = std::move(faults);
}

void Hub::closeDevice(const std::string& device) {
    const auto sessions = sessions_;
    for (const auto& weak : sessions)
        if (auto session = weak.lock();
            session && session->identity() && session->identity()->device == device)
            session->drop("device revoked");
}

void Hub::closeAll() {
    const auto sessions = sessions_;
    for (const auto& weak : sessions)
        if (auto session = weak.lock()) session->drop(nullptr);
}

} // namespace hall::controller
