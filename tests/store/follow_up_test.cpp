// Follow-up cases of bad ratings: one per bad rating a citizen gives (a 追评 too, an automatic
// rating never), written in the commit that journals the rating — none when that commit fails,
// none again for a retried request or after a reopen; the working-day deadline in the hall's
// time zone; listing, assigning and closing; the counts of a report; the comment erased with
// the journal's details once the case is long closed.

#include "shared/store/follow_ups.h"
#include "tests/store/raw_db.h"
#include "tests/store/store_fixture.h"
#include "tests/support/fault_vfs.h"

using namespace hall;
using namespace hall::store;
using namespace hall::store::testing;

namespace {

using core::RatingLevel;

core::Rate rating(core::TicketId ticket, RatingLevel level, std::string comment = {}) {
    std::vector<std::string> reasons;
    if (core::isBadRating(level)) reasons = {"服务态度差"};
    return core::Rate{ticket, level, std::move(reasons), std::move(comment)};
}

// A ticket of service a, served at window 1 by s1 and finished at 10:05 of `day`.
core::TicketId served(DurableEngine& store, int day = 0) {
    runSmallDay(store, day, 1);
    return store.engine().lastTicketId();
}

struct Db {
    explicit Db(const fs::path& file) : db(Database::open(file)), table(db) {}
    Database db;
    FollowUpTable table;
};

// Wall-clock h:m on a calendar date in a zone `offset` east of UTC.
Timestamp localAt(std::chrono::sys_days date, int h, int m, std::chrono::minutes offset) {
    return Timestamp(date) + std::chrono::hours(h) + std::chrono::minutes(m) - offset;
}

} // namespace

TEST_CASE("follow-up deadline: working days Monday to Friday in the hall's time zone") {
    using std::chrono::days;
    using std::chrono::November;
    const auto shanghai = core::FixedOffsetZone(8h);
    // kDay0, 2026-11-23, is a Monday; the 27th a Friday.
    const std::chrono::sys_days friday{std::chrono::year{2026} / November / 27};
    const auto endOf = [&](std::chrono::sys_days date) {
        return localAt(date + days(1), 0, 0, 8h);
    };

    // A Friday afternoon + 5 working days: the end of the next Friday.
    REQUIRE(std::chrono::weekday{friday} == std::chrono::Friday);
    CHECK(followUpDeadline(localAt(friday, 15, 30, 8h), 5, shanghai) == endOf(friday + days(7)));
    // Over a weekend: Thursday + 2 → Monday; a case opened on Saturday or Sunday counts from
    // the Monday after.
    CHECK(followUpDeadline(localAt(friday - days(1), 9, 0, 8h), 2, shanghai) ==
          endOf(friday + days(3)));
    CHECK(followUpDeadline(localAt(friday + days(1), 11, 0, 8h), 1, shanghai) ==
          endOf(friday + days(3)));
    CHECK(followUpDeadline(localAt(friday + days(2), 23, 0, 8h), 5, shanghai) ==
          endOf(friday + days(7)));
    // Monday + 5 → the next Monday.
    CHECK(followUpDeadline(localAt(kDay0, 10, 0, 8h), 5, shanghai) == endOf(kDay0 + days(7)));

    // The hall's local date decides: 2026-11-27 02:00 UTC is Friday 10:00 in Shanghai (+1 →
    // Monday) but Thursday 21:00 in New York's winter (+1 → Friday).
    const Timestamp instant = Timestamp(friday) + 2h;
    CHECK(followUpDeadline(instant, 1, shanghai) == endOf(friday + days(3)));
    const auto newYork = core::FixedOffsetZone(-5h);
    CHECK(followUpDeadline(instant, 1, newYork) == localAt(friday + days(1), 0, 0, -5h));
}

TEST_CASE("a bad rating opens one case in its commit; good, automatic and retried ones none") {
    TempDir dir;
    const auto file = dir.file("hall.db");
    core::TicketId bad = 0, good = 0;
    {
        auto store = openStore(optionsAt(file), at(8, 0));
        bad = served(store);
        accept(store, issueFor("a"), at(10, 6));
        accept(store, core::CallNext{1, false}, at(10, 7));
        accept(store, core::Finish{1}, at(10, 8));
        good = store.engine().lastTicketId();
        REQUIRE(bad != good);

        accept(store, rating(good, RatingLevel::Satisfied), at(10, 9));
        CHECK(store.takeOpenedFollowUps().empty());

        // The same request twice in a batch and again later: one rating, one case.
        const std::vector<TimedCommand> batch{
            {rating(bad, RatingLevel::VeryDissatisfied, "窗口人员态度很差"), at(10, 10),
             "pad-1/r1"},
            {rating(bad, RatingLevel::VeryDissatisfied, "窗口人员态度很差"), at(10, 10),
             "pad-1/r1"}};
        const auto results = store.executeBatch(batch);
        REQUIRE(results[0].ok());
        auto opened = store.takeOpenedFollowUps();
        REQUIRE(opened.size() == 1);
        CHECK(opened[0].id == 1);
        CHECK(opened[0].ticket == bad);
        CHECK(opened[0].number == "A001");
        CHECK(opened[0].window == 1);
        CHECK(opened[0].staffId == "s1");
        CHECK(opened[0].serviceId == "a");
        CHECK(opened[0].level == RatingLevel::VeryDissatisfied);
        CHECK(opened[0].reasons == std::vector<std::string>{"服务态度差"});
        CHECK(opened[0].comment == "窗口人员态度很差");
        CHECK_FALSE(opened[0].supplementary);
        CHECK(opened[0].day == kDay0);
        CHECK(opened[0].openedAt == at(10, 10));
        CHECK(opened[0].deadline == at(0, 0, 8)); // Monday + 5 working days: the next Monday
        CHECK(store.takeOpenedFollowUps().empty());
        const TimedCommand retry{rating(bad, RatingLevel::VeryDissatisfied), at(10, 11),
                                 "pad-1/r1"};
        REQUIRE(store.executeBatch(std::span(&retry, 1))[0].ok());
        CHECK(store.takeOpenedFollowUps().empty());

        // A bad 追评 is a case of its own; the good one before it was none.
        accept(store, rating(good, RatingLevel::Dissatisfied), at(11, 0));
        opened = store.takeOpenedFollowUps();
        REQUIRE(opened.size() == 1);
        CHECK(opened[0].id == 2);
        CHECK(opened[0].supplementary);
        CHECK(opened[0].number == "A002");
    }
    // Reopened: the cases are there, no more and no fewer, and the journal is not read for them.
    {
        auto store = openStore(optionsAt(file), at(12, 0));
        CHECK(store.takeOpenedFollowUps().empty());
        CHECK(store.execute(rating(bad, RatingLevel::VeryDissatisfied), at(12, 1)).ok()); // 追评
        CHECK(store.takeOpenedFollowUps().size() == 1);
    }
    Db db(file);
    const auto all = db.table.list(std::nullopt, false, at(12, 5), 100);
    REQUIRE(all.size() == 3);
    CHECK(all[0].id == 3); // newest first
    CHECK(all[0].ticket == bad);
    CHECK(all[0].supplementary);
    CHECK(all[2].comment == "窗口人员态度很差");
}

TEST_CASE("an automatic rating opens no case") {
    TempDir dir;
    auto config = storeHall();
    config.evaluation.unrated = core::UnratedPolicy::DefaultSatisfied;
    config.evaluation.unratedDefaultAfter = 1h;
    auto store = openStore(optionsAt(dir.file("hall.db")), at(8, 0), config);
    served(store);
    const auto tick = accept(store, core::Tick{}, at(11, 30));
    REQUIRE(tick.events.size() == 1);
    CHECK(store.takeOpenedFollowUps().empty());
}

TEST_CASE("a commit the disk refuses opens no case; the retry opens exactly one") {
    faultvfs::install();
    TempDir dir;
    auto options = optionsAt(dir.file("hall.db"));
    options.vfsName = faultvfs::kName;
    core::TicketId ticket = 0;
    {
        auto store = openStore(options, at(8, 0));
        ticket = served(store);
        const TimedCommand rate{rating(ticket, RatingLevel::Dissatisfied, "太慢"), at(10, 10),
                                "pad-1/r9"};
        faultvfs::arm(faultvfs::Fault::SyncIoError, 0);
        CHECK_THROWS_AS(store.executeBatch(std::span(&rate, 1)), StoreError);
        faultvfs::disarm();
        CHECK(store.takeOpenedFollowUps().empty());
        CHECK_FALSE(store.engine().ticket(ticket)->rated);
        REQUIRE(store.executeBatch(std::span(&rate, 1))[0].ok());
        CHECK(store.takeOpenedFollowUps().size() == 1);
    }
    RawDb raw(dir.file("hall.db"));
    CHECK(raw.integer("SELECT count(*) FROM followups") == 1);
    CHECK(raw.integer("SELECT count(*) FROM events WHERE kind = 'rating_recorded'") == 1);
}

TEST_CASE("cases are listed by state, assigned, closed once; a report counts them") {
    TempDir dir;
    const auto file = dir.file("hall.db");
    {
        auto store = openStore(optionsAt(file), at(8, 0));
        const auto first = served(store);
        accept(store, rating(first, RatingLevel::Dissatisfied), at(10, 10));
        // Day 1 (Tuesday): two more bad ratings.
        accept(store, core::SignOut{1}, at(18, 0));
        runSmallDay(store, 1, 2);
        const auto second = store.engine().lastTicketId() - 1;
        accept(store, rating(second, RatingLevel::VeryDissatisfied), at(10, 10, 1));
        accept(store, core::CallNext{1, false}, at(10, 20, 1));
        accept(store, core::Finish{1}, at(10, 25, 1));
        accept(store, rating(second + 1, RatingLevel::Dissatisfied), at(10, 30, 1));
    }
    Db db(file);
    auto& t = db.table;
    CHECK(t.list(FollowUpState::Open, false, at(11, 0, 1), 100).size() == 3);
    CHECK(t.list(std::nullopt, true, at(11, 0, 1), 100).empty());
    CHECK(t.list(std::nullopt, false, at(11, 0, 1), 2).size() == 2);

    CHECK(t.assign(1, "王主任", "请回访", at(12, 0, 1)) == FollowUpChange::Done);
    CHECK(t.assign(9, "王主任", "", at(12, 0, 1)) == FollowUpChange::NotFound);
    auto one = t.find(1);
    REQUIRE(one);
    CHECK(one->state == FollowUpState::InProgress);
    CHECK(one->assignee == "王主任");
    CHECK(one->assignNote == "请回访");
    CHECK(one->assignedAt == at(12, 0, 1));
    CHECK(t.assign(1, "s2", "", at(12, 5, 1)) == FollowUpChange::Done); // handed on
    CHECK(t.find(1)->assignee == "s2");
    CHECK(t.list(FollowUpState::InProgress, false, at(12, 5, 1), 100).size() == 1);

    CHECK(t.close(1, "王主任", "已电话回访，致歉", at(13, 0, 1)) == FollowUpChange::Done);
    CHECK(t.close(1, "王主任", "again", at(13, 1, 1)) == FollowUpChange::Closed);
    CHECK(t.assign(1, "s1", "", at(13, 1, 1)) == FollowUpChange::Closed);
    CHECK(t.close(2, "s2", "closed without an assignment", at(13, 2, 1)) == FollowUpChange::Done);
    one = t.find(1);
    CHECK(one->state == FollowUpState::Closed);
    CHECK(one->closedBy == "王主任");
    CHECK(one->closeNote == "已电话回访，致歉");
    CHECK(one->closedAt == at(13, 0, 1));
    CHECK(one->assignee == "s2");
    CHECK(t.list(FollowUpState::Closed, false, at(14, 0, 1), 100).size() == 2);

    // Case 1 (Monday) was due at the end of the next Monday, 3 (Tuesday) of the next Tuesday.
    CHECK(t.find(1)->deadline == at(0, 0, 8));
    CHECK(t.find(3)->deadline == at(0, 0, 9));
    CHECK(t.list(std::nullopt, true, at(23, 59, 8), 100).empty());
    const auto overdue = t.list(std::nullopt, true, at(0, 0, 9), 100);
    REQUIRE(overdue.size() == 1);
    CHECK(overdue[0].id == 3);
    CHECK(overdue[0].overdue(at(0, 0, 9)));
    CHECK_FALSE(overdue[0].overdue(at(23, 59, 8)));
    CHECK_FALSE(t.find(1)->overdue(at(0, 0, 9))); // closed in time

    // Day 0: one opened; at its end it was still open (closed on day 1), not overdue.
    auto counts = t.counts(kDay0, kDay0, at(0, 0, 1));
    CHECK(counts.opened == 1);
    CHECK(counts.open == 1);
    CHECK(counts.overdue == 0);
    // Day 1 at its end: two opened; of all three, case 3 still open.
    counts = t.counts(kDay0 + std::chrono::days(1), kDay0 + std::chrono::days(1), at(0, 0, 2));
    CHECK(counts.opened == 2);
    CHECK(counts.open == 1);
    // Both days, seen a week later: case 3 overdue.
    counts = t.counts(kDay0, kDay0 + std::chrono::days(1), at(0, 0, 9));
    CHECK(counts.opened == 3);
    CHECK(counts.open == 1);
    CHECK(counts.overdue == 1);
}

TEST_CASE("the comment of a case closed longer than the retention goes with the journal") {
    TempDir dir;
    const auto file = dir.file("hall.db");
    auto store = openStore(optionsAt(file, 30), at(8, 0));
    const auto ticket = served(store);
    accept(store, rating(ticket, RatingLevel::Dissatisfied, "排队太久"), at(10, 10));
    accept(store, issueFor("a"), at(10, 11));
    accept(store, core::CallNext{1, false}, at(10, 12));
    accept(store, core::Finish{1}, at(10, 13));
    accept(store, rating(ticket + 1, RatingLevel::Dissatisfied, "材料说不清"), at(10, 14));
    {
        Db db(file);
        REQUIRE(db.table.close(1, "王主任", "已回访", at(12, 0)) == FollowUpChange::Done);
    }
    store.pruneDetails(at(12, 0, 20));
    {
        Db db(file);
        CHECK(db.table.find(1)->comment == "排队太久"); // closed 20 days ago
    }
    store.pruneDetails(at(12, 1, 30));
    Db db(file);
    CHECK(db.table.find(1)->comment.empty());
    CHECK(db.table.find(1)->closeNote == "已回访");
    CHECK(db.table.find(2)->comment == "材料说不清"); // open: still needed
}
