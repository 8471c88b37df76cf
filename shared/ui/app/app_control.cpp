#include "shared/ui/app/app_control.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QImage>
#include <QLocalServer>
#include <QLocalSocket>
#include <QMouseEvent>
#include <QPointingDevice>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <algorithm>
#include <deque>
#include <vector>

namespace hall::ui {

namespace {

const auto kHelp = QStringLiteral("ok commands: shot FILE [WINDOW] · tap NAME · get NAME PROPERTY");

// Every item of the scene, breadth first (stacking order within a parent).
template <typename Visit> QQuickItem* findItem(QQuickItem* root, Visit&& matches) {
    std::deque<QQuickItem*> pending{root};
    while (!pending.empty()) {
        QQuickItem* item = pending.front();
        pending.pop_front();
        if (matches(item)) return item;
        for (QQuickItem* child : item->childItems())
            pending.push_back(child);
    }
    return nullptr;
}

void sendMouse(QQuickWindow* window, QEvent::Type type, QPointF at) {
    QMouseEvent event(type, at, at, window->mapToGlobal(at), Qt::LeftButton,
                      type == QEvent::MouseButtonPress ? Qt::LeftButton : Qt::NoButton,
                      Qt::NoModifier, QPointingDevice::primaryPointingDevice());
    QCoreApplication::sendEvent(window, &event);
}

} // namespace

AppControl::AppControl(QQmlApplicationEngine& engine, QObject* parent)
    : QObject(parent), engine_(engine) {}

bool AppControl::listen(const QString& path, QString& error) {
    server_ = new QLocalServer(this);
    server_->setSocketOptions(QLocalServer::UserAccessOption);
    QLocalServer::removeServer(path); // a socket file left by a run that was killed
    if (!server_->listen(path)) {
        error = QStringLiteral("--control %1: %2").arg(path, server_->errorString());
        return false;
    }
    connect(server_, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket* socket = server_->nextPendingConnection())
            serve(socket);
    });
    return true;
}

void AppControl::serve(QLocalSocket* socket) {
    connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
    connect(socket, &QLocalSocket::readyRead, socket, [this, socket] {
        while (socket->canReadLine()) {
            const QString line = QString::fromUtf8(socket->readLine()).trimmed();
            if (line.isEmpty()) continue;
            socket->write((answer(line) + QLatin1Char('\n')).toUtf8());
        }
    });
}

QList<QQuickWindow*> AppControl::windows() const {
    QList<QQuickWindow*> shown;
    const auto add = [&](QQuickWindow* window) {
        if (window->isVisible() && !shown.contains(window)) shown.append(window);
    };
    for (QObject* root : engine_.rootObjects())
        if (auto* window = qobject_cast<QQuickWindow*>(root)) add(window);
    // An app of two faces (a window pad) has an Item at the root holding a Window for each.
    for (QObject* root : engine_.rootObjects())
        for (QQuickWindow* window : root->findChildren<QQuickWindow*>())
            add(window);
    return shown;
}

QQuickItem* AppControl::visibleItem(const QString& name) const {
    for (QQuickWindow* window : windows()) {
        const QRectF screen(QPointF(0, 0), QSizeF(window->size()));
        QQuickItem* found = findItem(window->contentItem(), [&](QQuickItem* item) {
            if (item->objectName() != name || !item->isVisible() || !item->isEnabled())
                return false;
            // A part of the screen that has just appeared is laid out at the next frame, and a
            // finger only touches what is drawn: place the item as that frame will, outer layouts
            // first.
            std::vector<QQuickItem*> chain;
            for (QQuickItem* up = item; up; up = up->parentItem())
                chain.push_back(up);
            std::for_each(chain.rbegin(), chain.rend(),
                          [](QQuickItem* up) { up->ensurePolished(); });
            const QRectF area = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
            return !area.isEmpty() && screen.contains(area.center());
        });
        if (found) return found;
    }
    return nullptr;
}

QObject* AppControl::object(const QString& name) const {
    for (QQuickWindow* window : windows()) {
        // Non-visual objects declared in QML (a flow such as TicketMachine) are children of
        // their item.
        QObject* found = nullptr;
        findItem(window->contentItem(), [&](QQuickItem* item) {
            if (item->objectName() == name)
                found = item;
            else
                found = item->findChild<QObject*>(name, Qt::FindDirectChildrenOnly);
            return found != nullptr;
        });
        if (found) return found;
    }
    return nullptr;
}

QString AppControl::shot(const QString& file, const QString& name) const {
    const QList<QQuickWindow*> shown = windows();
    const auto window = std::find_if(shown.begin(), shown.end(), [&](QQuickWindow* w) {
        return name.isEmpty() || w->title() == name || w->objectName() == name;
    });
    if (window == shown.end()) return QStringLiteral("error no visible window is named ") + name;
    const QString path = QFileInfo(file).absoluteFilePath();
    const QImage image = (*window)->grabWindow();
    if (image.isNull()) return QStringLiteral("error the window could not be grabbed");
    if (!image.save(path, "PNG")) return QStringLiteral("error cannot write ") + path;
    return QStringLiteral("ok ") + path;
}

QString AppControl::answer(const QString& line) {
    const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QString command = words.value(0);
    if (command == QStringLiteral("help")) return kHelp;
    if (windows().isEmpty()) return QStringLiteral("error no window yet");

    if (command == QStringLiteral("shot") && words.size() >= 2)
        return shot(words[1], words.mid(2).join(QLatin1Char(' '))); // a title may have spaces
    if (command == QStringLiteral("tap") && words.size() == 2) {
        QQuickItem* item = visibleItem(words[1]);
        if (!item) return QStringLiteral("error nothing visible is named ") + words[1];
        const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
        sendMouse(item->window(), QEvent::MouseButtonPress, centre);
        sendMouse(item->window(), QEvent::MouseButtonRelease, centre);
        return QStringLiteral("ok");
    }
    if (command == QStringLiteral("get") && words.size() == 3) {
        QObject* found = object(words[1]);
        if (!found) return QStringLiteral("error nothing is named ") + words[1];
        const QVariant value = found->property(words[2].toUtf8().constData());
        if (!value.isValid())
            return QStringLiteral("error %1 has no property %2").arg(words[1], words[2]);
        return QStringLiteral("ok ") +
               value.toString().replace(QLatin1Char('\n'), QLatin1Char(' '));
    }
    return QStringLiteral("error unknown command (") + kHelp.mid(3) + QLatin1Char(')');
}

} // namespace hall::ui
