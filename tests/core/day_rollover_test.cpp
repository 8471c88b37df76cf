// The business day: its boundary in the hall's zone (shifted by dayStartMinute), the rollover
// event that the first command of a new day produces, and what it does to yesterday's tickets.

#include "tests/core/hall_fixture.h"

#include <algorithm>

using namespace hall::core;
using namespace hall::core::testing;

TEST_CASE("businessDayOf follows the zone offset and the day start") {
    using std::chrono::days;
    const FixedOffsetZone shanghai(8h);
    // 2026-11-23 15:59:59 UTC is 23:59:59 in Shanghai; a second later it is the 24th.
    const Timestamp lastSecond = Timestamp(kDay0) + 15h + 59min + 59s;
    CHECK(businessDayOf(shanghai, lastSecond, 0) == kDay0);
    CHECK(businessDayOf(shanghai, lastSecond + 1s, 0) == kDay0 + days(1));
    // With the day starting at 04:00 local, 03:59 on the 24th still belongs to the 23rd.
    CHECK(businessDayOf(shanghai, localAt(kDay0 + days(1), 3, 59), 240) == kDay0);
    CHECK(businessDayOf(shanghai, localAt(kDay0 + days(1), 4, 0), 240) == kDay0 + days(1));
    CHECK(businessDayOf(shanghai, localAt(kDay0, 0, 30), 240) == kDay0 - days(1));

    const FixedOffsetZone newYork(-5h);
    // 04:59 UTC on the 24th is 23:59 on the 23rd at -5.
    CHECK(businessDayOf(newYork, Timestamp(kDay0 + days(1)) + 4h + 59min, 0) == kDay0);
    CHECK(businessDayOf(newYork, Timestamp(kDay0 + days(1)) + 5h, 0) == kDay0 + days(1));

    const FixedOffsetZone kolkata(330min);
    CHECK(businessDayOf(kolkata, Timestamp(kDay0) + 18h + 29min, 0) == kDay0);
    CHECK(businessDayOf(kolkata, Timestamp(kDay0) + 18h + 30min, 0) == kDay0 + days(1));

    const auto local = toLocal(shanghai, at(9, 5, 7));
    CHECK(local.date == kDay0);
    CHECK(local.minuteOfDay == 9 * 60 + 5);
    CHECK(local.hour() == 9);
    CHECK(formatDay(kDay0) == "2026-11-23");
    CHECK(formatLocalClock(shanghai, at(9, 5, 7)) == "09:05:07");
}

TEST_CASE("the first command of a new day rolls over first, then does its own work") {
    Hall h;
    h.signIn(1, "s1");
    h.signIn(2, "s2");
    h.signIn(3, "s3");
    const auto a1 = h.issue("a");
    const auto a2 = h.issue("a");
    const auto b1 = h.issue("b");
    const auto c1 = h.issue("c");
    const auto a4 = h.issue("a");
    REQUIRE(h.callNext(1) == a1); // window 1: called, never started
    REQUIRE(h.callNext(2) == b1); // window 2: being served over midnight
    h.ok(StartServing{2});
    REQUIRE(h.callNext(3) == c1); // window 3: done before midnight
    h.ok(Finish{3});
    h.ok(CancelTicket{a4, CancelReason::Citizen});
    CHECK(h.engine.currentDay() == kDay0);

    h.now = at(8, 30, 0, 1);
    const auto d = h.ok(issueOf("a"));
    REQUIRE(eventNames(d) == std::vector<std::string>{"day_rolled_over", "ticket_issued"});
    const auto& roll = std::get<DayRolledOver>(d.events[0].body);
    CHECK(roll.from == kDay0);
    CHECK(roll.to == kDay0 + std::chrono::days(1));
    CHECK(h.engine.currentDay() == kDay0 + std::chrono::days(1));

    // Numbering starts again; the new ticket has a fresh id and owns the number today.
    const auto today = findEvent<TicketIssued>(d)->ticket;
    CHECK(h.number(today) == "A001");
    CHECK(h.ticket(today).day == kDay0 + std::chrono::days(1));
    CHECK(today > a4);
    CHECK(h.engine.ticketByNumber("A001") == h.engine.ticket(today));

    // Waiting and called leftovers are closed; the one in service is left to finish.
    CHECK(h.ticket(a2).state == TicketState::Cancelled);
    CHECK(h.ticket(a2).cancelReason == CancelReason::DayClosed);
    CHECK(h.ticket(a1).state == TicketState::Cancelled);
    CHECK(h.ticket(a1).cancelReason == CancelReason::DayClosed);
    CHECK(h.ticket(a4).cancelReason == CancelReason::Citizen);
    CHECK(h.ticket(c1).state == TicketState::Done);
    CHECK(h.ticket(b1).state == TicketState::Serving);
    CHECK_FALSE(h.windowState(1).current.has_value());
    CHECK(h.windowState(2).current == b1);
    CHECK(h.engine.waitingCount("a") == 1);

    // Window 1 calls today's ticket; window 2 finishes yesterday's.
    CHECK(h.callNext(1) == today);
    CHECK(h.refused(CallNext{2}) == ErrorCode::WindowBusy);
    h.ok(Finish{2});
    CHECK(h.ticket(b1).state == TicketState::Done);
    CHECK(h.ticket(b1).finishedAt == h.now);

    // Yesterday's statistics keep yesterday's tickets, including the late finish.
    const auto yesterday = h.engine.statistics(kDay0);
    REQUIRE(yesterday.has_value());
    CHECK(yesterday->hall.issued == 5);
    CHECK(yesterday->hall.served == 2);
    CHECK(yesterday->hall.cancelled == 3);
    CHECK(yesterday->hall.cancelledAtClose == 2); // a1 called and a2 waiting; a4 by the citizen
    const auto changed = h.engine.takeChangedPastDays();
    CHECK(std::find(changed.begin(), changed.end(), kDay0) != changed.end());
    const auto stats = h.engine.statistics(kDay0 + std::chrono::days(1));
    REQUIRE(stats.has_value());
    CHECK(stats->hall.issued == 1);
    CHECK(stats->hall.served == 0);
    h.checkReplay();
}

TEST_CASE("a tick on a new day produces just the rollover; on the same day nothing") {
    Hall h;
    h.issue("a");
    h.now = at(18, 0);
    CHECK(h.ok(Tick{}).events.empty());
    h.now = at(0, 0, 1, 1);
    const auto d = h.ok(Tick{});
    REQUIRE(eventNames(d) == std::vector<std::string>{"day_rolled_over"});
    CHECK(h.engine.waitingCount("a") == 0);
    h.now += 1h;
    CHECK(h.ok(Tick{}).events.empty());
    CHECK(h.number(h.issue("a")) == "A001");
    h.checkReplay();
}

TEST_CASE("refused command on a new day does not roll over") {
    Hall h;
    const auto a1 = h.issue("a");
    h.now = at(9, 0, 0, 1);
    CHECK(h.refused(CallNext{1}) == ErrorCode::NoStaffSignedIn);
    CHECK(h.ticket(a1).state == TicketState::Waiting);
    CHECK(h.engine.currentDay() == kDay0);
}

TEST_CASE("a day that starts at 04:00 keeps night tickets on the evening's day") {
    auto config = smallHall();
    config.queue.dayStartMinute = 4 * 60;
    Hall h(config);
    h.now = at(20, 0);
    const auto evening = h.issue("a");
    h.now = at(2, 0, 0, 1); // 02:00 on the 24th: still the 23rd's business day
    const auto night = h.issue("a");
    CHECK(h.number(night) == "A002");
    CHECK(h.ticket(night).day == kDay0);
    CHECK(h.engine.businessDay(h.now) == kDay0);

    h.now = at(3, 59, 59, 1);
    CHECK(h.ok(Tick{}).events.empty());
    h.now = at(4, 0, 0, 1);
    const auto d = h.ok(issueOf("a"));
    CHECK(eventNames(d).front() == "day_rolled_over");
    const auto morning = findEvent<TicketIssued>(d)->ticket;
    CHECK(h.number(morning) == "A001");
    CHECK(h.ticket(morning).day == kDay0 + std::chrono::days(1));
    CHECK(h.ticket(evening).state == TicketState::Cancelled);
    CHECK(h.ticket(night).state == TicketState::Cancelled);
    h.checkReplay();
}

TEST_CASE("the day boundary in a zone west of UTC") {
    Hall h(smallHall(), -5h);
    using std::chrono::days;
    // 23:59 local on the 23rd is 04:59 UTC on the 24th.
    h.now = localAt(kDay0, 23, 59, 0, -5h);
    CHECK(h.now == Timestamp(kDay0 + days(1)) + 4h + 59min);
    CHECK(h.number(h.issue("b")) == "B001");
    h.now = localAt(kDay0, 23, 59, 59, -5h);
    CHECK(h.number(h.issue("b")) == "B002");
    h.now = localAt(kDay0 + days(1), 0, 0, 0, -5h);
    const auto d = h.ok(issueOf("b"));
    CHECK(eventNames(d).front() == "day_rolled_over");
    CHECK(findEvent<TicketIssued>(d)->number == "B001");
    CHECK(findEvent<TicketIssued>(d)->day == kDay0 + days(1));
    h.checkReplay();
}

TEST_CASE("the day boundary in a half-hour zone, across several days") {
    using std::chrono::days;
    Hall h(smallHall(), 330min);
    h.now = localAt(kDay0, 10, 0, 0, 330min);
    h.issue("c");
    // Skipping a day: one rollover from the last day with activity to the current one.
    h.now = localAt(kDay0 + days(2), 0, 0, 0, 330min);
    const auto d = h.ok(Tick{});
    REQUIRE(eventNames(d) == std::vector<std::string>{"day_rolled_over"});
    const auto& roll = std::get<DayRolledOver>(d.events[0].body);
    CHECK(roll.from == kDay0);
    CHECK(roll.to == kDay0 + days(2));
    CHECK(h.number(h.issue("c")) == "C001");
    h.checkReplay();
}
