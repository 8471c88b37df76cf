#pragma once
// --control PATH: a local socket through which a demo or a soak run works the app as a person in
// front of it would, and sees what it shows. One command per line, one answer per line — "ok …"
// or "error <why>" — as devsim's control socket:
//
//   shot FILE [WINDOW]  a window as it is now, saved as PNG: the first visible one, or the
//                       visible one whose title or objectName is WINDOW (the rest of the line)
//   tap NAME            a press and a release at the centre of the visible, enabled item whose
//                       objectName is NAME, delivered through its window like a finger's
//   get NAME PROPERTY   a property of the object named NAME, as text
//
// An app may show several windows (a window pad's clerk and citizen faces): its visible root
// windows, then the visible windows declared inside its root objects, in that order. Names are
// looked up in each in turn; the first window holding one answers.
//
// Without --control there is no socket; with it, the socket is the owner's alone. A command the
// app does not know, or a name it cannot find, is answered with an error and changes nothing.

#include <QList>
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
    QList<QQuickWindow*> windows() const; // the visible ones, in the order above
    QQuickItem* visibleItem(const QString& name) const;
    QObject* object(const QString& name) const;
    QString shot(const QString& file, const QString& window) const;

    QQmlApplicationEngine& engine_;
    QLocalServer* server_ = nullptr;
};

} // namespace hall::ui
