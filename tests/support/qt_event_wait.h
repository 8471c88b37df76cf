#pragma once
// Waiting in Qt tests without blocking the event loop the code under test delivers through.

#include <QEventLoop>
#include <QTimer>
#include <chrono>
#include <functional>

namespace hall::testing {

using namespace std::chrono_literals;

// Runs the event loop until pred() holds or `timeout` passes; returns pred().
inline bool waitUntil(const std::function<bool()>& pred, std::chrono::milliseconds timeout = 10s) {
    if (pred()) return true;
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(5);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (pred()) loop.quit();
    });
    QTimer::singleShot(timeout, &loop, &QEventLoop::quit);
    poll.start();
    loop.exec();
    return pred();
}

// Runs the event loop for `d`, whatever happens.
inline void spin(std::chrono::milliseconds d) {
    QEventLoop loop;
    QTimer::singleShot(d, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace hall::testing
