#pragma once
// The board's voice: every call the hall pushes is announced through the call announcer
// (drivers/audio: chime, then "请 A012 号到 3 号窗口办理", repeated as the hall sets, then once in
// English when the hall asks for it and the announcer has the English pack), strictly one
// at a time — a new call never cuts one being spoken; it waits its turn. A recall is announced
// again, starting with 再次呼叫; a silent call is shown on the board and not spoken. When more
// than maxBacklog calls wait, only the newest of each window is kept (call_backlog.h), so the
// voice never lags the hall by minutes; the last call of every window is always said.
//
// The announcer is fed one call at a time and answers each with one AnnouncementDone on its
// worker thread, carried here over a ThreadRelay. While its sound card is lost, audio_error goes
// out in the heartbeat (the app root reports faults()).

#include "drivers/audio/announcer.h"
#include "shared/client/backend.h"
#include "shared/qt/thread_relay.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <deque>
#include <memory>
#include <optional>

namespace hall::callstation {

class CallVoice : public QObject {
    Q_OBJECT

public:
    explicit CallVoice(QObject* parent = nullptr);
    ~CallVoice() override;

    // The calls to say: this backend's call pushes.
    void setBackend(client::Backend* backend);
    // The announcer to speak through (made with eventSink() and doneSink()); started here. Null,
    // or a device of another kind: no voice (calls are still taken off the backlog).
    void setDevice(std::unique_ptr<drivers::Device> device);
    drivers::DeviceEventSink eventSink() const;
    drivers::audio::AnnouncementSink doneSink() const;

    // The hall's call_board settings arrive with every snapshot; these set them until the next.
    void setRepeats(int repeats) { repeats_ = repeats; } // 1–3, the announcer checks
    void setEnglish(bool english) { english_ = english; } // then once in the follow-up pack
    void setMaxBacklog(int calls) { maxBacklog_ = std::max(1, calls); }

    void say(const protocol::Call& call);
    bool speaking() const { return speaking_.has_value(); }
    int backlog() const { return static_cast<int>(waiting_.size()); }
    QStringList faults() const;

Q_SIGNALS:
    // An announcement ended (played, or not: failed, expired); the next one starts.
    void finished(const QString& number, int window, bool recall, bool played);
    void faultsChanged();

private:
    void next();
    void onDone(const drivers::audio::AnnouncementDone& done);
    void onEvent(const drivers::DeviceEvent& event);

    std::shared_ptr<qt::ThreadRelay<CallVoice>> relay_;
    QPointer<client::Backend> backend_;
    QMetaObject::Connection pushes_;
    QMetaObject::Connection snapshots_;
    std::unique_ptr<drivers::Device> device_;
    drivers::audio::Announcer* announcer_ = nullptr; // device_, as an announcer
    std::deque<protocol::Call> waiting_;
    std::optional<std::pair<std::uint64_t, protocol::Call>> speaking_;
    int repeats_ = 2;
    bool english_ = false;
    int maxBacklog_ = 4;
    bool lost_ = false;
};

} // namespace hall::callstation
