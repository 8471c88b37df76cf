// A ticket machine cut off from the controller, issuing from its leased numbers, while its disk
// fails: the citizen is told the ticket could not be issued (no number to print), the app keeps
// running, and once the disk is healthy it issues again — never a number it handed out before,
// every number handed out reported in the outbox.
#include "shared/client/controller_client.h"
#include "shared/client/ticket_issuer.h"
#include "tests/client/terminal_db/terminal_db_fixture.h"
#include "tests/support/qt_event_wait.h"
#include "tests/support/temp_dir.h"

#include <optional>

using namespace terminal_db_test;
using hall::testing::TempDir;
using hall::testing::waitUntil;

namespace {

// Issues one ticket through the issuer and waits for its outcome (the issuer answers from the
// event loop, never from inside issue()).
client::IssueOutcome issueOne(client::TicketIssuer& issuer) {
    std::optional<client::IssueOutcome> outcome;
    issuer.issue("permits", {}, [&](const client::IssueOutcome& o) { outcome = o; });
    REQUIRE(waitUntil([&] { return outcome.has_value(); }, std::chrono::seconds(5)));
    return *outcome;
}

} // namespace

TEST_CASE("offline on a failing disk, the ticket machine refuses the ticket and gives no number "
          "twice") {
    for (const auto& fault : faultCases()) {
        INFO(fault.name);
        TempDir dir("terminal-db-issuer");
        std::set<std::string> handedOut;
        {
            // Never started: the controller is out of reach, every issue takes a leased number.
            client::ControllerClient link;
            link.setDataDir(QString::fromStdString(dir.path().string()));
            REQUIRE(link.lastError().isEmpty());
            client::TicketIssuer issuer;
            issuer.setBusinessDayProvider([] { return std::string(kDay); });
            issuer.setClient(&link);
            issuer.pool().addLease(lease(1, {"A001", "A002", "A003", "A004", "A005", "A006"}), 1);

            const auto first = issueOne(issuer);
            REQUIRE(first.ok);
            CHECK(first.offline);
            handedOut.insert(first.number);
            {
                Armed armed(fault.fault, fault.passing);
                const auto refused = issueOne(issuer);
                CHECK_FALSE(refused.ok);
                CHECK(refused.number.empty());
                CHECK(refused.errorCode == "storage_error");
                CHECK_FALSE(refused.message.empty());
                CHECK(faultvfs::failuresInjected() > 0);
            }
            for (int i = 0; i < 2; ++i) {
                const auto next = issueOne(issuer);
                REQUIRE(next.ok);
                INFO("number ", next.number);
                CHECK(handedOut.insert(next.number).second);
                CHECK(link.outbox().contains(next.requestId));
            }
            checkConsistent(link.database(), link.outbox(), issuer.pool());
        }
        // The app restarted: the numbers handed out are still taken, the rest still free.
        auto db = store::Database::open(dir.file("terminal.db"));
        client::Outbox outbox(db);
        client::LeasePool pool(db, outbox);
        checkConsistent(db, outbox, pool);
        CHECK(pool.issued().size() == handedOut.size());
        CHECK(pool.available("permits", kDay) == 6 - static_cast<int>(handedOut.size()));
    }
}
