#include "callstation/app/call_spotlight.h"

#include "callstation/app/call_backlog.h"

#include <algorithm>

namespace hall::callstation {

CallSpotlight::CallSpotlight(QObject* parent) : QObject(parent) {
    hold_.setSingleShot(true);
    connect(&hold_, &QTimer::timeout, this, &CallSpotlight::next);
}

void CallSpotlight::setBackend(client::Backend* backend) {
    if (backend_ == backend) return;
    disconnect(pushes_);
    disconnect(snapshots_);
    backend_ = backend;
    if (backend_) {
        pushes_ = connect(backend_, &client::Backend::pushApplied, this,
                          [this](const protocol::PushBody& body) {
                              if (const auto* call = std::get_if<protocol::Call>(&body))
                                  show(*call);
                          });
        snapshots_ = connect(backend_, &client::Backend::snapshotReplaced, this,
                             &CallSpotlight::applyHallSettings);
        applyHallSettings();
    }
    Q_EMIT backendChanged();
}

void CallSpotlight::applyHallSettings() {
    // The hall's hold time, once a snapshot has brought it.
    if (backend_ && backend_->state().hasSnapshot())
        setHoldMs(backend_->state().snapshot().hall.callBoard.holdSeconds * 1000);
}

void CallSpotlight::setHoldMs(int ms) {
    ms = std::clamp(ms, kMinHoldMs, kMaxHoldMs);
    if (ms == holdMs_) return;
    holdMs_ = ms;
    Q_EMIT settingsChanged();
}

void CallSpotlight::setMaxBacklog(int calls) {
    calls = std::max(1, calls);
    if (calls == maxBacklog_) return;
    maxBacklog_ = calls;
    Q_EMIT settingsChanged();
}

QString CallSpotlight::number() const {
    return current_ ? QString::fromStdString(current_->ticket.number) : QString();
}

QStringList CallSpotlight::queuedNumbers() const {
    QStringList numbers;
    for (const auto& call : waiting_)
        numbers.append(QString::fromStdString(call.ticket.number));
    return numbers;
}

bool CallSpotlight::priority() const {
    return current_ && current_->ticket.priority != core::PriorityClass::Normal;
}

QVariantMap CallSpotlight::direction() const {
    return current_ && backend_ ? backend_->directionOf(current_->window) : QVariantMap();
}

void CallSpotlight::show(const protocol::Call& call) {
    waiting_.push_back(call);
    if (static_cast<int>(waiting_.size()) > maxBacklog_) keepNewestPerWindow(waiting_);
    if (!hold_.isActive()) next();
    else Q_EMIT currentChanged(); // the backlog count
}

void CallSpotlight::next() {
    if (waiting_.empty()) {
        if (current_) {
            current_.reset();
            Q_EMIT currentChanged();
        }
        return;
    }
    current_ = waiting_.front();
    waiting_.pop_front();
    hold_.start(holdMs_);
    Q_EMIT currentChanged();
}

} // namespace hall::callstation
