// The arrival model: reproducible from a seed, in time order, shaped by the day's curve and
// scaled to the windows' capacity and the quotas.

#include "shared/config/demo_hall.h"
#include "callstation/hallsim/arrivals.h"
#include "shared/tz/system_zone.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <map>

using namespace hall;
using namespace std::chrono;

namespace {
const core::BusinessDay kDay = sys_days(2026y / November / 23);

std::vector<sim::Arrival> plan(const core::HallConfig& config, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    return sim::planArrivals(config, *tz::loadZone(config.timeZone), kDay,
                             sim::SimProfile::standard(), rng);
}
} // namespace

TEST_CASE("the same seed plans the same day, another seed a different one") {
    const auto hall = config::demoHall();
    const auto a = plan(hall, 5);
    const auto b = plan(hall, 5);
    const auto c = plan(hall, 6);
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].at == b[i].at);
        CHECK(a[i].request.serviceId == b[i].request.serviceId);
    }
    const bool differs =
        a.size() != c.size() ||
        !std::equal(a.begin(), a.end(), c.begin(), [](auto& x, auto& y) { return x.at == y.at; });
    CHECK(differs);
}

TEST_CASE("arrivals are in time order, for known services, with valid priorities") {
    const auto hall = config::demoHall();
    const auto arrivals = plan(hall, 1);
    REQUIRE_FALSE(arrivals.empty());
    CHECK(std::is_sorted(arrivals.begin(), arrivals.end(),
                         [](auto& x, auto& y) { return x.at < y.at; }));
    for (const auto& a : arrivals) {
        CHECK(hall.findService(a.request.serviceId) != nullptr);
        CHECK((a.request.priority == core::PriorityClass::Appointment) ==
              a.request.appointment.has_value());
        if (a.request.priority == core::PriorityClass::GreenChannel) {
            const auto& cats = hall.queue.greenChannelCategories;
            CHECK(std::find(cats.begin(), cats.end(), a.request.greenCategory) != cats.end());
        }
        if (a.triesTwice) CHECK_FALSE(a.request.personKey.empty());
    }
}

TEST_CASE("volume follows the demand estimate and the day's curve") {
    const auto hall = config::demoHall();
    const auto zone = tz::loadZone(hall.timeZone);
    const auto profile = sim::SimProfile::standard();
    double expected = 0.0;
    for (const auto& s : hall.services)
        expected += sim::expectedDailyDemand(hall, s, profile);

    constexpr int kDays = 10;
    std::map<int, int> byHour;
    std::size_t total = 0;
    for (int seed = 0; seed < kDays; ++seed) {
        for (const auto& a : plan(hall, static_cast<std::uint64_t>(seed))) {
            ++byHour[core::toLocal(*zone, a.at).hour()];
            ++total;
        }
    }
    const double perDay = static_cast<double>(total) / kDays;
    // Arrivals in closed minutes (lunch, after closing) come on top of the demand.
    CHECK(perDay > expected * 0.95);
    CHECK(perDay < expected * 1.15);
    CHECK(byHour[10] > 5 * byHour[12]); // morning peak against the lunch lull
    CHECK(byHour[14] > 5 * byHour[12]); // afternoon peak
    CHECK(byHour[7] == 0);
    CHECK(byHour[18] == 0);
}

TEST_CASE("a daily quota caps the demand") {
    auto hall = config::demoHall();
    const auto profile = sim::SimProfile::standard();
    auto& service = hall.services.front();
    const double uncapped = sim::expectedDailyDemand(hall, service, profile);
    service.dailyQuota = 10;
    CHECK(uncapped > 10.0);
    CHECK(sim::expectedDailyDemand(hall, service, profile) ==
          doctest::Approx(10.0 * profile.quotaDemand));
}
