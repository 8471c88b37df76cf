#pragma once
// Carries calls from any thread (a driver's worker, a thread pool) to a QObject's thread, and to
// nothing once that object is gone. The object detaches in its destructor under the same lock a
// sender posts under, and Qt drops the calls still queued for a deleted object; a dropped call's
// captures are destroyed where it is dropped (a card record wipes itself there).
//
// The object holds the relay in a shared_ptr and hands copies to the senders, so a sender that
// outlives the object still has a relay to post to.

#include <QMetaObject>
#include <QObject>
#include <mutex>
#include <type_traits>
#include <utility>

namespace hall::qt {

template <typename Target> class ThreadRelay {
public:
    explicit ThreadRelay(Target* target) : target_(target) {}

    // f() or f(Target*), later, on the target's thread; never once detach() has returned.
    template <typename F> void post(F&& f) {
        std::lock_guard lock(mutex_);
        if (!target_) return;
        QMetaObject::invokeMethod(
            target_,
            [target = target_, f = std::forward<F>(f)]() mutable {
                if constexpr (std::is_invocable_v<F&, Target*>)
                    f(target);
                else
                    f();
            },
            Qt::QueuedConnection);
    }
    void detach() {
        std::lock_guard lock(mutex_);
        target_ = nullptr;
    }

private:
    std::mutex mutex_;
    Target* target_;
};

} // namespace hall::qt
