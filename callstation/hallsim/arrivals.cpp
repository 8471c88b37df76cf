#include "callstation/hallsim/arrivals.h"

#include "shared/core/time.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace hall::sim {

namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr int kWaitAtDoorMinutes = 15; // who comes this long before opening waits for it

bool issuesAt(const core::Service& s, int minute) {
    // The engine's rule: open_at_night services and services without hours issue at any time.
    if (s.openAtNight || s.hours.empty()) return true;
    return std::any_of(s.hours.begin(), s.hours.end(), [&](const core::OpeningInterval& h) {
        return minute >= h.openMinute && minute < h.closeMinute;
    });
}

// The opening a citizen arriving at `minute` waits for, if one is close.
std::optional<int> openingSoon(const core::Service& s, int minute) {
    if (issuesAt(s, minute)) return std::nullopt;
    for (const auto& h : s.hours)
        if (minute >= h.openMinute - kWaitAtDoorMinutes && minute < h.openMinute)
            return h.openMinute;
    return std::nullopt;
}

// Minutes in which the hall staffs the service: its hours, or the hall's day when it has none.
// A night service's counter hours are its listed hours; the night is for kiosks.
int staffedMinutes(const core::Service& s, const SimProfile& p) {
    if (s.hours.empty()) return p.hallCloseMinute - 60 - p.hallOpenMinute;
    int total = 0;
    for (const auto& h : s.hours) {
        const int from = std::max(h.openMinute, p.hallOpenMinute);
        const int to = std::min(h.closeMinute, p.hallCloseMinute);
        if (to > from) total += to - from;
    }
    return total;
}

std::string hexKey(std::mt19937_64& rng) {
    // Stands in for the keyed hash of an ID number that a ticket machine sends: HMAC-SHA256,
    // 64 lowercase hex digits, as the protocol requires.
    std::string key;
    for (int i = 0; i < 4; ++i) {
        char part[17];
        std::snprintf(part, sizeof part, "%016llx", static_cast<unsigned long long>(rng()));
        key += part;
    }
    return key;
}

} // namespace

double expectedDailyDemand(const core::HallConfig& config, const core::Service& service,
                           const SimProfile& profile) {
    double windowShare = 0.0;
    for (const auto& w : config.windows) {
        int total = 0;
        int mine = 0;
        for (const auto& ws : w.services) {
            // An ordered window serves its list in turn as queues empty: count it evenly.
            const int weight = w.routing == core::RoutingPolicy::Weighted ? ws.weight : 1;
            total += weight;
            if (ws.serviceId == service.id) mine = weight;
        }
        if (total > 0) windowShare += static_cast<double>(mine) / total;
    }
    const auto& sp = profile.service(service.id);
    const double meanMinutes =
        sp.medianMinutes * std::exp(sp.sigma * sp.sigma / 2.0) + profile.overheadMinutes;
    double demand =
        profile.utilisation * windowShare * staffedMinutes(service, profile) / meanMinutes;
    if (service.dailyQuota > 0) demand = std::min(demand, profile.quotaDemand * service.dailyQuota);
    return std::max(demand, 0.0);
}

std::vector<Arrival> planArrivals(const core::HallConfig& config, const core::TimeZone& zone,
                                  core::BusinessDay day, const SimProfile& profile,
                                  std::mt19937_64& rng) {
    std::vector<Arrival> out;
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    auto chance = [&](double p) { return unit(rng) < p; };
    int appointmentSeq = 0;
    const auto ymd = std::chrono::year_month_day(day);

    for (const auto& service : config.services) {
        const double demand = expectedDailyDemand(config, service, profile);
        // Normalise the intensity over the minutes whose citizens get a ticket (at once or at
        // the next opening); arrivals in other minutes are extra, refused attempts.
        double norm = 0.0;
        for (int m = 0; m < kMinutesPerDay; ++m)
            if ((issuesAt(service, m) || openingSoon(service, m)) && m < profile.hallCloseMinute)
                norm += arrivalIntensity(m);
        if (norm <= 0.0 || demand <= 0.0) continue;

        for (int m = 0; m < kMinutesPerDay; ++m) {
            const double mean = demand * arrivalIntensity(m) / norm;
            if (mean <= 0.0) continue;
            const int count = std::poisson_distribution<int>(mean)(rng);
            for (int k = 0; k < count; ++k) {
                Arrival a;
                int minute = m;
                int second = std::uniform_int_distribution<int>(0, 59)(rng);
                if (auto opening = openingSoon(service, m)) {
                    minute = *opening;
                    second = std::uniform_int_distribution<int>(0, 180)(rng);
                }
                a.at = core::localToUtc(zone, day, minute, second);
                auto& r = a.request;
                r.serviceId = service.id;
                r.sourceDevice = "ticket-machine-" +
                                 std::to_string(std::uniform_int_distribution<int>(1, 3)(rng));
                const bool counterHours =
                    std::any_of(service.hours.begin(), service.hours.end(),
                                [&](auto& h) {
                                    return minute >= h.openMinute && minute < h.closeMinute;
                                }) ||
                    service.hours.empty();
                if (service.openAtNight && !counterHours) r.sourceDevice = "kiosk-24h-1";

                const auto& categories = config.queue.greenChannelCategories;
                if (!categories.empty() && chance(profile.greenChannelShare)) {
                    r.priority = core::PriorityClass::GreenChannel;
                    r.greenCategory = categories[std::uniform_int_distribution<std::size_t>(
                        0, categories.size() - 1)(rng)];
                } else if (counterHours && chance(profile.appointmentShare)) {
                    // Booked online for the half-hour slot that starts next; checks in early.
                    r.priority = core::PriorityClass::Appointment;
                    const int slot = (minute / 30 + 1) * 30;
                    char id[40];
                    std::snprintf(id, sizeof id, "YY%04d%02u%02u%04d", static_cast<int>(ymd.year()),
                                  static_cast<unsigned>(ymd.month()),
                                  static_cast<unsigned>(ymd.day()), ++appointmentSeq);
                    r.appointment = core::Appointment{id, core::localToUtc(zone, day, slot)};
                    r.sourceDevice = "appointment-checkin";
                }
                if (r.priority == core::PriorityClass::Appointment || chance(profile.keyedShare)) {
                    r.personKey = hexKey(rng);
                    a.triesTwice = chance(profile.retryShare);
                }
                out.push_back(std::move(a));
            }
        }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Arrival& x, const Arrival& y) { return x.at < y.at; });
    return out;
}

} // namespace hall::sim
