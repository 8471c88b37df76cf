// core::validate(): every rule names the offending field with its path, so that a technician
// can find it in the TOML file; an engine is never built from a bad configuration.

#include "tests/core/hall_fixture.h"

#include <algorithm>
#include <stdexcept>

using namespace hall::core;
using namespace hall::core::testing;

namespace {

std::string fields(const std::vector<ConfigError>& errors) {
    std::string out;
    for (const auto& e : errors)
        out += e.field + " (" + e.message + "); ";
    return out;
}

bool hasField(const std::vector<ConfigError>& errors, std::string_view field) {
    return std::any_of(errors.begin(), errors.end(),
                       [&](const ConfigError& e) { return e.field == field; });
}

// Some paths end in a sub-key whose exact spelling is the loader's business (an interval's
// open/close, a duration's unit): those are matched by their leading part.
bool hasFieldStartingWith(const std::vector<ConfigError>& errors, std::string_view head) {
    return std::any_of(errors.begin(), errors.end(), [&](const ConfigError& e) {
        return e.field.compare(0, head.size(), head) == 0;
    });
}
bool hasFieldWith(const std::vector<ConfigError>& errors, std::string_view head,
                  std::string_view part) {
    return std::any_of(errors.begin(), errors.end(), [&](const ConfigError& e) {
        return e.field.compare(0, head.size(), head) == 0 &&
               e.field.find(part) != std::string::npos;
    });
}

// Exactly the expected field is reported: the rule fires, and nothing else in the otherwise
// valid hall is blamed.
void expectOnly(const HallConfig& c, std::string_view field) {
    const auto errors = validate(c);
    INFO("errors: ", fields(errors));
    CHECK(errors.size() == 1);
    CHECK(hasField(errors, field));
    for (const auto& e : errors)
        CHECK_FALSE(e.message.empty());
}

} // namespace

TEST_CASE("the test hall and a richer valid hall pass validation") {
    auto c = smallHall();
    CHECK(validate(c).empty());

    c.services[0].hours = {{8 * 60, 12 * 60}, {13 * 60 + 30, 17 * 60}};
    c.services[0].dailyQuota = 200;
    c.services[0].numberWidth = 6;
    c.services[1].prefix = "BZ";
    c.services[1].numberWidth = 1;
    c.services[2].hours = {{0, 1440}};
    c.services[2].openAtNight = true;
    c.windows[0].routing = RoutingPolicy::Weighted;
    c.windows[0].services = {{"a", 3}, {"b", 1}, {"c", 2}};
    c.queue.dayStartMinute = 240;
    c.queue.starvationThreshold = 0ms;
    c.queue.noShowMaxRequeues = 0;
    c.queue.noShowRequeueDelay = 0ms;
    c.evaluation.maxCommentLength = 0;
    const auto errors = validate(c);
    INFO("errors: ", fields(errors));
    CHECK(errors.empty());
    CHECK_NOTHROW(Engine(c, std::make_shared<FixedOffsetZone>(kShanghai)));
}

TEST_CASE("ids must be non-empty and unique") {
    {
        auto c = smallHall();
        c.services[1].id = "a";
        c.windows[0].services = {{"a", 1}};
        c.windows[1].services = {{"a", 1}};
        expectOnly(c, "services[1].id");
    }
    {
        auto c = smallHall();
        c.services.push_back(service("", "D"));
        expectOnly(c, "services[3].id");
    }
    {
        auto c = smallHall();
        c.staff[0].id = "";
        expectOnly(c, "staff[0].id");
    }
    {
        auto c = smallHall();
        c.staff[2].id = "s1";
        expectOnly(c, "staff[2].id");
    }
    {
        auto c = smallHall();
        c.zones.push_back({"main", "重复", "duplicate"});
        expectOnly(c, "zones[2].id");
    }
    {
        auto c = smallHall();
        c.zones.push_back({"", "空", "empty"});
        expectOnly(c, "zones[2].id");
    }
}

TEST_CASE("a prefix is one or two upper-case ASCII letters, unique in the hall") {
    for (const char* bad : {"", "a", "ABC", "A1", "1", "Ab", " A", "\xEF\xBC\xA1" /* Ａ */}) {
        CAPTURE(bad);
        auto c = smallHall();
        c.services[1].prefix = bad;
        expectOnly(c, "services[1].prefix");
    }
    for (const char* good : {"Z", "AB", "ZZ"}) {
        CAPTURE(good);
        auto c = smallHall();
        c.services[1].prefix = good;
        CHECK(validate(c).empty());
    }
    auto c = smallHall();
    c.services[2].prefix = "A";
    expectOnly(c, "services[2].prefix");
}

TEST_CASE("quota and number width") {
    {
        auto c = smallHall();
        c.services[0].dailyQuota = -1;
        expectOnly(c, "services[0].daily_quota");
    }
    {
        auto c = smallHall();
        c.services[0].dailyQuota = 0; // no quota
        CHECK(validate(c).empty());
    }
    for (int width : {0, 7, -3}) {
        CAPTURE(width);
        auto c = smallHall();
        c.services[2].numberWidth = width;
        expectOnly(c, "services[2].number_width");
    }
}

TEST_CASE("opening hours lie within the day, open before close, without overlap") {
    const std::vector<std::vector<OpeningInterval>> bad = {
        {{-1, 600}},              // before midnight
        {{600, 1441}},            // past the end of the day
        {{600, 600}},             // empty
        {{720, 540}},             // closes before it opens
        {{540, 720}, {700, 900}}, // overlap
        {{540, 720}, {600, 660}}, // nested
    };
    for (const auto& hours : bad) {
        CAPTURE(hours.size());
        CAPTURE(hours.front().openMinute);
        CAPTURE(hours.back().closeMinute);
        auto c = smallHall();
        c.services[1].hours = hours;
        const auto errors = validate(c);
        INFO("errors: ", fields(errors));
        CHECK_FALSE(errors.empty());
        CHECK(hasFieldStartingWith(errors, "services[1].hours"));
        for (const auto& e : errors)
            CHECK(e.field.rfind("services[1].hours", 0) == 0);
    }
    auto c = smallHall();
    c.services[1].hours = {{540, 720}, {720, 1020}}; // touching half-open intervals are fine
    CHECK(validate(c).empty());
    c.services[1].hours = {{0, 1440}};
    CHECK(validate(c).empty());
}

TEST_CASE("windows: numbers, zones and the services they serve") {
    {
        auto c = smallHall();
        c.windows[0].number = 0;
        expectOnly(c, "windows[0].number");
    }
    {
        auto c = smallHall();
        c.windows[2].number = 1;
        expectOnly(c, "windows[2].number");
    }
    {
        auto c = smallHall();
        c.windows[2].zoneId = "west";
        expectOnly(c, "windows[2].zone");
    }
    {
        auto c = smallHall();
        c.windows[1].services.clear();
        expectOnly(c, "windows[1].services");
    }
    {
        auto c = smallHall();
        c.windows[0].services[1].serviceId = "passport";
        expectOnly(c, "windows[0].services[1].service");
    }
    {
        auto c = smallHall();
        c.windows[1].services.push_back({"b", 2});
        expectOnly(c, "windows[1].services[2].service");
    }
    for (int weight : {0, -1}) {
        CAPTURE(weight);
        auto c = smallHall();
        c.windows[0].services[0].weight = weight;
        expectOnly(c, "windows[0].services[0].weight");
    }
}

TEST_CASE("queue and evaluation values must not be negative; reasons must not be empty") {
    {
        auto c = smallHall();
        c.queue.dayStartMinute = -1;
        const auto errors = validate(c);
        INFO("errors: ", fields(errors));
        CHECK(errors.size() == 1);
        CHECK(hasFieldWith(errors, "queue.", "day_start"));
    }
    {
        auto c = smallHall();
        c.queue.noShowRequeueDelay = -1min;
        const auto errors = validate(c);
        INFO("errors: ", fields(errors));
        CHECK(errors.size() == 1);
        CHECK(hasFieldWith(errors, "queue.", "no_show_requeue"));
    }
    {
        auto c = smallHall();
        c.queue.noShowMaxRequeues = -1;
        const auto errors = validate(c);
        INFO("errors: ", fields(errors));
        CHECK(errors.size() == 1);
        CHECK(hasFieldWith(errors, "queue.", "max_requeues"));
    }
    {
        auto c = smallHall();
        c.queue.starvationThreshold = -1s;
        const auto errors = validate(c);
        INFO("errors: ", fields(errors));
        CHECK(errors.size() == 1);
        CHECK(hasFieldWith(errors, "queue.", "starvation"));
    }
    {
        auto c = smallHall();
        c.evaluation.maxCommentLength = -1;
        const auto errors = validate(c);
        INFO("errors: ", fields(errors));
        CHECK(errors.size() == 1);
        CHECK(hasFieldWith(errors, "evaluation.", "comment"));
    }
    {
        auto c = smallHall();
        c.evaluation.supplementPeriod = -1h;
        const auto errors = validate(c);
        INFO("errors: ", fields(errors));
        CHECK(errors.size() == 1);
        CHECK(hasFieldWith(errors, "evaluation.", "supplement"));
    }
    {
        auto c = smallHall();
        c.evaluation.unratedDefaultAfter = -1h;
        const auto errors = validate(c);
        INFO("errors: ", fields(errors));
        CHECK(errors.size() == 1);
        CHECK(hasFieldWith(errors, "evaluation.", "unrated"));
    }
    {
        auto c = smallHall();
        c.evaluation.reasons[1] = "";
        expectOnly(c, "evaluation.reasons[1]");
    }
    for (int days : {0, 61}) {
        auto c = smallHall();
        c.evaluation.followUpWorkingDays = days;
        expectOnly(c, "evaluation.follow_up_working_days");
    }
}

TEST_CASE("all problems are reported at once, and the engine refuses a bad hall") {
    auto c = smallHall();
    c.services[0].dailyQuota = -5;
    c.services[1].prefix = "A";
    c.windows[2].services[0].serviceId = "nope";
    const auto errors = validate(c);
    INFO("errors: ", fields(errors));
    CHECK(errors.size() == 3);
    CHECK(hasField(errors, "services[0].daily_quota"));
    CHECK(hasField(errors, "services[1].prefix"));
    CHECK(hasField(errors, "windows[2].services[0].service"));

    const auto text = describe(errors);
    CHECK(text.find("services[0].daily_quota") != std::string::npos);
    CHECK(text.find("windows[2].services[0].service") != std::string::npos);
    CHECK(std::count(text.begin(), text.end(), '\n') >= 2);

    CHECK_THROWS_AS(Engine(c, std::make_shared<FixedOffsetZone>(kShanghai)), std::invalid_argument);
}
