#pragma once
// The hall's time as the screens show it (Terminal.clock): the box's own clock, which follows the
// hall's NTP, shown in the box's time zone (the hall's) — or, for a demonstration, a clock that
// starts today at a given local time and runs faster (--demo-clock, as callstationd's), so a
// terminal beside a demo controller shows the demo's hall day. `now` changes at least once a
// second of the clock shown.

#include "shared/core/time.h"

#include <QDateTime>
#include <QObject>
#include <QTimer>
#include <functional>
#include <QtQml/qqmlregistration.h>
#include <memory>

namespace hall::client {

class HallClock : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Terminal.clock")
    Q_PROPERTY(QDateTime now READ now NOTIFY ticked)

public:
    explicit HallClock(QObject* parent = nullptr); // the box's clock
    HallClock(const core::DemoClock& demo, QObject* parent = nullptr);
    // Another clock's time: the mock hall's, whose day starts at 10:00 hall time.
    HallClock(std::function<core::Timestamp()> now, QObject* parent = nullptr);

    QDateTime now() const;
    core::Timestamp timestamp() const { return clock_->now(); }

Q_SIGNALS:
    void ticked();

private:
    void tickEvery(std::chrono::milliseconds interval);

    std::unique_ptr<core::Clock> clock_;
    QTimer ticker_;
};

} // namespace hall::client
