// The outbox on a failing disk (a write I/O error, a full disk, a failed fsync): an enqueue the
// disk refused throws (the app tells the citizen it did not go through), and every entry that
// was acknowledged is there exactly once after the fault, a reopen or a crash — whether the
// answer that should have removed it could be recorded or not.
#include "tests/client/terminal_db/terminal_db_fixture.h"
#include "tests/support/temp_dir.h"

using namespace terminal_db_test;
using hall::testing::TempDir;

namespace {

protocol::Request rating(const std::string& id, core::TicketId ticket) {
    core::Rate rate;
    rate.ticket = ticket;
    rate.level = core::RatingLevel::VerySatisfied;
    return protocol::Request{id, rate};
}

} // namespace

TEST_CASE("an outbox entry the disk refused is not acknowledged; acknowledged ones stay once") {
    for (const auto& fault : faultCases()) {
        INFO(fault.name);
        TempDir dir("terminal-db-fault");
        TempDir crash("terminal-db-crash");
        const auto file = dir.file("terminal.db");
        std::filesystem::path image;
        {
            auto db = store::Database::open(file);
            client::Outbox outbox(db);
            outbox.enqueue(rating("r-1", 11), 1000);
            outbox.enqueue(rating("r-2", 12), 2000);
            {
                Armed armed(fault.fault, fault.passing);
                CHECK_THROWS_AS(outbox.enqueue(rating("r-3", 13), 3000), store::StoreError);
                // Answers that cannot be recorded leave the entries as they were: they are sent
                // again under their ids, and the controller answers a known id with its first
                // answer without doing anything twice.
                CHECK_THROWS_AS(outbox.complete("r-1"), store::StoreError);
                CHECK_THROWS_AS(outbox.refuse("r-2", "already_rated", "rated before", 4000),
                                store::StoreError);
                CHECK_THROWS_AS(outbox.noteAttempt("r-1", "timeout"), store::StoreError);
                CHECK(faultvfs::failuresInjected() > 0);
                const auto entries = outbox.entries();
                REQUIRE(entries.size() == 2);
                CHECK(entries[0].requestId == "r-1");
                CHECK(entries[0].attempts == 0);
                CHECK(entries[1].requestId == "r-2");
                CHECK(outbox.refusals().empty());
                CHECK(db.queryText("PRAGMA integrity_check") == "ok");
            }
            image = crashImage(file, crash.path());
            // Healthy again: the app retries what failed; the id was never recorded, so it is free.
            outbox.enqueue(rating("r-3", 13), 5000);
            CHECK(outbox.complete("r-1"));
            CHECK(outbox.refuse("r-2", "already_rated", "rated before", 6000));
        }
        {
            auto db = store::Database::open(file);
            client::Outbox outbox(db);
            CHECK(db.queryText("PRAGMA integrity_check") == "ok");
            const auto entries = outbox.entries();
            REQUIRE(entries.size() == 1);
            CHECK(entries[0].requestId == "r-3");
            CHECK(entries[0].frame == protocol::encodeRequest(rating("r-3", 13)));
            const auto refusals = outbox.refusals();
            REQUIRE(refusals.size() == 1);
            CHECK(refusals[0].requestId == "r-2");
        }
        {
            // The power cut right after the fault: both acknowledged entries are there, each
            // once — in the outbox, or among the refusals should the refused refusal have reached
            // the disk after all (an fsync that failed does not say the bytes are not there).
            auto db = store::Database::open(image);
            client::Outbox outbox(db);
            CHECK(db.queryText("PRAGMA integrity_check") == "ok");
            const auto ids = requestIds(outbox);
            CHECK(ids.at("r-2") == 1);
            CHECK(ids.count("r-1") <= 1); // its completion may have reached the disk
            CHECK(ids.count("r-3") <= 1);
            for (const auto& [id, count] : ids)
                CHECK(count == 1);
        }
    }
}

TEST_CASE("an outbox that cannot write refuses every enqueue and keeps what it had") {
    TempDir dir("terminal-db-fault");
    const auto file = dir.file("terminal.db");
    {
        auto db = store::Database::open(file);
        client::Outbox outbox(db);
        outbox.enqueue(rating("r-1", 1), 1);
        Armed armed(faultvfs::Fault::DiskFull, 0);
        for (int i = 0; i < 5; ++i)
            CHECK_THROWS_AS(outbox.enqueue(rating("x-" + std::to_string(i), 2), 2),
                            store::StoreError);
        CHECK(outbox.size() == 1);
    }
    auto db = store::Database::open(file);
    client::Outbox outbox(db);
    CHECK(outbox.size() == 1);
    CHECK(outbox.front()->requestId == "r-1");
}
