// A minimal file gets the documented defaults (core/hall_config.h); every optional key is read.

#include "tests/config/config_test_support.h"

#include <chrono>

using namespace hall;
using namespace std::chrono_literals;
using config::test::configOf;
using config::test::kMinimalHall;

TEST_CASE("a minimal hall gets the documented defaults") {
    const auto hall = configOf(config::parseHallConfig(kMinimalHall));
    CHECK(hall.name == "测试大厅");
    CHECK(hall.timeZone == "Asia/Shanghai");

    REQUIRE(hall.services.size() == 2);
    const auto& s = hall.services[0];
    CHECK(s.id == "tax");
    CHECK(s.nameEn.empty());
    CHECK(s.dailyQuota == 0);
    CHECK(s.numberWidth == 3);
    CHECK(s.hours.empty());
    CHECK_FALSE(s.openAtNight);

    REQUIRE(hall.windows.size() == 1);
    const auto& w = hall.windows[0];
    CHECK(w.routing == core::RoutingPolicy::Ordered);
    REQUIRE(w.services.size() == 2);
    CHECK(w.services[1].serviceId == "permit");
    CHECK(w.services[1].weight == 1);

    const auto& q = hall.queue;
    CHECK(q.dayStartMinute == 0);
    CHECK(q.noShowRequeueDelay == 5min);
    CHECK(q.noShowMaxRequeues == 1);
    CHECK(q.noShowPlacement == core::NoShowPlacement::KeepPlace);
    CHECK(q.transferKeepsPlace);
    CHECK(q.onePerPersonPerService);
    CHECK(q.starvationThreshold == 30min);
    CHECK(q.greenChannelCategories ==
          std::vector<std::string>{"elderly", "disabled", "pregnant", "military"});

    const auto& e = hall.evaluation;
    CHECK(e.reasons.size() == 6);
    CHECK(e.maxCommentLength == 300);
    CHECK(e.supplementPeriod == std::chrono::hours(24 * 7));
    CHECK(e.unrated == core::UnratedPolicy::Leave);
    CHECK(e.unratedDefaultAfter == 24h);
    CHECK(e.followUpWorkingDays == 5);
    CHECK(e.ratingSeconds == 30);
}

TEST_CASE("every optional key is read") {
    const auto hall = configOf(config::parseHallConfig(R"(
name = "全量"
time_zone = "America/New_York"

[[zones]]
id = "z1"
name_zh = "一区"
name_en = "Zone one"

[[services]]
id = "tax"
name_zh = "税务"
name_en = "Tax"
prefix = "TX"
daily_quota = 80
number_width = 4
hours = ["08:30-12:00", "13:30-24:00"]
open_at_night = true

[[windows]]
number = 7
name = "税务窗口"
zone = "z1"
routing = "weighted"
services = [{ service = "tax", weight = 3 }]

[[staff]]
id = "s1"
name = "王五"
staff_number = "0007"
photo = "s1.jpg"

[queue]
day_start = "04:00"
no_show_requeue_minutes = 10
no_show_max_requeues = 2
no_show_placement = "back_of_line"
transfer_keeps_place = false
one_ticket_per_person_per_service = false
starvation_minutes = 0
green_channel_categories = ["elderly"]
no_show_after_seconds = 90
call_number_needs_reason = true
park_return_minutes = 20

[evaluation]
reasons = ["太慢"]
max_comment_length = 50
supplement_days = 3
unrated = "default_satisfied"
unrated_default_after_hours = 2
follow_up_working_days = 3
rating_seconds = 45
)"));
    CHECK(hall.timeZone == "America/New_York");
    CHECK(hall.zones[0].nameEn == "Zone one");

    const auto& s = hall.services[0];
    CHECK(s.nameEn == "Tax");
    CHECK(s.prefix == "TX");
    CHECK(s.dailyQuota == 80);
    CHECK(s.numberWidth == 4);
    REQUIRE(s.hours.size() == 2);
    CHECK(s.hours[0].openMinute == 8 * 60 + 30);
    CHECK(s.hours[0].closeMinute == 12 * 60);
    CHECK(s.hours[1].openMinute == 13 * 60 + 30);
    CHECK(s.hours[1].closeMinute == 24 * 60);
    CHECK(s.openAtNight);

    const auto& w = hall.windows[0];
    CHECK(w.number == 7);
    CHECK(w.name == "税务窗口");
    CHECK(w.routing == core::RoutingPolicy::Weighted);
    CHECK(w.services[0].weight == 3);

    REQUIRE(hall.staff.size() == 1);
    CHECK(hall.staff[0].staffNumber == "0007");
    CHECK(hall.staff[0].photoRef == "s1.jpg");

    const auto& q = hall.queue;
    CHECK(q.dayStartMinute == 4 * 60);
    CHECK(q.noShowRequeueDelay == 10min);
    CHECK(q.noShowMaxRequeues == 2);
    CHECK(q.noShowAfter == 90s);
    CHECK(q.callNumberNeedsReason);
    CHECK(q.parkReturnAfter == 20min);
    CHECK(q.noShowPlacement == core::NoShowPlacement::BackOfLine);
    CHECK_FALSE(q.transferKeepsPlace);
    CHECK_FALSE(q.onePerPersonPerService);
    CHECK(q.starvationThreshold == 0min);
    CHECK(q.greenChannelCategories == std::vector<std::string>{"elderly"});

    const auto& e = hall.evaluation;
    CHECK(e.reasons == std::vector<std::string>{"太慢"});
    CHECK(e.maxCommentLength == 50);
    CHECK(e.supplementPeriod == 72h);
    CHECK(e.unrated == core::UnratedPolicy::DefaultSatisfied);
    CHECK(e.unratedDefaultAfter == 2h);
    CHECK(e.followUpWorkingDays == 3);
    CHECK(e.ratingSeconds == 45);
}
