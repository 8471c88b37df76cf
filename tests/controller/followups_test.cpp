// A follow-up case as the controller names it: the hall's date it is due by, and the summary the
// audit log and the log carry, which names the case, never what the citizen wrote or chose.

#include "callstation/controller/followups.h"

#include <doctest/doctest.h>

using namespace hall;
using namespace hall::controller;
using namespace std::chrono;

namespace {

store::FollowUpCase aCase() {
    store::FollowUpCase c;
    c.id = 7;
    c.ticket = 20'415'000'017;
    c.number = "A017";
    c.serviceId = "permits";
    c.window = 3;
    c.staffId = "s1";
    c.level = core::RatingLevel::VeryDissatisfied;
    c.reasons = {"服务态度差", "多次跑腿"};
    c.comment = "窗口人员态度很差";
    c.day = sys_days{year{2026} / 11 / 27}; // a Friday
    c.openedAt = core::Timestamp(sys_days{year{2026} / 11 / 27}) + hours(7);
    // The end of the next Friday in Shanghai: Saturday 00:00 +08:00.
    c.deadline = core::Timestamp(sys_days{year{2026} / 12 / 5}) - hours(8);
    return c;
}

} // namespace

TEST_CASE("a case is due by the end of a day of the hall's calendar") {
    const auto c = aCase();
    CHECK(followUpDueDay(c, core::FixedOffsetZone(hours(8))) == "2026-12-04");
    // The same instant is Saturday 01:00 in Tokyo: there it ends a Saturday.
    CHECK(followUpDueDay(c, core::FixedOffsetZone(hours(9))) == "2026-12-05");
    CHECK(c.overdue(c.deadline));
    CHECK_FALSE(c.overdue(c.deadline - milliseconds(1)));
    auto closed = c;
    closed.state = store::FollowUpState::Closed;
    CHECK_FALSE(closed.overdue(c.deadline + days(30))); // a closed case is never overdue
}

TEST_CASE("the summary of a case names it, never the citizen's words") {
    auto c = aCase();
    CHECK(followUpSummary(c) == "case 7 A017 window 3 very_dissatisfied");
    c.supplementary = true;
    c.level = core::RatingLevel::Dissatisfied;
    CHECK(followUpSummary(c) == "case 7 A017 window 3 dissatisfied (追评)");
    CHECK(followUpSummary(c).find("态度") == std::string::npos);
}
