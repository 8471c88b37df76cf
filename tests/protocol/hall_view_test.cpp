// What the view tells a window about itself beyond its ticket: the tickets only it may call
// (parked there, sent there), and the rating of the clerk signed in — the days before today
// (from the controller's stored reports) with today's.
#include "shared/protocol/hall_view.h"
#include "tests/core/hall_fixture.h"

#include <doctest/doctest.h>

using namespace hall::core;
using hall::core::testing::Hall;
namespace protocol = hall::protocol;

TEST_CASE("a window's view lists the tickets parked or transferred to it") {
    Hall h;
    h.signIn(1, "s1");
    h.signIn(2, "s2");
    h.issue("a");
    h.issue("a");
    h.callNext(1);
    h.ok(Park{1, 10});
    h.callNext(2);
    Transfer sent{2, std::nullopt, 1, "请核对户口簿"};
    h.ok(sent);
    const auto view = protocol::viewOf(h.engine, h.now);
    const auto* one = protocol::findWindow(view.windows, 1);
    REQUIRE(one);
    REQUIRE(one->held.size() == 2);
    for (const auto& t : one->held) {
        if (t.number == "A001")
            CHECK(t.parkedUntil.has_value());
        else
            CHECK(t.transferNote == "请核对户口簿");
    }
    CHECK(one->held[0].number != one->held[1].number);
    CHECK(protocol::findWindow(view.windows, 2)->held.empty());
}

TEST_CASE("the clerk's rating counts the days before with today's, each visit once") {
    Hall h;
    h.signIn(1, "s1");
    CHECK_FALSE(protocol::findWindow(protocol::viewOf(h.engine, h.now).windows, 1)->staffRating);

    // Before today: three visits rated 5, 4 and 2 (levels index 0 … 4).
    protocol::RatingTally earlier;
    DayStatistics before;
    before.byStaff["s1"].ratings = {0, 1, 0, 1, 1};
    before.byStaff["s2"].ratings = {9, 0, 0, 0, 0}; // another clerk's
    protocol::addRatings(earlier, before);
    auto rating =
        protocol::findWindow(protocol::viewOf(h.engine, h.now, earlier).windows, 1)->staffRating;
    REQUIRE(rating);
    CHECK(rating->visits == 3);
    CHECK(rating->averageTenths == 37); // 11 / 3 = 3.67

    // Today: one more, rated 5.
    const auto id = h.issue("a");
    h.callNext(1);
    h.ok(Finish{1});
    Rate rate;
    rate.ticket = id;
    rate.level = RatingLevel::VerySatisfied;
    h.ok(rate);
    rating =
        protocol::findWindow(protocol::viewOf(h.engine, h.now, earlier).windows, 1)->staffRating;
    REQUIRE(rating);
    CHECK(rating->visits == 4);
    CHECK(rating->averageTenths == 40);
    // Nobody signed in: no rating shown.
    h.ok(SignOut{1});
    CHECK_FALSE(
        protocol::findWindow(protocol::viewOf(h.engine, h.now, earlier).windows, 1)->staffRating);
}
