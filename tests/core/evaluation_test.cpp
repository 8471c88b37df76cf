// 好差评: one rating per served ticket, reasons for the two lowest levels (not from a key
// evaluator, which cannot ask), a bounded comment, one supplementary rating within the configured
// period, and the policy for unrated tickets.

#include "tests/core/hall_fixture.h"

using namespace hall::core;
using namespace hall::core::testing;

namespace {

Rate rate(TicketId id, RatingLevel level, std::vector<std::string> reasons = {},
          std::string comment = {}) {
    return Rate{id, level, std::move(reasons), std::move(comment)};
}

// A hall with one ticket served at window 1 by s1, finished at 09:10.
struct Served {
    explicit Served(HallConfig config = smallHall()) : h(std::move(config)) {
        h.signIn(1, "s1");
        h.now = at(9, 0);
        id = h.issue("a");
        h.now = at(9, 2);
        h.callNext(1);
        h.ok(StartServing{1});
        h.now = at(9, 10);
        h.ok(Finish{1});
    }
    Hall h;
    TicketId id = 0;
};

} // namespace

TEST_CASE("the names of the five levels") {
    CHECK(ratingLabelZh(RatingLevel::VerySatisfied) == "非常满意");
    CHECK(ratingLabelZh(RatingLevel::Satisfied) == "满意");
    CHECK(ratingLabelZh(RatingLevel::Basic) == "基本满意");
    CHECK(ratingLabelZh(RatingLevel::Dissatisfied) == "不满意");
    CHECK(ratingLabelZh(RatingLevel::VeryDissatisfied) == "非常不满意");
    CHECK(isBadRating(RatingLevel::VeryDissatisfied));
    CHECK(isBadRating(RatingLevel::Dissatisfied));
    CHECK_FALSE(isBadRating(RatingLevel::Basic));
    CHECK_FALSE(isBadRating(RatingLevel::VerySatisfied));
}

TEST_CASE("a window's pad rates only what that window served") {
    Served s;
    Rate fromPad2 = rate(s.id, RatingLevel::VeryDissatisfied);
    fromPad2.window = 2;
    // Checked first: another window's pad learns nothing else about the visit.
    CHECK(s.h.refused(fromPad2) == ErrorCode::NotServedHere);
    Rate fromPad1 = rate(s.id, RatingLevel::VerySatisfied);
    fromPad1.window = 1;
    s.h.ok(fromPad1);
}

TEST_CASE("only finished tickets are rated") {
    Hall h;
    h.signIn(1, "s1");
    const auto a1 = h.issue("a");
    CHECK(h.refused(rate(a1, RatingLevel::VerySatisfied)) == ErrorCode::NotServed);
    h.callNext(1);
    CHECK(h.refused(rate(a1, RatingLevel::VerySatisfied)) == ErrorCode::NotServed);
    h.ok(StartServing{1});
    CHECK(h.refused(rate(a1, RatingLevel::VerySatisfied)) == ErrorCode::NotServed);
    CHECK(h.refused(rate(12345, RatingLevel::VerySatisfied)) == ErrorCode::UnknownTicket);

    // Cancelled and final no-show tickets were never served.
    const auto a2 = h.issue("a");
    h.ok(CancelTicket{a2, CancelReason::Citizen});
    CHECK(h.refused(rate(a2, RatingLevel::Basic)) == ErrorCode::NotServed);
}

TEST_CASE("a first rating is tied to the ticket, service, window and staff") {
    Served s;
    s.h.now = at(9, 11);
    const auto d = s.h.ok(rate(s.id, RatingLevel::VerySatisfied, {}, "很好"));
    const auto e = findEvent<RatingRecorded>(d);
    REQUIRE(e.has_value());
    CHECK(e->ticket == s.id);
    CHECK(e->level == RatingLevel::VerySatisfied);
    CHECK(e->comment == "很好");
    CHECK_FALSE(e->supplementary);
    CHECK_FALSE(e->automatic);
    CHECK(e->serviceId == "a");
    CHECK(e->window == 1);
    CHECK(e->staffId == "s1");
    CHECK(s.h.ticket(s.id).rated);
    CHECK_FALSE(s.h.ticket(s.id).supplemented);
    s.h.checkReplay();
}

TEST_CASE("the two lowest levels need a reason from the list") {
    Served s;
    CHECK(s.h.refused(rate(s.id, RatingLevel::VeryDissatisfied)) == ErrorCode::ReasonRequired);
    CHECK(s.h.refused(rate(s.id, RatingLevel::Dissatisfied, {}, "太慢")) ==
          ErrorCode::ReasonRequired);
    CHECK(s.h.refused(rate(s.id, RatingLevel::Dissatisfied, {"不喜欢"})) ==
          ErrorCode::UnknownReason);
    CHECK(s.h.refused(rate(s.id, RatingLevel::Dissatisfied, {"等待时间过长", "不喜欢"})) ==
          ErrorCode::UnknownReason);
    // A reason given with a good level must still be a known one.
    CHECK(s.h.refused(rate(s.id, RatingLevel::Satisfied, {"bogus"})) == ErrorCode::UnknownReason);
    CHECK_FALSE(s.h.ticket(s.id).rated);

    const auto d =
        s.h.ok(rate(s.id, RatingLevel::Dissatisfied, {"等待时间过长", "多次跑腿"}, "排了很久"));
    const auto e = findEvent<RatingRecorded>(d);
    REQUIRE(e.has_value());
    CHECK(e->reasons == std::vector<std::string>{"等待时间过长", "多次跑腿"});
}

TEST_CASE("the reason list is the hall's") {
    auto config = smallHall();
    config.evaluation.reasons = {"slow", "rude"};
    Served s(config);
    CHECK(s.h.refused(rate(s.id, RatingLevel::VeryDissatisfied, {"等待时间过长"})) ==
          ErrorCode::UnknownReason);
    s.h.ok(rate(s.id, RatingLevel::VeryDissatisfied, {"rude"}));
}

TEST_CASE("the comment is limited in code points, not bytes") {
    auto config = smallHall();
    config.evaluation.maxCommentLength = 5;
    Served s(config);
    // Six CJK characters: 18 bytes, 6 code points.
    CHECK(s.h.refused(rate(s.id, RatingLevel::Basic, {}, "办事效率很高")) ==
          ErrorCode::CommentTooLong);
    CHECK(s.h.refused(rate(s.id, RatingLevel::Basic, {}, "abcdef")) == ErrorCode::CommentTooLong);
    // Five CJK characters: 15 bytes but within the limit.
    s.h.ok(rate(s.id, RatingLevel::Basic, {}, "效率很高啊"));
}

TEST_CASE("one supplementary rating within the period, then no more") {
    auto config = smallHall();
    config.evaluation.supplementPeriod = 48h;
    Served s(config);
    s.h.now = at(9, 11);
    s.h.ok(rate(s.id, RatingLevel::Basic));
    // Past the end of the period the supplement is closed (decided, not applied).
    const auto late = s.h.engine.decide(rate(s.id, RatingLevel::VerySatisfied), at(9, 10, 1, 2));
    REQUIRE_FALSE(late.ok());
    CHECK(late.error().code == ErrorCode::SupplementClosed);

    s.h.now = at(9, 0, 0, 1); // the next day, within 48 h
    const auto d = s.h.ok(rate(s.id, RatingLevel::VerySatisfied, {}, "补充：问题已解决"));
    const auto e = findEvent<RatingRecorded>(d);
    REQUIRE(e.has_value());
    CHECK(e->supplementary);
    CHECK(e->window == 1);
    CHECK(s.h.ticket(s.id).supplemented);
    s.h.now += 1min;
    CHECK(s.h.refused(rate(s.id, RatingLevel::Basic)) == ErrorCode::SupplementClosed);
    s.h.checkReplay();
}

TEST_CASE("a served ticket stays rateable across the day rollover") {
    using std::chrono::days;
    auto config = smallHall();
    config.evaluation.supplementPeriod = 72h;
    Served s(config);
    s.h.now = at(10, 0, 0, 1);
    s.h.issue("a"); // the next business day has begun
    CHECK(s.h.ticket(s.id).state == TicketState::Done);
    s.h.ok(rate(s.id, RatingLevel::Dissatisfied, {"服务态度差"}));
    s.h.now = at(10, 0, 0, 2);
    CHECK(findEvent<RatingRecorded>(s.h.ok(rate(s.id, RatingLevel::Satisfied)))->supplementary);

    // A visit's rating counts on the day it is first rated, tied to the service, window and
    // staff that served the ticket; the 追评 of a later day moves it to its new level there.
    const auto day0 = s.h.engine.statistics(kDay0);
    const auto day1 = s.h.engine.statistics(kDay0 + days(1));
    const auto day2 = s.h.engine.statistics(kDay0 + days(2));
    REQUIRE(day0.has_value());
    REQUIRE(day1.has_value());
    REQUIRE(day2.has_value());
    CHECK(day0->hall.ratedCount() == 0);
    CHECK(day1->hall.ratedCount() == 1);
    CHECK(day1->hall.supplementary == 1);
    CHECK(day1->hall.badRatings() == 0);
    CHECK(day1->hall.satisfaction() == 1.0);
    CHECK(day1->byStaff.at("s1").ratings[static_cast<int>(RatingLevel::Satisfied) - 1] == 1);
    CHECK(day1->byWindow.at(1).supplementary == 1);
    CHECK(day1->byService.at("a").badRatings() == 0);
    CHECK(day2->hall.ratedCount() == 0);
    CHECK(day2->hall.supplementary == 0);
    s.h.checkReplay();
}

TEST_CASE("unrated tickets get an automatic 满意 when the policy says so") {
    auto config = smallHall();
    config.evaluation.unrated = UnratedPolicy::DefaultSatisfied;
    config.evaluation.unratedDefaultAfter = 1h;
    Served s(config);
    // A second ticket, rated by the citizen, must not get an automatic rating.
    s.h.now = at(9, 20);
    const auto rated = s.h.issue("a");
    s.h.serveNext(1);
    s.h.ok(rate(rated, RatingLevel::VerySatisfied));

    s.h.now = at(10, 9, 59);
    CHECK(s.h.ok(Tick{}).events.empty());
    s.h.now = at(10, 10);
    const auto d = s.h.ok(Tick{});
    REQUIRE(d.events.size() == 1);
    const auto e = findEvent<RatingRecorded>(d);
    REQUIRE(e.has_value());
    CHECK(e->ticket == s.id);
    CHECK(e->level == RatingLevel::Satisfied);
    CHECK(e->automatic);
    CHECK_FALSE(e->supplementary);
    CHECK(e->staffId == "s1");
    CHECK(s.h.ticket(s.id).rated);
    s.h.now = at(12, 0);
    CHECK(s.h.ok(Tick{}).events.empty());

    const auto stats = s.h.engine.statistics(kDay0);
    REQUIRE(stats.has_value());
    CHECK(stats->hall.automaticRatings == 1);
    CHECK(stats->hall.ratings[static_cast<int>(RatingLevel::Satisfied) - 1] == 1);
    CHECK(stats->hall.ratings[static_cast<int>(RatingLevel::VerySatisfied) - 1] == 1);
    s.h.checkReplay();
}

TEST_CASE("with the Leave policy unrated tickets stay unrated") {
    auto config = smallHall();
    config.evaluation.unrated = UnratedPolicy::Leave;
    config.evaluation.unratedDefaultAfter = 1h;
    Served s(config);
    s.h.now = at(18, 0);
    CHECK(s.h.ok(Tick{}).events.empty());
    CHECK_FALSE(s.h.ticket(s.id).rated);
}

TEST_CASE("a visit rated and supplemented counts once, at its latest level") {
    Served s;
    s.h.now = at(9, 12);
    s.h.ok(rate(s.id, RatingLevel::Dissatisfied, {"等待时间过长"}, "排了很久"));
    auto stats = s.h.engine.statistics(kDay0);
    REQUIRE(stats.has_value());
    CHECK(stats->hall.ratedCount() == 1);
    CHECK(stats->hall.badRatings() == 1);
    CHECK(stats->hall.satisfaction() == 0.0);

    s.h.now = at(9, 40);
    s.h.ok(rate(s.id, RatingLevel::VerySatisfied, {}, "问题已解决"));
    stats = s.h.engine.statistics(kDay0);
    REQUIRE(stats.has_value());
    for (const GroupStats* g : {&stats->hall, &stats->byService.at("a"), &stats->byWindow.at(1),
                                &stats->byStaff.at("s1")}) {
        CHECK(g->served == 1);
        CHECK(g->ratedCount() == 1); // one visit, not two ratings
        CHECK(g->supplementary == 1);
        CHECK(g->badRatings() == 0);
        CHECK(g->ratings[static_cast<int>(RatingLevel::VerySatisfied) - 1] == 1);
        CHECK(g->satisfaction() == 1.0);
    }
    s.h.checkReplay();
}

TEST_CASE("a 追评 on a later day changes the report of the day the visit was rated") {
    auto config = smallHall();
    config.evaluation.supplementPeriod = 72h;
    Served s(config);
    s.h.now = at(9, 30);
    s.h.ok(rate(s.id, RatingLevel::VerySatisfied));
    s.h.now = at(9, 0, 0, 1);
    s.h.issue("a"); // the next business day
    (void)s.h.engine.takeChangedPastDays();

    s.h.now = at(9, 5, 0, 1);
    s.h.ok(rate(s.id, RatingLevel::VeryDissatisfied, {"服务态度差"}));
    CHECK(s.h.engine.takeChangedPastDays() == std::vector<BusinessDay>{kDay0});
    const auto day0 = s.h.engine.statistics(kDay0);
    const auto day1 = s.h.engine.statistics(kDay0 + std::chrono::days(1));
    REQUIRE(day0.has_value());
    REQUIRE(day1.has_value());
    CHECK(day0->hall.ratedCount() == 1);
    CHECK(day0->hall.supplementary == 1);
    CHECK(day0->hall.badRatings() == 1);
    CHECK(day0->hall.ratings[static_cast<int>(RatingLevel::VerySatisfied) - 1] == 0);
    CHECK(day1->hall.ratedCount() == 0);
    CHECK(day1->hall.supplementary == 0);
    s.h.checkReplay();
}

TEST_CASE("an automatic rating then the citizen's 追评: one visit, the citizen's level") {
    auto config = smallHall();
    config.evaluation.unrated = UnratedPolicy::DefaultSatisfied;
    config.evaluation.unratedDefaultAfter = 1h;
    Served s(config);
    s.h.now = at(10, 10);
    REQUIRE(s.h.ok(Tick{}).events.size() == 1);
    s.h.now = at(10, 30);
    s.h.ok(rate(s.id, RatingLevel::Basic));
    const auto stats = s.h.engine.statistics(kDay0);
    REQUIRE(stats.has_value());
    CHECK(stats->hall.ratedCount() == 1);
    CHECK(stats->hall.automaticRatings == 1);
    CHECK(stats->hall.supplementary == 1);
    CHECK(stats->hall.ratings[static_cast<int>(RatingLevel::Basic) - 1] == 1);
    CHECK(stats->hall.ratings[static_cast<int>(RatingLevel::Satisfied) - 1] == 0);
    s.h.checkReplay();
}

TEST_CASE("a key evaluator's bad level needs no reason, and it gives only a first rating") {
    auto config = smallHall();
    config.evaluation.unrated = UnratedPolicy::DefaultSatisfied;
    config.evaluation.unratedDefaultAfter = 1h;
    Served s(config);
    auto key = [&](TicketId id, RatingLevel level) {
        Rate r = rate(id, level);
        r.window = 1;
        r.keyEvaluator = true;
        return r;
    };
    // The same level from a screen still needs its reason.
    CHECK(s.h.refused(rate(s.id, RatingLevel::VeryDissatisfied)) == ErrorCode::ReasonRequired);
    // Still only at the window that served the visit.
    Rate elsewhere = key(s.id, RatingLevel::VeryDissatisfied);
    elsewhere.window = 2;
    CHECK(s.h.refused(elsewhere) == ErrorCode::NotServedHere);

    s.h.now = at(9, 11);
    const auto e = findEvent<RatingRecorded>(s.h.ok(key(s.id, RatingLevel::VeryDissatisfied)));
    REQUIRE(e.has_value());
    CHECK(e->level == RatingLevel::VeryDissatisfied);
    CHECK(e->reasons.empty());
    CHECK_FALSE(e->automatic); // the citizen's: it counts as a bad rating and opens a case
    CHECK_FALSE(e->supplementary);
    // A second press is no 追评 (within the supplement period a screen's would be).
    s.h.now = at(9, 12);
    CHECK(s.h.refused(key(s.id, RatingLevel::VerySatisfied)) == ErrorCode::AlreadyRated);
    const auto stats = s.h.engine.statistics(kDay0);
    REQUIRE(stats.has_value());
    CHECK(stats->byWindow.at(1).badRatings() == 1);
    CHECK(stats->hall.supplementary == 0);

    // Nor after the hall's automatic 满意.
    s.h.now = at(9, 20);
    const auto later = s.h.issue("a");
    s.h.serveNext(1);
    s.h.now = at(10, 30);
    s.h.ok(Tick{});
    CHECK(s.h.ticket(later).rated);
    CHECK(s.h.refused(key(later, RatingLevel::Dissatisfied)) == ErrorCode::AlreadyRated);
    s.h.ok(rate(later, RatingLevel::Dissatisfied, {"服务态度差"})); // a screen's 追评 still is
    s.h.checkReplay();
}
