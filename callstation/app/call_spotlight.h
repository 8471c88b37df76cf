#pragma once
// The call a board shows full width ("A012 → 3号窗口"): each call is held for holdMs so it can
// be read from across the hall, one after the other, never cut short by the next. Calls that
// come faster than that wait their turn; when more than maxBacklog wait, only the newest call of
// each window is kept (an older call of the same window is already stale), so the board never
// lags the hall. Recalls are shown again; silent calls are shown like any other. The hold time
// is the hall's (call_board.hold_seconds, with every snapshot).
//
// Calls are taken from the backend's pushes, not from state: a board that starts or comes back
// shows nothing here until the next call (the history list shows what is being served).

#include "shared/client/backend.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <deque>

namespace hall::callstation {

class CallSpotlight : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(hall::client::Backend* backend READ backend WRITE setBackend NOTIFY backendChanged)
    Q_PROPERTY(int holdMs READ holdMs WRITE setHoldMs NOTIFY settingsChanged) // 4000–7000
    Q_PROPERTY(int maxBacklog READ maxBacklog WRITE setMaxBacklog NOTIFY settingsChanged)
    Q_PROPERTY(bool active READ active NOTIFY currentChanged)
    Q_PROPERTY(QString number READ number NOTIFY currentChanged)
    Q_PROPERTY(int window READ window NOTIFY currentChanged)
    Q_PROPERTY(bool recall READ recall NOTIFY currentChanged)
    Q_PROPERTY(bool priority READ priority NOTIFY currentChanged)
    // Which way the window lies from this board: {"arrow","zh","en"}, empty when not configured.
    Q_PROPERTY(QVariantMap direction READ direction NOTIFY currentChanged)
    Q_PROPERTY(int backlog READ backlog NOTIFY currentChanged) // calls waiting their turn

public:
    static constexpr int kMinHoldMs = 4000;
    static constexpr int kMaxHoldMs = 7000;

    explicit CallSpotlight(QObject* parent = nullptr);

    client::Backend* backend() const { return backend_; }
    void setBackend(client::Backend* backend);
    int holdMs() const { return holdMs_; }
    void setHoldMs(int ms);
    int maxBacklog() const { return maxBacklog_; }
    void setMaxBacklog(int calls);

    bool active() const { return current_.has_value(); }
    QString number() const;
    int window() const { return current_ ? current_->window : 0; }
    bool recall() const { return current_ && current_->recall; }
    bool priority() const;
    QVariantMap direction() const;
    int backlog() const { return static_cast<int>(waiting_.size()); }
    QStringList queuedNumbers() const; // the calls waiting their turn, oldest first

    // A call pushed by the controller (the backend's pushes come here).
    void show(const protocol::Call& call);

Q_SIGNALS:
    void backendChanged();
    void settingsChanged();
    void currentChanged();

private:
    void next();
    void applyHallSettings(); // the hall's call_board.hold_seconds

    QPointer<client::Backend> backend_;
    QMetaObject::Connection pushes_;
    QMetaObject::Connection snapshots_;
    int holdMs_ = 5000;
    int maxBacklog_ = 4;
    std::optional<protocol::Call> current_;
    std::deque<protocol::Call> waiting_;
    QTimer hold_;
};

} // namespace hall::callstation
