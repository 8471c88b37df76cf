#include "shared/protocol/codec.h"
#include "shared/terminal/lease_pool.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <set>

using hall::client::LeasePool;
using hall::client::Outbox;
using hall::client::OutboxFull;
namespace protocol = hall::protocol;
namespace core = hall::core;
namespace store = hall::store;

namespace {

protocol::LeaseView lease(core::LeaseId id, const std::string& day,
                          std::vector<std::string> numbers) {
    return protocol::LeaseView{id, "permits", day, std::move(numbers)};
}

} // namespace

TEST_CASE("leased numbers are handed out once each, in order, each with its report queued") {
    hall::testing::TempDir dir("leases");
    const auto file = dir.file("terminal.db");
    {
        auto db = store::Database::open(file);
        Outbox outbox(db);
        LeasePool pool(db, outbox);
        pool.addLease(lease(7, "2026-11-23", {"A018", "A019"}), 100);
        pool.addLease(lease(7, "2026-11-23", {"A018", "A019"}), 100); // a retried lease_numbers
        pool.addLease(lease(9, "2026-11-23", {"A030"}), 200);
        CHECK(pool.available("permits", "2026-11-23") == 3);
        auto first = pool.issue("permits", "2026-11-23", {}, 1000, "t-1");
        REQUIRE(first);
        CHECK(first->number == "A018");
        CHECK(first->lease == 7);
        REQUIRE(outbox.front());
        auto report = protocol::decodeRequest(outbox.front()->frame);
        REQUIRE(report.ok());
        const auto& leased = std::get<core::IssueLeasedTicket>(report.value().body);
        CHECK(leased.lease == 7);
        CHECK(leased.number == "A018");
        CHECK(leased.issuedAt.time_since_epoch().count() == 1000);
    }
    // Killed and restarted: what was handed out stays handed out.
    auto db = store::Database::open(file);
    Outbox outbox(db);
    LeasePool pool(db, outbox);
    std::set<std::string> numbers{"A018"};
    for (int i = 2; i <= 3; ++i) {
        auto ticket = pool.issue("permits", "2026-11-23", {}, 1000 + i, "t-" + std::to_string(i));
        REQUIRE(ticket);
        CHECK(numbers.insert(ticket->number).second);
    }
    CHECK(numbers == std::set<std::string>{"A018", "A019", "A030"});
    CHECK_FALSE(pool.issue("permits", "2026-11-23", {}, 2000, "t-4"));
    CHECK(outbox.size() == 3);
    CHECK(pool.issued().size() == 3);
}

TEST_CASE("a lease is good for its business day only") {
    hall::testing::TempDir dir("leases");
    auto db = store::Database::open(dir.file("terminal.db"));
    Outbox outbox(db);
    LeasePool pool(db, outbox);
    pool.addLease(lease(1, "2026-11-22", {"A001", "A002"}), 1);
    pool.addLease(lease(2, "2026-11-23", {"A001"}), 2);
    CHECK(pool.newestBusinessDay() == "2026-11-23");
    CHECK(pool.available("permits", "2026-11-23") == 1);
    CHECK(pool.dropExpired("2026-11-23") == 1);
    CHECK(pool.available("permits", "2026-11-22") == 0);
    CHECK(pool.available("taxes", "2026-11-23") == 0);
}

TEST_CASE("a number is not used when its report cannot be queued") {
    hall::testing::TempDir dir("leases");
    auto db = store::Database::open(dir.file("terminal.db"));
    Outbox outbox(db, 1);
    LeasePool pool(db, outbox);
    pool.addLease(lease(3, "2026-11-23", {"A005", "A006"}), 1);
    REQUIRE(pool.issue("permits", "2026-11-23", {}, 10, "t-1"));
    CHECK_THROWS_AS(pool.issue("permits", "2026-11-23", {}, 11, "t-2"), OutboxFull);
    CHECK(pool.available("permits", "2026-11-23") == 1); // A006 is still free
}
