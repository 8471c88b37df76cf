// Retried requests: the first answer comes back, and nothing happens twice — also across a
// reopen (the answer is committed with the request's events) and inside one batch.

#include "shared/store/durable_engine.h"
#include "shared/store/outcome_codec.h"
#include "tests/store/store_fixture.h"

#include <doctest/doctest.h>
#include <set>

using namespace hall;
using namespace hall::store;
using namespace hall::store::testing;

namespace {

TimedCommand request(core::Command command, Timestamp now, std::string id) {
    return TimedCommand{std::move(command), now, std::move(id)};
}

core::Result<core::Decision> run(DurableEngine& store, const TimedCommand& command) {
    return std::move(store.executeBatch(std::span(&command, 1)).front());
}

} // namespace

TEST_CASE("a retried issue request returns the first ticket and issues no other") {
    TempDir dir;
    auto store = openStore(optionsAt(dir.file("hall.db")), at(9, 0));
    const auto first = run(store, request(issueFor("a"), at(9, 1), "kiosk-1/req-1"));
    REQUIRE(first.ok());
    REQUIRE(first->events.size() == 1);
    const auto size = store.journalSize();
    const auto fingerprint = store.engine().fingerprint();

    const auto retry = run(store, request(issueFor("a"), at(9, 2), "kiosk-1/req-1"));
    REQUIRE(retry.ok());
    CHECK(retry->ticket == first->ticket);
    CHECK(retry->events.empty());
    CHECK(store.journalSize() == size);
    CHECK(store.engine().fingerprint() == fingerprint);

    // Another id is another request.
    const auto other = run(store, request(issueFor("a"), at(9, 3), "kiosk-1/req-2"));
    REQUIRE(other.ok());
    CHECK(other->ticket != first->ticket);
    CHECK(store.engine().ticket(*other->ticket)->number == "A002");
}

TEST_CASE("a refusal is the first answer too: a retry is refused even when it could now pass") {
    TempDir dir;
    auto store = openStore(optionsAt(dir.file("hall.db")), at(9, 0));
    const auto refused = run(store, request(core::CallNext{1, false}, at(9, 1), "pad-1/call-7"));
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error().code == core::ErrorCode::NoStaffSignedIn);

    accept(store, core::SignIn{1, "s1"}, at(9, 2));
    accept(store, issueFor("a"), at(9, 3));
    const auto fingerprint = store.engine().fingerprint();
    const auto retry = run(store, request(core::CallNext{1, false}, at(9, 4), "pad-1/call-7"));
    REQUIRE_FALSE(retry.ok());
    CHECK(retry.error().code == core::ErrorCode::NoStaffSignedIn);
    CHECK(retry.error().message == refused.error().message);
    CHECK(store.engine().fingerprint() == fingerprint); // nobody was called
}

TEST_CASE("answers survive a reopen, so a retry after a crash is answered, not re-run") {
    TempDir dir;
    const auto file = dir.file("hall.db");
    core::Result<core::Decision> first = core::fail(core::ErrorCode::InvalidArgument, "unset");
    {
        auto store = openStore(optionsAt(file), at(9, 0));
        first = run(store, request(issueFor("b"), at(9, 1), "kiosk-2/7f3a"));
        REQUIRE(first.ok());
    }
    auto store = openStore(optionsAt(file), at(9, 5));
    const auto size = store.journalSize();
    const auto retry = run(store, request(issueFor("b"), at(9, 6), "kiosk-2/7f3a"));
    REQUIRE(retry.ok());
    CHECK(retry->ticket == first->ticket);
    CHECK(store.journalSize() == size);
    CHECK(store.engine().waitingCount("b") == 1);
}

TEST_CASE("the same request twice in one batch is decided once") {
    TempDir dir;
    auto store = openStore(optionsAt(dir.file("hall.db")), at(9, 0));
    const std::vector<TimedCommand> batch{request(issueFor("a"), at(9, 1), "k/1"),
                                          request(issueFor("a"), at(9, 1), "k/1"),
                                          request(issueFor("a"), at(9, 1), "k/2")};
    auto results = store.executeBatch(batch);
    REQUIRE(results.size() == 3);
    REQUIRE(results[0].ok());
    REQUIRE(results[1].ok());
    REQUIRE(results[2].ok());
    CHECK(results[1]->ticket == results[0]->ticket);
    CHECK(results[1]->events.empty());
    CHECK(results[2]->ticket != results[0]->ticket);
    CHECK(store.engine().waitingCount("a") == 2);
}

TEST_CASE("a retried lease returns the same lease; leases and leased tickets survive a reopen") {
    TempDir dir;
    const auto options = optionsAt(dir.file("hall.db"));
    core::LeaseId id = 0;
    core::TicketId leasedTicket = 0;
    {
        auto store = openStore(options, at(9, 0));
        const auto first =
            run(store, request(core::LeaseNumbers{"a", 3, "machine-1"}, at(9, 1), "machine-1/l-1"));
        REQUIRE(first.ok());
        REQUIRE(first->lease.has_value());
        id = *first->lease;
        const auto retry =
            run(store, request(core::LeaseNumbers{"a", 3, "machine-1"}, at(9, 2), "machine-1/l-1"));
        REQUIRE(retry.ok());
        CHECK(retry->lease == first->lease);
        CHECK(retry->events.empty());
        // Normal issuing continues after the leased numbers.
        const auto online = run(store, request(issueFor("a"), at(9, 3), "kiosk-1/i-1"));
        REQUIRE(online.ok());
        CHECK(store.engine().ticket(*online->ticket)->number == "A004");

        core::IssueLeasedTicket report;
        report.lease = id;
        report.number = "A002";
        report.issuedAt = at(9, 2);
        report.sourceDevice = "machine-1";
        const auto issued = run(store, request(report, at(9, 10), "machine-1/t-1"));
        REQUIRE(issued.ok());
        leasedTicket = *issued->ticket;
        const auto replayed = run(store, request(report, at(9, 11), "machine-1/t-1"));
        REQUIRE(replayed.ok());
        CHECK(replayed->ticket == leasedTicket);
        // The same number under another request id is a second report: refused.
        const auto twice = run(store, request(report, at(9, 12), "machine-1/t-2"));
        REQUIRE_FALSE(twice.ok());
        CHECK(twice.error().code == core::ErrorCode::NumberUsed);
    }
    auto store = openStore(options, at(9, 30));
    const core::NumberLease* lease = store.engine().lease(id);
    REQUIRE(lease != nullptr);
    CHECK(lease->used == std::set<int>{2});
    CHECK(store.engine().leaseNumbers(*lease) == std::vector<std::string>{"A001", "A002", "A003"});
    const core::Ticket* t = store.engine().ticket(leasedTicket);
    REQUIRE(t != nullptr);
    CHECK(t->number == "A002");
    CHECK(t->queuedAt == at(9, 2));
    core::IssueLeasedTicket next;
    next.lease = id;
    next.number = "A001";
    next.issuedAt = at(9, 20);
    next.sourceDevice = "machine-1";
    CHECK(run(store, request(next, at(9, 31), "machine-1/t-3")).ok());
    CHECK(store.engine().statistics(kDay0)->hall.leasedIssued == 2);
}

TEST_CASE("stored answers round-trip and malformed ones are refused") {
    core::Decision decision;
    decision.ticket = 20780000042;
    const auto ok = decodeOutcome(encodeOutcome(decision));
    REQUIRE(ok.ok());
    CHECK(ok->ticket == decision.ticket);
    CHECK(ok->events.empty());

    core::Decision granted;
    granted.lease = 20780000007;
    const auto lease = decodeOutcome(encodeOutcome(granted));
    REQUIRE(lease.ok());
    CHECK(lease->lease == granted.lease);
    CHECK_FALSE(lease->ticket.has_value());

    const core::Result<core::Decision> refusal =
        core::fail(core::ErrorCode::QuotaReached, "社保业务: today's 300 tickets are all issued");
    const auto back = decodeOutcome(encodeOutcome(refusal));
    REQUIRE_FALSE(back.ok());
    CHECK(back.error().code == core::ErrorCode::QuotaReached);
    CHECK(back.error().message == refusal.error().message);

    CHECK_THROWS_AS(decodeOutcome("{"), StoreError);
    CHECK_THROWS_AS(decodeOutcome(R"({"ok":false,"code":"no_such_code","message":""})"),
                    StoreError);
    CHECK_THROWS_AS(decodeOutcome(R"({"ok":true,"ticket":1,"extra":2})"), StoreError);
    CHECK_THROWS_AS(decodeOutcome(R"({"ok":"yes"})"), StoreError);
}
