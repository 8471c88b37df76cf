#pragma once
// Time as the queue engine sees it: UTC instants in milliseconds, a hall time zone injected from
// outside (the engine never reads a clock or the tz database itself), and the business day.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace hall::core {

using Millis = std::chrono::milliseconds;
using Timestamp = std::chrono::sys_time<Millis>;

// A business day is a local calendar date of the hall. Tickets are numbered per service per
// business day (A001 starts again every day).
using BusinessDay = std::chrono::sys_days; // the local date, stored as days since 1970-01-01

// UTC offset rules of the hall's time zone (Asia/Shanghai by default). Implementations: a fixed
// offset here, the system tz database in shared/tz.
class TimeZone {
public:
    virtual ~TimeZone() = default;
    virtual Millis offsetAt(Timestamp utc) const = 0;
    virtual std::string name() const = 0;
};

class FixedOffsetZone final : public TimeZone {
public:
    explicit FixedOffsetZone(std::chrono::minutes offset, std::string name = {});
    Millis offsetAt(Timestamp) const override { return offset_; }
    std::string name() const override { return name_; }

private:
    Millis offset_;
    std::string name_;
};

// The source of "now" for components that stamp commands; the engine itself takes `now` as an
// argument so that it stays deterministic and replayable.
class Clock {
public:
    virtual ~Clock() = default;
    virtual Timestamp now() const = 0;
};

class SystemClock final : public Clock {
public:
    Timestamp now() const override;
};

// A clock that starts at `start` and runs `speed` times faster than real time: the demo plays a
// whole hall day in a minute through the real controller this way.
class ScaledClock final : public Clock {
public:
    ScaledClock(Timestamp start, double speed);
    Timestamp now() const override;
    double speed() const { return speed_; }

private:
    Timestamp start_;
    double speed_;
    std::chrono::steady_clock::time_point origin_;
};

// For demonstrations only, "HH:MM[:SS]@SPEED[@UNIX_MS]": the hall's day starts today at that
// local time and runs SPEED (1 … 100000) times faster — callstationd's and the terminal apps'
// --demo-clock. The clock reads HH:MM:SS when the program starts, or at the real instant UNIX_MS
// when given (a program started later joins a demo clock already running).
struct DemoClock {
    int startSecond = 8 * 3600; // local second of the day
    double speed = 1.0;
    std::optional<Timestamp> readAt; // real instant of that reading; none: now

    // How far the hall clock has run past startSecond by the real instant `realNow`.
    Millis elapsedAt(Timestamp realNow) const;
};
std::optional<DemoClock> parseDemoClock(const std::string& text); // nullopt when malformed

// Local wall-clock time of an instant in the hall.
struct LocalTime {
    BusinessDay date; // local calendar date
    int minuteOfDay;  // 0..1439
    int hour() const { return minuteOfDay / 60; }
};

LocalTime toLocal(const TimeZone& zone, Timestamp t);

// The business day an instant belongs to. `dayStartMinute` shifts the boundary (0 = midnight),
// so a hall can end its day at, say, 04:00 and keep night tickets on the evening's day.
BusinessDay businessDayOf(const TimeZone& zone, Timestamp t, int dayStartMinute);

// The instant at which the hall's clocks show `minuteOfDay` (plus `second`) on `date`. In a
// daylight-saving gap the time is taken with the offset before the gap.
Timestamp localToUtc(const TimeZone& zone, BusinessDay date, int minuteOfDay, int second = 0);

std::string formatDay(BusinessDay day);                          // 2026-11-23
std::string formatLocalClock(const TimeZone& zone, Timestamp t); // 09:05:07

} // namespace hall::core
