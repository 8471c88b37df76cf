#include "shared/protocol/codec.h"
#include "shared/terminal/outbox.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>

using hall::client::Outbox;
using hall::client::OutboxFull;
namespace protocol = hall::protocol;
namespace core = hall::core;
namespace store = hall::store;

namespace {

protocol::Request rating(const std::string& id, core::TicketId ticket) {
    return protocol::Request{id, core::Rate{ticket, core::RatingLevel::VerySatisfied, {}, {}}};
}

} // namespace

TEST_CASE("outbox entries survive the app being killed, in order") {
    hall::testing::TempDir dir("outbox");
    const auto file = dir.file("terminal.db");
    {
        auto db = store::Database::open(file);
        Outbox outbox(db);
        outbox.enqueue(rating("r-1", 11), 1000);
        outbox.enqueue(protocol::Request{"f-2", core::Finish{3}}, 2000);
        outbox.enqueue(rating("r-3", 12), 3000);
        // No close, no checkpoint: the database object goes away as with a killed process
        // whose committed WAL is all there is.
    }
    auto db = store::Database::open(file);
    Outbox outbox(db);
    const auto entries = outbox.entries();
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].requestId == "r-1");
    CHECK(entries[1].requestId == "f-2");
    CHECK(entries[1].type == protocol::RequestType::Finish);
    CHECK(entries[2].requestId == "r-3");
    CHECK(entries[0].createdAtMs == 1000);
    // The stored frame is the codec's encoding, sent as is on replay.
    CHECK(entries[0].frame == protocol::encodeRequest(rating("r-1", 11)));
    CHECK(db.queryText("PRAGMA journal_mode") == "wal");
}

TEST_CASE("an answered entry leaves; a refused one is recorded; a retried one stays first") {
    hall::testing::TempDir dir("outbox");
    auto db = store::Database::open(dir.file("terminal.db"));
    Outbox outbox(db);
    outbox.enqueue(rating("a", 1), 1);
    outbox.enqueue(rating("b", 2), 2);
    outbox.enqueue(rating("c", 3), 3);

    outbox.noteAttempt("a", "timeout");
    REQUIRE(outbox.front());
    CHECK(outbox.front()->requestId == "a");
    CHECK(outbox.front()->attempts == 1);
    CHECK(outbox.front()->lastError == "timeout");

    CHECK(outbox.complete("a"));
    CHECK_FALSE(outbox.complete("a"));
    CHECK(outbox.refuse("b", "already_rated", "rated before", 99));
    CHECK(outbox.size() == 1);
    CHECK(outbox.front()->requestId == "c");
    const auto refusals = outbox.refusals();
    REQUIRE(refusals.size() == 1);
    CHECK(refusals[0].requestId == "b");
    CHECK(refusals[0].code == "already_rated");
    CHECK(refusals[0].refusedAtMs == 99);
    // A refused id is spent: it cannot be queued again under the same id.
    CHECK_THROWS_AS(outbox.enqueue(rating("b", 2), 4), std::invalid_argument);
}

TEST_CASE("a full outbox refuses with a clear error and writes nothing") {
    hall::testing::TempDir dir("outbox");
    auto db = store::Database::open(dir.file("terminal.db"));
    Outbox outbox(db, 2);
    outbox.enqueue(rating("a", 1), 1);
    outbox.enqueue(rating("b", 2), 2);
    CHECK_THROWS_AS(outbox.enqueue(rating("c", 3), 3), OutboxFull);
    CHECK(outbox.size() == 2);
    outbox.complete("a");
    CHECK_NOTHROW(outbox.enqueue(rating("c", 3), 3));
}

TEST_CASE("the outbox refuses what is not meant for it") {
    hall::testing::TempDir dir("outbox");
    auto db = store::Database::open(dir.file("terminal.db"));
    Outbox outbox(db);
    CHECK_THROWS_AS(outbox.enqueue(protocol::Request{"h", protocol::Hello{"x", {1}}}, 1),
                    std::invalid_argument);
    CHECK_THROWS_AS(outbox.enqueue(protocol::Request{"g", protocol::GetSnapshot{}}, 1),
                    std::invalid_argument);
    CHECK_THROWS_AS(outbox.enqueue(rating("bad id!", 1), 1), std::invalid_argument);
    core::Rate huge{1, core::RatingLevel::Basic, {}, std::string(70'000, 'x')};
    CHECK_THROWS_AS(outbox.enqueue(protocol::Request{"big", huge}, 1), std::invalid_argument);
    outbox.enqueue(rating("dup", 1), 1);
    CHECK_THROWS_AS(outbox.enqueue(rating("dup", 1), 1), std::invalid_argument);
    CHECK(outbox.size() == 1);
}

TEST_CASE("which refusals are definitive") {
    CHECK(Outbox::isDefinitive("already_rated"));
    CHECK(Outbox::isDefinitive("forbidden"));
    CHECK(Outbox::isDefinitive("bad_frame"));
    CHECK_FALSE(Outbox::isDefinitive("internal"));
    CHECK_FALSE(Outbox::isDefinitive("rate_limited"));
    CHECK_FALSE(Outbox::isDefinitive("timeout"));
    CHECK_FALSE(Outbox::isDefinitive("connection_lost"));
}
