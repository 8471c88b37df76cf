// Daily statistics: counts per hall / service / window / staff, wait and service time
// histograms with their percentiles, satisfaction and the hourly arrival curve.

#include "tests/core/hall_fixture.h"

using namespace hall::core;
using namespace hall::core::testing;

namespace {

int level(const GroupStats& g, RatingLevel l) {
    return g.ratings[static_cast<int>(l) - 1];
}

} // namespace

TEST_CASE("histogram: count, max, percentiles within one bucket of the truth, merge") {
    DurationHistogram empty;
    CHECK(empty.count() == 0);
    CHECK(empty.percentile(0.5) == 0ms);
    CHECK(empty.max() == 0ms);

    // 1 s … 100 s and, separately, the samples 7 s, 14 s, … 700 s.
    DurationHistogram fine, coarse;
    for (int i = 1; i <= 100; ++i) {
        fine.add(seconds(i));
        coarse.add(seconds(7 * i));
    }
    CHECK(fine.count() == 100);
    CHECK(fine.max() == 100s);
    CHECK(coarse.max() == 700s);
    // The nearest-rank value, at most 10 s above it (the bucket's upper edge), within the max.
    CHECK(fine.percentile(0.5) >= 50s);
    CHECK(fine.percentile(0.5) <= 60s);
    CHECK(fine.percentile(0.9) >= 90s);
    CHECK(fine.percentile(0.9) <= 100s);
    CHECK(fine.percentile(1.0) == 100s);
    CHECK(coarse.percentile(0.5) >= 350s);
    CHECK(coarse.percentile(0.5) <= 360s);
    CHECK(coarse.percentile(0.9) >= 630s);
    CHECK(coarse.percentile(0.9) <= 640s);
    CHECK(coarse.percentile(1.0) == 700s);
    CHECK(coarse.percentile(0.0) <= 17s);

    // Capped at the exact maximum: one sample of 12.5 s never reports 20 s.
    DurationHistogram one;
    one.add(12500ms);
    CHECK(one.percentile(0.5) == 12500ms);
    CHECK(one.percentile(0.9) == 12500ms);

    DurationHistogram merged = fine;
    merged.merge(coarse);
    CHECK(merged.count() == 200);
    CHECK(merged.max() == 700s);
    CHECK(DurationHistogram::fromParts(merged.buckets(), merged.max()) == merged);
}

TEST_CASE("group stats: rating shares and bad ratings, merge") {
    GroupStats g;
    CHECK(g.ratedCount() == 0);
    CHECK(g.share(RatingLevel::Basic) == 0.0);
    g.ratings = {1, 2, 0, 3, 4}; // very dissatisfied … very satisfied
    CHECK(g.ratedCount() == 10);
    CHECK(g.badRatings() == 3);
    CHECK(g.share(RatingLevel::VerySatisfied) == doctest::Approx(0.4));
    CHECK(g.share(RatingLevel::Dissatisfied) == doctest::Approx(0.2));
    g.issued = 5;
    g.arrivalsByHour[9] = 5;
    CHECK(g.satisfaction() == doctest::Approx(0.7));
    g.supplementary = 1;
    GroupStats h = g;
    h.merge(g);
    CHECK(h.issued == 10);
    CHECK(h.arrivalsByHour[9] == 10);
    CHECK(h.ratedCount() == 20);
    CHECK(h.supplementary == 2);
}

TEST_CASE("group stats: a supplementary rating moves its visit, it adds none") {
    GroupStats g;
    g.addRating(RatingLevel::Dissatisfied, false);
    g.addRating(RatingLevel::Satisfied, true);
    CHECK(g.ratedCount() == 2);
    CHECK(g.automaticRatings == 1);
    CHECK(g.badRatings() == 1);
    CHECK(g.satisfaction() == doctest::Approx(0.5));
    g.supplementRating(RatingLevel::Dissatisfied, RatingLevel::VerySatisfied);
    CHECK(g.ratedCount() == 2);
    CHECK(g.supplementary == 1);
    CHECK(g.badRatings() == 0);
    CHECK(level(g, RatingLevel::VerySatisfied) == 1);
    CHECK(g.satisfaction() == 1.0);
}

TEST_CASE("a day's statistics: every count adds up and lands in its group") {
    auto config = smallHall();
    config.queue.starvationThreshold = 0ms;
    config.queue.noShowMaxRequeues = 0;
    config.queue.transferKeepsPlace = true;
    Hall h(config);
    h.signIn(1, "s1"); // [a, b]
    h.signIn(2, "s2"); // [b, a]
    h.signIn(3, "s3"); // [c]

    h.now = at(9, 0);
    const auto a1 = h.issue("a");
    h.now = at(9, 0, 30);
    REQUIRE(h.callNext(1) == a1); // wait 30 s
    h.now = at(9, 1);
    h.ok(StartServing{1});
    h.now = at(9, 6);
    h.ok(Finish{1}); // service 5 min
    h.ok(Rate{a1, RatingLevel::VerySatisfied, {}, {}});

    h.now = at(9, 10);
    const auto a2 = h.issue("a");
    h.now = at(9, 20);
    const auto b1 = h.issue("b");
    REQUIRE(h.callNext(2) == b1); // wait 0
    h.ok(StartServing{2});
    h.now = at(9, 22);
    h.ok(Finish{2}); // service 2 min
    h.ok(Rate{b1, RatingLevel::VeryDissatisfied, {"服务态度差"}, {}});

    h.now = at(9, 30);
    REQUIRE(h.callNext(1) == a2); // wait 20 min
    h.ok(MarkNoShow{1});          // final at once

    h.now = at(10, 5);
    const auto a3 = h.issue("a");
    h.now = at(10, 6);
    REQUIRE(h.callNext(2) == a3); // wait 1 min
    h.ok(StartServing{2});
    h.now = at(10, 8);
    h.ok(Transfer{2, std::string("c"), std::nullopt});

    h.now = at(10, 30);
    const auto c1 = h.issue("c");
    h.now = at(10, 40);
    REQUIRE(h.callNext(3) == a3); // keeps its 10:05 place; waited 32 min since the transfer
    h.ok(StartServing{3});
    h.now = at(10, 50);
    h.ok(Finish{3}); // service 10 min
    h.ok(Rate{a3, RatingLevel::Satisfied, {}, {}});
    REQUIRE(h.callNext(3) == c1); // wait 20 min
    h.now = at(10, 51);
    h.ok(Finish{3}); // never started: service from the call, 1 min

    h.now = at(11, 0);
    const auto a4 = h.issue("a");
    h.now = at(11, 5);
    h.ok(CancelTicket{a4, CancelReason::Citizen});
    h.now = at(11, 10);
    h.issue("b"); // still waiting at the end

    const auto stats = h.engine.statistics(kDay0);
    REQUIRE(stats.has_value());
    CHECK(stats->day == kDay0);
    CHECK_FALSE(h.engine.statistics(kDay0 + std::chrono::days(5)).has_value());

    const auto& hall = stats->hall;
    CHECK(hall.issued == 7);
    CHECK(hall.served == 4);
    CHECK(hall.noShow == 1);
    CHECK(hall.transferred == 1);
    CHECK(hall.cancelled == 1);
    CHECK(hall.arrivalsByHour[9] == 3);
    CHECK(hall.arrivalsByHour[10] == 2);
    CHECK(hall.arrivalsByHour[11] == 2);
    CHECK(hall.arrivalsByHour[8] == 0);

    // One wait per visit that was called: 30 s, 0, 20 min, 1 min, 32 min, 20 min.
    CHECK(hall.wait.count() == 6);
    CHECK(hall.wait.max() == 32min);
    CHECK(hall.wait.percentile(1.0) == 32min);
    // One service time per served ticket: 5 min, 2 min, 10 min, 1 min.
    CHECK(hall.service.count() == 4);
    CHECK(hall.service.max() == 10min);
    CHECK(hall.service.percentile(0.5) >= 2min);
    CHECK(hall.service.percentile(0.5) <= 5min + 10s);

    CHECK(hall.ratedCount() == 3);
    CHECK(hall.badRatings() == 1);
    CHECK(level(hall, RatingLevel::VerySatisfied) == 1);
    CHECK(level(hall, RatingLevel::Satisfied) == 1);
    CHECK(level(hall, RatingLevel::VeryDissatisfied) == 1);
    CHECK(hall.automaticRatings == 0);

    // Issued under the service it was issued for; served, transferred, no-show and cancelled
    // under the service of the visit that ended so.
    const auto& a = stats->byService.at("a");
    const auto& b = stats->byService.at("b");
    const auto& c = stats->byService.at("c");
    CHECK(a.issued == 4);
    CHECK(b.issued == 2);
    CHECK(c.issued == 1);
    CHECK(a.served == 1);
    CHECK(b.served == 1);
    CHECK(c.served == 2);
    CHECK(a.noShow == 1);
    CHECK(a.transferred == 1);
    CHECK(c.transferred == 0);
    CHECK(a.cancelled == 1);
    CHECK(a.arrivalsByHour[9] == 2);
    CHECK(a.arrivalsByHour[10] == 1);
    CHECK(a.arrivalsByHour[11] == 1);
    CHECK(a.wait.count() == 3);
    CHECK(c.wait.count() == 2);
    CHECK(c.wait.max() == 32min);
    CHECK(c.service.count() == 2);
    CHECK(level(c, RatingLevel::Satisfied) == 1);
    CHECK(level(b, RatingLevel::VeryDissatisfied) == 1);

    const auto& w1 = stats->byWindow.at(1);
    const auto& w2 = stats->byWindow.at(2);
    const auto& w3 = stats->byWindow.at(3);
    CHECK(w1.served == 1);
    CHECK(w1.noShow == 1);
    CHECK(w2.served == 1);
    CHECK(w2.transferred == 1);
    CHECK(w3.served == 2);
    CHECK(w3.service.count() == 2);
    CHECK(level(w3, RatingLevel::Satisfied) == 1);

    const auto& s1 = stats->byStaff.at("s1");
    const auto& s2 = stats->byStaff.at("s2");
    const auto& s3 = stats->byStaff.at("s3");
    CHECK(s1.served == 1);
    CHECK(s1.noShow == 1);
    CHECK(s2.served == 1);
    CHECK(s2.transferred == 1);
    CHECK(s2.badRatings() == 1);
    CHECK(s3.served == 2);
    CHECK(level(s1, RatingLevel::VerySatisfied) == 1);

    // The parts add up to the hall.
    int servedByService = 0, servedByWindow = 0, servedByStaff = 0, issuedByService = 0;
    for (const auto& [id, g] : stats->byService) {
        servedByService += g.served;
        issuedByService += g.issued;
    }
    for (const auto& [n, g] : stats->byWindow)
        servedByWindow += g.served;
    for (const auto& [id, g] : stats->byStaff)
        servedByStaff += g.served;
    CHECK(servedByService == hall.served);
    CHECK(servedByWindow == hall.served);
    CHECK(servedByStaff == hall.served);
    CHECK(issuedByService == hall.issued);

    // Merging a day with itself doubles it.
    DayStatistics twice = *stats;
    twice.merge(*stats);
    CHECK(twice.hall.issued == 14);
    CHECK(twice.byService.at("c").wait.count() == 4);
    h.checkReplay();
}

TEST_CASE("service time percentiles over many tickets") {
    auto config = smallHall();
    config.queue.starvationThreshold = 0ms;
    Hall h(config);
    h.signIn(1, "s1");
    for (int i = 1; i <= 100; ++i) {
        h.issue("a");
        h.serveNext(1, seconds(7 * i));
    }
    const auto stats = h.engine.statistics(kDay0);
    REQUIRE(stats.has_value());
    const auto& service = stats->byService.at("a").service;
    CHECK(service.count() == 100);
    CHECK(service.max() == 700s);
    CHECK(service.percentile(0.5) >= 350s);
    CHECK(service.percentile(0.5) <= 360s);
    CHECK(service.percentile(0.9) >= 630s);
    CHECK(service.percentile(0.9) <= 640s);
    CHECK(stats->byStaff.at("s1").service == service);
}

TEST_CASE("an undone call leaves no trace in the statistics") {
    Hall h;
    h.signIn(1, "s1");
    h.issue("a");
    h.now = at(9, 5);
    const auto before = h.engine.statistics(kDay0);
    h.callNext(1);
    h.ok(UndoCall{1});
    CHECK(h.engine.statistics(kDay0) == before);
}

TEST_CASE("a requeued no-show is not a final no-show, and its wait is counted once") {
    auto config = smallHall();
    config.queue.noShowMaxRequeues = 1;
    config.queue.noShowRequeueDelay = 0ms;
    Hall h(config);
    h.signIn(1, "s1");
    const auto a1 = h.issue("a");
    h.now = at(9, 2);
    h.callNext(1);
    h.ok(MarkNoShow{1});
    auto stats = h.engine.statistics(kDay0);
    REQUIRE(stats.has_value());
    CHECK(stats->hall.noShow == 0);
    h.now = at(9, 4);
    REQUIRE(h.callNext(1) == a1);
    h.ok(Finish{1});
    stats = h.engine.statistics(kDay0);
    CHECK(stats->hall.noShow == 0);
    CHECK(stats->hall.served == 1);
    CHECK(stats->hall.wait.count() == 1);
    CHECK(stats->hall.wait.max() == 2min);
}

TEST_CASE("a call still unanswered when the day closes counts its wait") {
    // The wait runs from issue to the first call of the visit, whatever happens after the call:
    // a citizen called at 16:50 who never came, cancelled by the day's end, did wait 50 minutes.
    Hall h;
    h.signIn(1, "s1");
    h.now = at(16, 0);
    const auto a1 = h.issue("a");
    h.now = at(16, 50);
    REQUIRE(h.callNext(1) == a1);
    h.now = at(8, 0, 0, 1);
    h.ok(Tick{});
    REQUIRE(h.ticket(a1).state == TicketState::Cancelled);
    const auto stats = h.engine.statistics(kDay0);
    REQUIRE(stats.has_value());
    CHECK(stats->hall.cancelled == 1);
    CHECK(stats->hall.wait.count() == 1);
    CHECK(stats->hall.wait.max() == 50min);
}
