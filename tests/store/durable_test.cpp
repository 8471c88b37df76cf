// The durable engine: what it acknowledged is there after a restart, refusals write nothing, and
// a batch is decided in order and committed as one.

#include "tests/store/store_fixture.h"

using namespace hall;
using namespace hall::store;
using namespace hall::store::testing;

TEST_CASE("executed commands survive close and reopen") {
    TempDir dir;
    const auto options = optionsAt(dir.file("hall.db"));
    std::string fingerprint;
    std::int64_t size = 0;
    core::TicketId served = 0;
    {
        auto store = openStore(options, at(8, 0));
        CHECK(store.journalSize() == 0);
        accept(store, core::SignIn{1, "s1"}, at(9, 0));
        accept(store, core::SignIn{2, "s2"}, at(9, 0));
        for (int i = 0; i < 3; ++i)
            accept(store, issueFor("a"), at(9, 1 + i));
        accept(store, issueFor("b"), at(9, 5));
        served = *accept(store, core::CallNext{1, false}, at(9, 10)).ticket;
        accept(store, core::StartServing{1}, at(9, 11));
        accept(store, core::Finish{1}, at(9, 20));
        accept(store, core::Rate{served, core::RatingLevel::VerySatisfied, {}, {}}, at(9, 21));
        accept(store, core::CallNext{2, false}, at(9, 22));
        accept(store, core::PauseWindow{1, "午休"}, at(12, 0));
        fingerprint = store.engine().fingerprint();
        size = store.journalSize();
        CHECK(size >= 11);
    }
    auto store = openStore(options, at(13, 0));
    CHECK(store.engine().fingerprint() == fingerprint);
    CHECK(store.journalSize() == size);
    const core::Ticket* ticket = store.engine().ticket(served);
    REQUIRE(ticket != nullptr);
    CHECK(ticket->state == core::TicketState::Done);
    CHECK(ticket->rated);
    CHECK(store.engine().window(1)->paused);

    // And the reopened store goes on from there.
    const auto next = accept(store, issueFor("a"), at(13, 1));
    CHECK(store.engine().ticket(*next.ticket)->number == "A004");
}

TEST_CASE("a refused command writes nothing") {
    TempDir dir;
    const auto options = optionsAt(dir.file("hall.db"));
    auto store = openStore(options, at(8, 0));
    accept(store, issueFor("a"), at(9, 0));
    const auto size = store.journalSize();
    const auto fingerprint = store.engine().fingerprint();

    const auto unknown = store.execute(issueFor("nope"), at(9, 1));
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == core::ErrorCode::UnknownService);
    const auto nobody = store.execute(core::CallNext{1, false}, at(9, 2));
    REQUIRE_FALSE(nobody.ok());
    CHECK(nobody.error().code == core::ErrorCode::NoStaffSignedIn);

    CHECK(store.journalSize() == size);
    CHECK(store.engine().fingerprint() == fingerprint);
    auto reopened = openStore(options, at(9, 3));
    CHECK(reopened.journalSize() == size);
    CHECK(reopened.engine().fingerprint() == fingerprint);
}

TEST_CASE("a batch is decided in order and committed as one") {
    TempDir dir;
    const auto options = optionsAt(dir.file("hall.db"));
    std::string fingerprint;
    std::int64_t size = 0;
    {
        auto store = openStore(options, at(8, 0));
        const std::vector<TimedCommand> batch{
            {core::SignIn{1, "s1"}, at(9, 0)},
            {issueFor("a"), at(9, 1)},
            {issueFor("nope"), at(9, 2)}, // refused on its own; the others go on
            {issueFor("a"), at(9, 3)},
            {core::CallNext{1, false}, at(9, 4)}, // sees the tickets issued just before
            {core::Finish{1}, at(9, 5)},
            {core::CallNext{1, false}, at(9, 6)},
        };
        const auto results = store.executeBatch(batch);
        REQUIRE(results.size() == batch.size());
        std::size_t events = 0;
        for (std::size_t i = 0; i < results.size(); ++i) {
            INFO("command ", i);
            CHECK(results[i].ok() == (i != 2));
            if (results[i].ok()) events += results[i]->events.size();
        }
        CHECK(results[2].error().code == core::ErrorCode::UnknownService);
        CHECK(*results[4]->ticket == *results[1]->ticket);
        CHECK(*results[6]->ticket == *results[3]->ticket);
        CHECK(store.engine().ticket(*results[3]->ticket)->state == core::TicketState::Called);
        CHECK(store.journalSize() == static_cast<std::int64_t>(events));

        // A batch of refusals only touches nothing.
        const std::vector<TimedCommand> refusals{{issueFor("nope"), at(9, 7)},
                                                 {core::CallNext{2, false}, at(9, 7)}};
        const auto refused = store.executeBatch(refusals);
        CHECK_FALSE(refused[0].ok());
        CHECK_FALSE(refused[1].ok());
        CHECK(store.journalSize() == static_cast<std::int64_t>(events));
        fingerprint = store.engine().fingerprint();
        size = store.journalSize();
    }
    auto store = openStore(options, at(10, 0));
    CHECK(store.engine().fingerprint() == fingerprint);
    CHECK(store.journalSize() == size);
}

TEST_CASE("opening refuses a missing directory and a negative retention") {
    TempDir dir;
    CHECK_THROWS_AS(openStore(optionsAt(dir.file("no-such-dir") / "hall.db"), at(8, 0)),
                    StoreError);
    CHECK_THROWS_AS(openStore(optionsAt(dir.file("hall.db"), -1), at(8, 0)), StoreError);
    CHECK_FALSE(fs::exists(dir.file("hall.db")));
}
