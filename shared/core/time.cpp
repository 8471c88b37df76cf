#include "shared/core/time.h"

#include <cstdio>
#include <cstdlib>

namespace hall::core {

using namespace std::chrono;

FixedOffsetZone::FixedOffsetZone(minutes offset, std::string name)
    : offset_(offset), name_(std::move(name)) {
    if (name_.empty()) {
        const auto m = offset.count();
        char buf[32];
        std::snprintf(buf, sizeof buf, "UTC%c%02lld:%02lld", m < 0 ? '-' : '+',
                      static_cast<long long>(std::abs(m) / 60),
                      static_cast<long long>(std::abs(m) % 60));
        name_ = buf;
    }
}

Timestamp SystemClock::now() const {
    return time_point_cast<Millis>(system_clock::now());
}

ScaledClock::ScaledClock(Timestamp start, double speed)
    : start_(start), speed_(speed), origin_(std::chrono::steady_clock::now()) {}

Timestamp ScaledClock::now() const {
    const std::chrono::duration<double, std::milli> real = std::chrono::steady_clock::now() - origin_;
    return start_ + Millis(static_cast<Millis::rep>(real.count() * speed_));
}

std::optional<DemoClock> parseDemoClock(const std::string& text) {
    // The clock reading, then the speed, then perhaps the real instant of the reading.
    const auto at = text.find('@');
    if (at == std::string::npos) return std::nullopt;
    int hh = 0, mm = 0, ss = 0;
    char tail = 0;
    const std::string reading = text.substr(0, at);
    if (std::sscanf(reading.c_str(), "%d:%d:%d%c", &hh, &mm, &ss, &tail) != 3 &&
        (ss = 0, std::sscanf(reading.c_str(), "%d:%d%c", &hh, &mm, &tail) != 2))
        return std::nullopt;
    const std::string rest = text.substr(at + 1);
    char* end = nullptr;
    const double speed = std::strtod(rest.c_str(), &end);
    std::optional<Timestamp> readAt;
    if (*end == '@') {
        char* last = nullptr;
        const long long ms = std::strtoll(end + 1, &last, 10);
        if (last == end + 1 || *last != '\0' || ms <= 0) return std::nullopt;
        readAt = Timestamp(Millis(ms));
    } else if (*end != '\0') {
        return std::nullopt;
    }
    if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59 || !(speed >= 1) ||
        speed > 100000)
        return std::nullopt;
    return DemoClock{hh * 3600 + mm * 60 + ss, speed, readAt};
}

Millis DemoClock::elapsedAt(Timestamp realNow) const {
    if (!readAt || realNow < *readAt) return Millis(0);
    return Millis(static_cast<Millis::rep>(static_cast<double>((realNow - *readAt).count()) * speed));
}

LocalTime toLocal(const TimeZone& zone, Timestamp t) {
    const auto local = t + zone.offsetAt(t);
    const auto date = floor<days>(local);
    const auto minute = duration_cast<minutes>(local - date).count();
    return {date, static_cast<int>(minute)};
}

BusinessDay businessDayOf(const TimeZone& zone, Timestamp t, int dayStartMinute) {
    const auto local = t + zone.offsetAt(t) - minutes(dayStartMinute);
    return floor<days>(local);
}

std::string formatDay(BusinessDay day) {
    const year_month_day ymd{day};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

std::string formatLocalClock(const TimeZone& zone, Timestamp t) {
    const auto local = t + zone.offsetAt(t);
    const auto sinceMidnight = duration_cast<seconds>(local - floor<days>(local)).count();
    char buf[32];
    std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld",
                  static_cast<long long>(sinceMidnight / 3600),
                  static_cast<long long>(sinceMidnight / 60 % 60),
                  static_cast<long long>(sinceMidnight % 60));
    return buf;
}

Timestamp localToUtc(const TimeZone& zone, BusinessDay date, int minuteOfDay, int second) {
    using namespace std::chrono;
    // The offset depends on the instant we are looking for: start from the offset at the local
    // reading taken as UTC, then correct once with the offset at the first guess (offsets
    // change at most twice a year, so two steps settle).
    const Timestamp local{sys_days(date) + minutes(minuteOfDay) + seconds(second)};
    const auto guess = local - zone.offsetAt(local);
    const auto refined = local - zone.offsetAt(guess);
    return local - zone.offsetAt(refined) == refined ? refined : guess;
}

} // namespace hall::core
