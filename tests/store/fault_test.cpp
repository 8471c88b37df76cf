// Fault injection: a commit that the disk refuses (I/O error, disk full, failed fsync) throws,
// leaves the engine exactly as before the command, and leaves nothing of it in the file.

#include "tests/support/fault_vfs.h"
#include "tests/store/store_fixture.h"

using namespace hall;
using namespace hall::store;
using namespace hall::store::testing;

namespace {

const char* faultName(faultvfs::Fault f) {
    switch (f) {
    case faultvfs::Fault::WriteIoError:
        return "write I/O error";
    case faultvfs::Fault::DiskFull:
        return "disk full";
    case faultvfs::Fault::SyncIoError:
        return "fsync I/O error";
    case faultvfs::Fault::None:
        break;
    }
    return "none";
}

// Disarms even when a check fails, so that one failing case cannot break the next.
struct Armed {
    Armed(faultvfs::Fault fault, int passing) { faultvfs::arm(fault, passing); }
    ~Armed() { faultvfs::disarm(); }
};

// A store at 08:00 whose file goes through the fault layer (disarmed until a case arms it).
DurableEngine openOnFaultLayer(const TempDir& dir) {
    faultvfs::install();
    auto options = optionsAt(dir.file("hall.db"));
    options.vfsName = faultvfs::kName;
    return openStore(options, at(8, 0));
}

} // namespace

TEST_CASE("a commit the disk refuses changes nothing, in memory or on disk") {
    faultvfs::install();
    // `passing` lets the first writes of the commit through, so that the failure strikes at
    // different points of writing the log (the batch below fills several pages). A commit
    // syncs the log once, so a sync fault can only strike that one call.
    const std::vector<std::pair<faultvfs::Fault, int>> cases{
        {faultvfs::Fault::WriteIoError, 0}, {faultvfs::Fault::WriteIoError, 1},
        {faultvfs::Fault::WriteIoError, 3}, {faultvfs::Fault::DiskFull, 0},
        {faultvfs::Fault::DiskFull, 2},     {faultvfs::Fault::SyncIoError, 0}};
    for (const auto& [fault, passing] : cases) {
        {
            INFO(faultName(fault), ", after ", passing, " passing calls");
            TempDir dir;
            auto options = optionsAt(dir.file("hall.db"));
            options.vfsName = faultvfs::kName;
            std::string before;
            std::int64_t sizeBefore = 0;
            {
                auto store = openStore(options, at(8, 0));
                accept(store, core::SignIn{1, "s1"}, at(9, 0));
                for (int i = 0; i < 5; ++i)
                    accept(store, issueFor("a"), at(9, 1 + i));
                before = store.engine().fingerprint();
                sizeBefore = store.journalSize();

                std::vector<TimedCommand> batch;
                for (int i = 0; i < 40; ++i)
                    batch.push_back({issueFor("a"), at(9, 10)});
                batch.push_back({core::CallNext{1, false}, at(9, 11)});
                batch.push_back({issueFor("b"), at(9, 12)});
                {
                    Armed armed(fault, passing);
                    CHECK_THROWS_AS(store.executeBatch(batch), StoreError);
                    CHECK(faultvfs::failuresInjected() > 0);
                }
                CHECK(store.engine().fingerprint() == before);
                CHECK(store.journalSize() == sizeBefore);

                // The disk is healthy again: the same store carries on.
                const auto next = accept(store, issueFor("a"), at(9, 20));
                CHECK(store.engine().ticket(*next.ticket)->number == "A006");
                CHECK(store.journalSize() > sizeBefore);
            }
            // Reopened without the fault layer: the failed batch left nothing, the later
            // command is there.
            auto reopened = openStore(optionsAt(dir.file("hall.db")), at(10, 0));
            CHECK(reopened.engine().ticketByNumber("A007") == nullptr);
            CHECK(reopened.engine().ticketByNumber("B001") == nullptr);
            const core::Ticket* a6 = reopened.engine().ticketByNumber("A006");
            REQUIRE(a6 != nullptr);
            CHECK(a6->state == core::TicketState::Waiting);
            CHECK(reopened.engine().ticketByNumber("A001")->state == core::TicketState::Waiting);
        }
    }
}

TEST_CASE("a store that cannot write refuses every command with a StoreError") {
    TempDir dir;
    auto store = openOnFaultLayer(dir);
    const auto before = store.engine().fingerprint();
    Armed armed(faultvfs::Fault::DiskFull, 0);
    for (int i = 0; i < 3; ++i) {
        CHECK_THROWS_AS(store.execute(issueFor("a"), at(9, i)), StoreError);
        CHECK(store.engine().fingerprint() == before);
        CHECK(store.journalSize() == 0);
    }
}

TEST_CASE("a batch is heard once decided, before it is durable; a failed commit still undoes it") {
    TempDir dir;
    auto store = openOnFaultLayer(dir);
    accept(store, core::SignIn{1, "s1"}, at(9, 0));
    accept(store, issueFor("a"), at(9, 1));
    const auto before = store.engine().fingerprint();
    const auto sizeBefore = store.journalSize();

    const std::vector<TimedCommand> call{{core::CallNext{1, false}, at(9, 2)}};
    std::vector<std::string> heard;
    std::int64_t journalWhenHeard = -1;
    const auto listen = [&](const std::vector<core::Event>& events) {
        for (const auto& e : events)
            heard.emplace_back(core::eventName(e.body));
        journalWhenHeard = store.journalSize();
    };
    {
        Armed armed(faultvfs::Fault::SyncIoError, 0);
        CHECK_THROWS_AS(store.executeBatch(call, listen), StoreError);
    }
    // Heard with the engine's new state, while nothing of it was written yet …
    CHECK(heard == std::vector<std::string>{"ticket_called"});
    CHECK(journalWhenHeard == sizeBefore);
    // … and the fsync that failed after it left nothing: the call was never made.
    CHECK(store.engine().fingerprint() == before);
    CHECK(store.journalSize() == sizeBefore);

    // A batch that writes nothing (a refusal) is not heard.
    heard.clear();
    const std::vector<TimedCommand> refused{{core::CallNext{2, false}, at(9, 3)}};
    CHECK_FALSE(store.executeBatch(refused, listen).front().ok());
    CHECK(heard.empty());

    // The disk is healthy again: the call is heard, then committed.
    CHECK(store.executeBatch(call, listen).front().ok());
    CHECK(heard == std::vector<std::string>{"ticket_called"});
    CHECK(journalWhenHeard == sizeBefore);
    CHECK(store.journalSize() == sizeBefore + 1);
}
