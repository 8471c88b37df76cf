// Retention: journal rows of old days go once the day has its stored report and lies outside
// both the retention period and the replay horizon; the report stays readable.

#include "tests/store/raw_db.h"
#include "tests/store/store_fixture.h"

#include <map>
#include <set>

using namespace hall;
using namespace hall::store;
using namespace hall::store::testing;

namespace {

// Drives a store through the days and counts the journal rows each day got. The hall's
// controller ticks all the time, so every business day is rolled over, and its report written,
// even on a day without tickets: quiet days are ticked through too.
class Calendar {
public:
    explicit Calendar(std::map<int, std::int64_t>& rows) : rows_(rows) {}

    void quietDay(DurableEngine& store, int day) {
        const auto before = store.journalSize();
        accept(store, core::Tick{}, at(8, 0, day));
        rows_[day] += store.journalSize() - before;
    }
    // Issues `tickets` tickets of service a and serves the first; the others wait and are
    // cancelled when the day is closed.
    void workDay(DurableEngine& store, int day, int tickets) {
        const auto before = store.journalSize();
        accept(store, core::Tick{}, at(8, 0, day));
        if (store.engine().window(1)->staffId.empty()) {
            accept(store, core::SignIn{1, "s1"}, at(8, 30, day));
        }
        for (int i = 0; i < tickets; ++i)
            accept(store, issueFor("a"), at(9, i, day));
        accept(store, core::CallNext{1, false}, at(10, 0, day));
        accept(store, core::Finish{1}, at(10, 5, day));
        rows_[day] += store.journalSize() - before;
    }

private:
    std::map<int, std::int64_t>& rows_;
};

std::int64_t rowsOf(const std::map<int, std::int64_t>& rows, int from, int to,
                    const std::set<int>& except = {}) {
    std::int64_t sum = 0;
    for (const auto& [day, n] : rows) {
        if (day >= from && day < to && !except.contains(day)) sum += n;
    }
    return sum;
}

BusinessDay dayNumber(int n) {
    return kDay0 + std::chrono::days(n);
}

} // namespace

TEST_CASE("old journal rows are pruned once their day has a report; the report stays") {
    TempDir dir;
    const auto file = dir.file("hall.db");
    const auto options = optionsAt(file, 30);
    std::map<int, std::int64_t> rows;
    {
        auto store = openStore(options, at(8, 0));
        Calendar calendar(rows);
        for (int day = 0; day <= 40; ++day) {
            if (day == 0)
                calendar.workDay(store, day, 3);
            else if (day == 20)
                calendar.workDay(store, day, 2);
            else if (day == 40)
                calendar.workDay(store, day, 1);
            else
                calendar.quietDay(store, day);
        }
        // Every closed day has its report.
        const auto reports = store.reportDays();
        REQUIRE(reports.size() == 40);
        CHECK(reports.front() == kDay0);
        CHECK(reports.back() == dayNumber(39));

        // 30 days kept: days 0–9 go.
        const auto before = store.journalSize();
        CHECK(store.pruneDetails(at(12, 0, 40)) == rowsOf(rows, 0, 10));
        CHECK(store.journalSize() == before - rowsOf(rows, 0, 10));
        CHECK(store.pruneDetails(at(12, 0, 40)) == 0);
    }
    {
        // Without its report, day 20 keeps its rows even past the retention period...
        RawDb raw(file);
        const std::string day20 = core::formatDay(dayNumber(20));
        const std::string report =
            raw.text("SELECT report FROM daily_reports WHERE day = '" + day20 + "'");
        raw.run("DELETE FROM daily_reports WHERE day = ?", {day20});
        {
            // Day 55: days before 25 are past retention; day 40 (the last with tickets) is
            // replayed, so it and later days stay whatever their age.
            auto store = openStore(options, at(12, 0, 55));
            CHECK(store.pruneDetails(at(12, 0, 55)) == rowsOf(rows, 10, 25, {20}));
        }
        // ...and loses them once the report is there.
        raw.run("INSERT INTO daily_reports(day, report, updated_ms) VALUES(?, ?, 0)",
                {day20, report});
    }
    auto store = openStore(options, at(12, 0, 55));
    const auto before = store.journalSize();
    CHECK(store.pruneDetails(at(12, 0, 55)) == rows.at(20));
    CHECK(store.journalSize() == before - rows.at(20));
    CHECK(store.journalSize() == rowsOf(rows, 25, 41));

    // The reports outlive the rows.
    CHECK(store.reportDays().size() == 40);
    const auto first = store.dayReport(kDay0);
    REQUIRE(first.has_value());
    CHECK(first->hall.issued == 3);
    CHECK(first->hall.served == 1);
    CHECK(first->hall.cancelled == 2); // closed by the rollover to day 1
    const auto second = store.dayReport(dayNumber(20));
    REQUIRE(second.has_value());
    CHECK(second->hall.issued == 2);
    CHECK(second->hall.served == 1);

    // What remains replays into a working engine that numbers on.
    accept(store, core::Tick{}, at(12, 0, 55));
    const auto next = accept(store, issueFor("a"), at(12, 1, 55));
    CHECK(store.engine().ticket(*next.ticket)->number == "A001");
}

TEST_CASE("the replay horizon keeps rows the engine needs, whatever the retention") {
    TempDir dir;
    std::map<int, std::int64_t> rows;
    Calendar calendar(rows);
    auto store = openStore(optionsAt(dir.file("hall.db"), 0), at(8, 0));
    calendar.workDay(store, 0, 2);
    calendar.quietDay(store, 1);
    calendar.workDay(store, 2, 2);
    // Day 0 has its report and no retention is asked for, but ratings of its tickets may still
    // come within the 7-day supplement period: the engine must find them after a restart.
    REQUIRE(store.dayReport(kDay0).has_value());
    const auto size = store.journalSize();
    CHECK(store.pruneDetails(at(12, 0, 2)) == 0);
    CHECK(store.journalSize() == size);
}
