// Migration from the older schema: a version-1 file (journal only, no daily reports) opens with
// the current code, is moved to version 2, replays into the same engine, and takes reports.

#include "tests/store/raw_db.h"
#include "shared/store/event_codec.h"
#include "shared/store/migrations.h"
#include "tests/store/store_fixture.h"

using namespace hall;
using namespace hall::store;
using namespace hall::store::testing;

namespace {

// The schema of version 1 exactly as it shipped; written out here on purpose, since the store's
// migration list is what is under test.
constexpr const char* kSchemaV1 =
    "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
    "CREATE TABLE events(seq INTEGER PRIMARY KEY, day TEXT NOT NULL, at_ms INTEGER NOT NULL,"
    " kind TEXT NOT NULL, payload TEXT NOT NULL);"
    "PRAGMA user_version=1;";

} // namespace

TEST_CASE("a version-1 file is migrated, replayed and takes daily reports") {
    TempDir dir;
    const auto file = dir.file("hall.db");

    // The history: a day in an engine of its own, its events written as version 1 rows.
    core::Engine reference(storeHall(), zone());
    std::int64_t rows = 0;
    {
        RawDb raw(file);
        raw.exec(kSchemaV1);
        raw.exec("BEGIN");
        const std::vector<std::pair<core::Command, Timestamp>> history{
            {core::SignIn{1, "s1"}, at(9, 0)},
            {issueFor("a"), at(9, 1)},
            {issueFor("b"), at(9, 2)},
            {issueFor("a"), at(9, 3)},
            {core::CallNext{1, false}, at(9, 4)},
            {core::Finish{1}, at(9, 9)},
        };
        for (const auto& [command, now] : history) {
            auto result = reference.execute(command, now);
            REQUIRE(result.ok());
            for (const auto& event : result->events) {
                raw.insertEvent(core::formatDay(reference.businessDay(event.at)),
                                encodeEvent(event));
                ++rows;
            }
        }
        raw.exec("COMMIT");
    }

    {
        auto store = openStore(optionsAt(file), at(12, 0));
        CHECK(store.journalSize() == rows);
        CHECK(store.engine().fingerprint() == reference.fingerprint());
        CHECK(store.reportDays().empty());
        // The next day: the rollover closes day 0, whose report the new table now keeps.
        accept(store, core::Tick{}, at(8, 0, 1));
        accept(store, issueFor("a"), at(8, 1, 1));
        CHECK(store.reportDays() == std::vector<BusinessDay>{kDay0});
    }
    RawDb raw(file);
    CHECK(raw.integer("PRAGMA user_version") == currentSchemaVersion());
    CHECK(raw.integer("SELECT count(*) FROM daily_reports") == 1);
    CHECK(raw.integer("SELECT count(*) FROM sqlite_schema WHERE type = 'index'"
                      " AND name = 'events_day'") == 1);

    // A month later day 0 is outside the replayed days: its report comes from the table.
    auto reopened = openStore(optionsAt(file), at(12, 0, 31));
    const auto report = reopened.dayReport(kDay0);
    REQUIRE(report.has_value());
    CHECK(report->hall.issued == 3);
    CHECK(report->hall.served == 1);
}

TEST_CASE("a file from a newer program is refused, naming both versions") {
    TempDir dir;
    const auto file = dir.file("hall.db");
    {
        RawDb raw(file);
        raw.exec("CREATE TABLE future(x); PRAGMA user_version=7;");
    }
    try {
        (void)openStore(optionsAt(file), at(8, 0));
        FAIL("a newer schema was opened");
    } catch (const StoreError& e) {
        const std::string message = e.what();
        INFO(message);
        CHECK(message.find("version 7") != std::string::npos);
        CHECK(message.find("version " + std::to_string(currentSchemaVersion())) != std::string::npos);
        CHECK(message.find("newer") != std::string::npos);
    }
    RawDb raw(file);
    CHECK(raw.integer("PRAGMA user_version") == 7); // left untouched
}
