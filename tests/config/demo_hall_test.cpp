// The embedded demo hall: the same text as demo-hall.toml in the tree, and a valid hall.

#include "shared/config/demo_hall.h"
#include "shared/config/hall_config_toml.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <variant>

using namespace hall;

TEST_CASE("the embedded demo hall is the file in the tree") {
    std::ifstream in(DEMO_HALL_TOML_PATH, std::ios::binary);
    REQUIRE(in);
    const std::string file{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    CHECK(config::demoHallToml() == file);
}

TEST_CASE("the demo hall parses and validates") {
    const auto result = config::parseHallConfig(config::demoHallToml(), "demo-hall.toml");
    if (const auto* errors = std::get_if<std::vector<core::ConfigError>>(&result))
        FAIL(core::describe(*errors));
    const auto& hall = std::get<core::HallConfig>(result);
    CHECK(core::validate(hall).empty());

    CHECK(hall.timeZone == "Asia/Shanghai");
    CHECK(hall.zones.size() == 2);
    CHECK(hall.services.size() == 6);
    CHECK(hall.windows.size() == 12);
    CHECK(hall.staff.size() >= 12);

    // Every service has both names and a window that serves it.
    for (const auto& s : hall.services) {
        CAPTURE(s.id);
        CHECK_FALSE(s.nameEn.empty());
        CHECK(s.dailyQuota > 0);
        CHECK_FALSE(s.hours.empty());
        const bool served = std::any_of(hall.windows.begin(), hall.windows.end(), [&](auto& w) {
            return std::any_of(w.services.begin(), w.services.end(),
                               [&](auto& ws) { return ws.serviceId == s.id; });
        });
        CHECK(served);
    }
    CHECK(std::count_if(hall.services.begin(), hall.services.end(),
                        [](auto& s) { return s.openAtNight; }) == 1);

    std::set<core::RoutingPolicy> routings;
    std::set<std::string> zones;
    for (const auto& w : hall.windows) {
        routings.insert(w.routing);
        zones.insert(w.zoneId);
    }
    CHECK(routings.size() == 2); // ordered and weighted windows both appear
    CHECK(zones.size() == 2);
}

TEST_CASE("demoHall() returns the parsed demo hall") {
    const auto hall = config::demoHall();
    CHECK(hall.name ==
          std::get<core::HallConfig>(config::parseHallConfig(config::demoHallToml())).name);
    CHECK(hall.findService("social_security") != nullptr);
}
