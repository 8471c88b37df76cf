#include "callstation/app/window_strip.h"

#include "shared/protocol/hall_view.h"


namespace hall::callstation {

WindowStrip::WindowStrip(QObject* parent) : QObject(parent) {
    fresh_.setSingleShot(true);
    connect(&fresh_, &QTimer::timeout, this, &WindowStrip::refresh);
    refresh();
}

void WindowStrip::setBackend(client::Backend* backend) {
    if (backend == backend_) return;
    disconnect(pushes_);
    disconnect(snapshots_);
    backend_ = backend;
    if (backend_) {
        pushes_ = connect(backend_, &client::Backend::pushApplied, this,
                          [this](const protocol::PushBody& body) {
                              if (const auto* call = std::get_if<protocol::Call>(&body)) {
                                  if (call->window != window_) return;
                                  const auto& hall = backend_->state().snapshot().hall;
                                  fresh_.start(std::chrono::seconds(hall.callBoard.holdSeconds));
                              }
                              refresh();
                          });
        snapshots_ = connect(backend_, &client::Backend::snapshotReplaced, this, &WindowStrip::refresh);
    }
    refresh();
    Q_EMIT backendChanged();
}

void WindowStrip::setWindow(int window) {
    if (window == window_) return;
    window_ = window;
    fresh_.stop();
    refresh();
    Q_EMIT windowChanged();
}

void WindowStrip::refresh() {
    protocol::WindowView view;
    view.number = window_;
    std::string name;
    if (backend_ && backend_->state().hasSnapshot()) {
        const auto& snapshot = backend_->state().snapshot();
        if (const auto* known = protocol::findWindow(snapshot.windows, window_)) view = *known;
        for (const auto& w : snapshot.hall.windows)
            if (w.number == window_) name = w.name;
    }
    auto sign = protocol::windowSign(view, name, fresh_.isActive());
    if (sign == sign_) return;
    sign_ = std::move(sign);
    Q_EMIT signChanged();
}

} // namespace hall::callstation
