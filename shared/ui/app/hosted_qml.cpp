#include "shared/ui/app/hosted_qml.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QQmlComponent>
#include <QQuickItem>
#include <QQuickWindow>

namespace hall::ui {

namespace {

QStringList errorsOf(const QQmlComponent& component) {
    QStringList errors;
    for (const auto& error : component.errors())
        errors.append(error.toString());
    return errors;
}

} // namespace

HostedQml::HostedQml(QQmlComponent& component, QQuickWindow& host, QSize fill) {
    if (component.isError()) {
        errors_ = errorsOf(component);
        return;
    }
    object_.reset(component.create());
    if (object_ == nullptr) {
        errors_ = errorsOf(component);
        if (errors_.isEmpty())
            errors_.append(component.url().toString() + QStringLiteral(": could not be created"));
        return;
    }
    if (auto* window = qobject_cast<QQuickWindow*>(object_.get())) {
        window->resize(host.size());
        window_ = window;
    } else if (auto* item = qobject_cast<QQuickItem*>(object_.get())) {
        item->setParentItem(host.contentItem());
        if (fill.isValid()) item->setSize(QSizeF(fill));
        window_ = &host;
    }
    if (window_ != nullptr && !window_->isVisible()) window_->show();
}

HostedQml::~HostedQml() {
    if (auto* item = qobject_cast<QQuickItem*>(object_.get())) item->setParentItem(nullptr);
    object_.reset();
}

void settle(int milliseconds) {
    const QDeadlineTimer deadline(milliseconds);
    do {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    } while (!deadline.hasExpired());
}

} // namespace hall::ui
