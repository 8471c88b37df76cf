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
#include <deque>

namespace hall::ui {

namespace {

const auto kHelp = QStringLiteral("ok commands: shot FILE · tap NAME · get NAME PROPERTY");

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

QQuickWindow* AppControl::window() const {
    for (QObject* root : engine_.rootObjects())
        if (auto* window = qobject_cast<QQuickWindow*>(root)) return window;
    return nullptr;
}

QQuickItem* AppControl::visibleItem(const QString& name) const {
    QQuickWindow* shown = window();
    if (!shown) return nullptr;
    const QRectF screen(QPointF(0, 0), QSizeF(shown->size()));
    return findItem(shown->contentItem(), [&](QQuickItem* item) {
        if (item->objectName() != name || !item->isVisible() || !item->isEnabled()) return false;
        const QRectF area = item->mapRectToScene(QRectF(0, 0, item->width(), item->height()));
        return !area.isEmpty() && screen.contains(area.center());
    });
}

QObject* AppControl::object(const QString& name) const {
    QQuickWindow* shown = window();
    if (!shown) return nullptr;
    // Non-visual objects declared in QML (a flow such as TicketMachine) are children of their item.
    QObject* found = nullptr;
    findItem(shown->contentItem(), [&](QQuickItem* item) {
        if (item->objectName() == name)
            found = item;
        else
            found = item->findChild<QObject*>(name, Qt::FindDirectChildrenOnly);
        return found != nullptr;
    });
    return found;
}

QString AppControl::answer(const QString& line) {
    const QStringList words = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QString command = words.value(0);
    QQuickWindow* shown = window();
    if (command == QStringLiteral("help")) return kHelp;
    if (!shown) return QStringLiteral("error no window yet");

    if (command == QStringLiteral("shot") && words.size() == 2) {
        const QString file = QFileInfo(words[1]).absoluteFilePath();
        const QImage image = shown->grabWindow();
        if (image.isNull()) return QStringLiteral("error the window could not be grabbed");
        if (!image.save(file, "PNG")) return QStringLiteral("error cannot write ") + file;
        return QStringLiteral("ok ") + file;
    }
    if (command == QStringLiteral("tap") && words.size() == 2) {
        QQuickItem* item = visibleItem(words[1]);
        if (!item) return QStringLiteral("error nothing visible is named ") + words[1];
        const QPointF centre = item->mapToScene(QPointF(item->width() / 2, item->height() / 2));
        sendMouse(shown, QEvent::MouseButtonPress, centre);
        sendMouse(shown, QEvent::MouseButtonRelease, centre);
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
