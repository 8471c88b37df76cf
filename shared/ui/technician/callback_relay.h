#pragma once
// Carries a result from any thread to a QObject's thread, and to nothing once that object is
// gone: the object detaches in its destructor under the same lock a sender posts under, and Qt
// drops events still queued for a deleted object.

#include <QMetaObject>
#include <QObject>
#include <mutex>
#include <utility>

namespace hall::technician::ui {

struct CallbackRelay {
    explicit CallbackRelay(QObject* target) : target_(target) {}

    template <typename F> void post(F&& f) {
        std::lock_guard lock(mutex_);
        if (target_) QMetaObject::invokeMethod(target_, std::forward<F>(f), Qt::QueuedConnection);
    }
    void detach() {
        std::lock_guard lock(mutex_);
        target_ = nullptr;
    }

private:
    std::mutex mutex_;
    QObject* target_;
};

} // namespace hall::technician::ui
