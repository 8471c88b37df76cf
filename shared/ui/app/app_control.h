#pragma once
// --control PATH: a local socket through which a demo or a soak run works the app as a person in
// front of it would, and sees what it shows. One command per line, one answer per line — "ok …"
// or "error <why>" — as devsim's control socket:
//
//   shot FILE           the window as it is now, saved as PNG
//   tap NAME            a press and a release at the centre of the visible, enabled item whose
//                       objectName is NAME, delivered through the window like a finger's
//   get NAME PROPERTY   a property of the object named NAME, as text
//
// Without --control there is no socket; with it, the socket is the owner's alone. A command the
// app does not know, or a name it cannot find, is answered with an error and changes nothing.

#include <QObject>
#include <QString>

class QLocalServer;
class QLocalSocket;
class QQmlApplicationEngine;
class QQuickItem;
class QQuickWindow;

namespace hall::ui {

class AppControl : public QObject {
public:
    explicit AppControl(QQmlApplicationEngine& engine, QObject* parent = nullptr);

    // Listens on `path` (a stale socket file of a dead run is replaced); false with `error` set.
    bool listen(const QString& path, QString& error);
    // One command line's answer, without the newline.
    QString answer(const QString& line);

private:
    void serve(QLocalSocket* socket);
    QQuickWindow* window() const;
    QQuickItem* visibleItem(const QString& name) const;
    QObject* object(const QString& name) const;

    QQmlApplicationEngine& engine_;
    QLocalServer* server_ = nullptr;
};

} // namespace hall::ui
