// Online backup: the copy opens as a store of its own with the same state.

#include "tests/store/store_fixture.h"

using namespace hall;
using namespace hall::store;
using namespace hall::store::testing;

TEST_CASE("a backup opens with the same state as the live store") {
    TempDir dir;
    auto live = openStore(optionsAt(dir.file("hall.db")), at(8, 0));
    runSmallDay(live, 0, 30);
    const auto backup = dir.file("backup.db");
    live.backupTo(backup);
    const auto fingerprint = live.engine().fingerprint();
    const auto size = live.journalSize();

    // The live store goes on; the copy keeps the moment of the backup.
    accept(live, issueFor("b"), at(11, 0));
    {
        auto copy = openStore(optionsAt(backup), at(12, 0));
        CHECK(copy.engine().fingerprint() == fingerprint);
        CHECK(copy.journalSize() == size);
    }

    // A later backup replaces the earlier one.
    live.backupTo(backup);
    CHECK_FALSE(fs::exists(dir.file("backup.db.partial")));
    auto copy = openStore(optionsAt(backup), at(12, 0));
    CHECK(copy.engine().fingerprint() == live.engine().fingerprint());
    CHECK(copy.journalSize() == size + 1);
}

TEST_CASE("a backup is not written over a database in use") {
    TempDir dir;
    auto live = openStore(optionsAt(dir.file("hall.db")), at(8, 0));
    accept(live, issueFor("a"), at(9, 0));
    // The live file itself has a -wal beside it while it is open.
    CHECK_THROWS_AS(live.backupTo(dir.file("hall.db")), StoreError);
    CHECK(live.engine().ticketByNumber("A001") != nullptr);
    auto again = openStore(optionsAt(dir.file("hall.db")), at(9, 1));
    CHECK(again.journalSize() == live.journalSize());
}
