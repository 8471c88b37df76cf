#include "callstation/app/call_voice.h"

#include "callstation/app/call_backlog.h"

namespace hall::callstation {

CallVoice::CallVoice(QObject* parent)
    : QObject(parent), relay_(std::make_shared<qt::ThreadRelay<CallVoice>>(this)) {}

CallVoice::~CallVoice() {
    relay_->detach();
    if (device_) device_->stop();
}

drivers::DeviceEventSink CallVoice::eventSink() const {
    return [relay = relay_](const drivers::DeviceEvent& event) {
        relay->post([event](CallVoice* self) { self->onEvent(event); });
    };
}

drivers::audio::AnnouncementSink CallVoice::doneSink() const {
    return [relay = relay_](const drivers::audio::AnnouncementDone& done) {
        relay->post([done](CallVoice* self) { self->onDone(done); });
    };
}

void CallVoice::setBackend(client::Backend* backend) {
    disconnect(pushes_);
    disconnect(snapshots_);
    backend_ = backend;
    if (!backend_) return;
    pushes_ = connect(backend_, &client::Backend::pushApplied, this,
                      [this](const protocol::PushBody& body) {
                          if (const auto* call = std::get_if<protocol::Call>(&body)) say(*call);
                      });
    // How often, and whether in English too: the hall's, with every snapshot.
    auto apply = [this] {
        if (!backend_->state().hasSnapshot()) return;
        const auto& board = backend_->state().snapshot().hall.callBoard;
        repeats_ = board.voiceRepeats;
        english_ = board.voiceEnglish;
    };
    snapshots_ = connect(backend_, &client::Backend::snapshotReplaced, this, apply);
    apply();
}

void CallVoice::setDevice(std::unique_ptr<drivers::Device> device) {
    if (device_) device_->stop();
    device_.reset();
    speaking_.reset();
    announcer_ = dynamic_cast<drivers::audio::Announcer*>(device.get());
    if (!announcer_) return;
    device_ = std::move(device);
    device_->start();
    next();
}

void CallVoice::say(const protocol::Call& call) {
    if (call.silent) return; // shown, not spoken
    waiting_.push_back(call);
    if (static_cast<int>(waiting_.size()) > maxBacklog_) keepNewestPerWindow(waiting_);
    next();
}

void CallVoice::next() {
    while (!speaking_ && announcer_ && !waiting_.empty()) {
        protocol::Call call = waiting_.front();
        waiting_.pop_front();
        const auto result = announcer_->announce(
            {call.ticket.number, static_cast<unsigned>(call.window), call.recall}, repeats_,
            english_);
        if (!result.accepted()) continue; // nothing to say for it: the next one
        speaking_.emplace(result.id, std::move(call));
    }
}

void CallVoice::onDone(const drivers::audio::AnnouncementDone& done) {
    if (!speaking_ || speaking_->first != done.id) return;
    const protocol::Call call = std::move(speaking_->second);
    speaking_.reset();
    Q_EMIT finished(QString::fromStdString(call.ticket.number), call.window, call.recall,
                    done.outcome == drivers::audio::AnnouncementOutcome::Played);
    next();
}

void CallVoice::onEvent(const drivers::DeviceEvent& event) {
    const bool lost = event.type == drivers::DeviceEventType::Lost;
    const bool back = event.type == drivers::DeviceEventType::Back ||
                      event.type == drivers::DeviceEventType::Opened;
    if ((!lost && !back) || lost == lost_) return;
    lost_ = lost;
    Q_EMIT faultsChanged();
}

QStringList CallVoice::faults() const {
    return lost_ ? QStringList{QStringLiteral("audio_error")} : QStringList{};
}

} // namespace hall::callstation
