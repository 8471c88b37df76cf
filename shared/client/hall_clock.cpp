#include "shared/client/hall_clock.h"

#include <algorithm>

namespace hall::client {

HallClock::HallClock(QObject* parent)
    : QObject(parent), clock_(std::make_unique<core::SystemClock>()) {
    tickEvery(std::chrono::seconds(1));
}

namespace {

class FunctionClock final : public core::Clock {
public:
    explicit FunctionClock(std::function<core::Timestamp()> now) : now_(std::move(now)) {}
    core::Timestamp now() const override { return now_(); }

private:
    std::function<core::Timestamp()> now_;
};

} // namespace

HallClock::HallClock(std::function<core::Timestamp()> now, QObject* parent)
    : QObject(parent), clock_(std::make_unique<FunctionClock>(std::move(now))) {
    tickEvery(std::chrono::seconds(1));
}

HallClock::HallClock(const core::DemoClock& demo, QObject* parent) : QObject(parent) {
    // Today's local time of day in the box's zone, as callstationd takes it in the hall's.
    const QDateTime start(QDate::currentDate(), QTime(0, 0).addSecs(demo.startSecond));
    const core::Timestamp realNow(core::Millis(QDateTime::currentMSecsSinceEpoch()));
    clock_ = std::make_unique<core::ScaledClock>(
        core::Timestamp(core::Millis(start.toMSecsSinceEpoch())) + demo.elapsedAt(realNow),
        demo.speed);
    const auto interval = std::chrono::milliseconds(static_cast<long>(1000 / demo.speed));
    tickEvery(std::max(interval, std::chrono::milliseconds(50)));
}

void HallClock::tickEvery(std::chrono::milliseconds interval) {
    ticker_.setInterval(interval);
    connect(&ticker_, &QTimer::timeout, this, &HallClock::ticked);
    ticker_.start();
}

QDateTime HallClock::now() const {
    return QDateTime::fromMSecsSinceEpoch(clock_->now().time_since_epoch().count());
}

} // namespace hall::client
