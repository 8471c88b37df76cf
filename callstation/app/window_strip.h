#pragma once
// One window's LED strip as the led-box role draws it on an LED screen fed by a video box: the
// same words and colour the controller sends to the strips on the hall bus
// (protocol::windowSign), from the window's state as pushed to this terminal. A call or a recall
// of the window blinks for the call board's hold time (the hall's call_board.hold_seconds),
// as the bus strips do.

#include "shared/client/backend.h"
#include "shared/protocol/window_sign.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QtQml/qqmlregistration.h>
#include <chrono>

namespace hall::callstation {

class WindowStrip : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(hall::client::Backend* backend READ backend WRITE setBackend NOTIFY backendChanged)
    Q_PROPERTY(int window READ window WRITE setWindow NOTIFY windowChanged)
    Q_PROPERTY(QString text READ text NOTIFY signChanged)
    Q_PROPERTY(QString colour READ colour NOTIFY signChanged) // "red", "green", "yellow"
    Q_PROPERTY(bool blink READ blink NOTIFY signChanged)
    Q_PROPERTY(QString look READ look NOTIFY signChanged) // "calling", "serving", "paused", …

public:
    explicit WindowStrip(QObject* parent = nullptr);

    client::Backend* backend() const { return backend_; }
    void setBackend(client::Backend* backend);
    int window() const { return window_; }
    void setWindow(int window);

    QString text() const { return QString::fromStdString(sign_.text); }
    QString colour() const { return QString::fromStdString(sign_.colour); }
    bool blink() const { return sign_.blink; }
    QString look() const { return QString::fromLatin1(protocol::signLookName(sign_.look)); }

Q_SIGNALS:
    void backendChanged();
    void windowChanged();
    void signChanged();

private:
    void refresh();

    QPointer<client::Backend> backend_;
    QMetaObject::Connection pushes_, snapshots_;
    int window_ = 1;
    protocol::WindowSign sign_;
    QTimer fresh_; // running while the window's last call blinks
};

} // namespace hall::callstation
