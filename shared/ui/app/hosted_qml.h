#pragma once

#include <QSize>
#include <QStringList>
#include <QUrl>
#include <memory>

class QObject;
class QQmlComponent;
class QQuickWindow;

namespace hall::ui {

// One QML object created from a component and shown the way a screen is: an Item root is placed
// into `host` (and given the size `fill` if that is valid — screens fill the window, components
// keep their implicit size); a Window root is its own window, sized like `host`. Creation errors
// end up in errors(); the object is destroyed with this.
class HostedQml {
public:
    HostedQml(QQmlComponent& component, QQuickWindow& host, QSize fill);
    ~HostedQml();
    HostedQml(const HostedQml&) = delete;
    HostedQml& operator=(const HostedQml&) = delete;

    bool created() const { return object_ != nullptr; }
    const QStringList& errors() const { return errors_; }
    // The window showing the object (host, or the object itself), or null if it is not visual.
    QQuickWindow* window() const { return window_; }

private:
    std::unique_ptr<QObject> object_;
    QQuickWindow* window_ = nullptr;
    QStringList errors_;
};

// Lets the event loop run for `milliseconds`, so that queued work (deferred deletes, zero-time
// timers, loaders, first frames) happens and reports its warnings.
void settle(int milliseconds);

} // namespace hall::ui
