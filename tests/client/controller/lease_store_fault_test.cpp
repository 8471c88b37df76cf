// A lease the controller granted but the ticket machine's disk refused to store: the app keeps
// running, and the next replenish asks under the same request id, so the controller answers with
// the same block instead of reserving a second one (whose numbers nobody would ever issue).
#include "shared/client/ticket_issuer.h"
#include "tests/client/controller/daemon_fixture.h"
#include "tests/support/fault_vfs.h"
#include "tests/support/qt_event_wait.h"

#include <doctest/doctest.h>

using namespace client_test;
using namespace hall::testing;
using hall::client::IssueOutcome;
using hall::client::TicketIssuer;

TEST_CASE("a lease the disk refused to store is asked for again under the same id") {
    // terminal.db is opened without naming a VFS: put it on the fault-injecting one.
    faultvfs::installAsDefault();
    DaemonHall hall;
    auto client = hall.client("machine");
    client->enroll(hall.code("machine-1", "ticket_machine"));
    REQUIRE(waitUntil([&] { return client->online(); }, 15s));
    TicketIssuer issuer;
    issuer.setClient(client.get());
    issuer.setBlockSize(5);

    int granted = 0;
    QObject::connect(&issuer, &TicketIssuer::leaseGranted, [&] { ++granted; });
    {
        faultvfs::arm(faultvfs::Fault::DiskFull, 0);
        issuer.setServices({QStringLiteral("permits")}); // asks for a lease at once
        const bool struck = waitUntil([] { return faultvfs::failuresInjected() > 0; }, 10s);
        spin(200ms); // the answer's handler has finished
        faultvfs::disarm();
        REQUIRE(struck);
    }
    CHECK(granted == 0);
    CHECK(issuer.available("permits") == 0);

    issuer.replenish();
    REQUIRE(waitUntil([&] { return issuer.available("permits") == 5; }, 10s));
    CHECK(granted == 1);

    // One block of five was reserved, not two: the controller's next number follows it.
    std::optional<IssueOutcome> online;
    issuer.issue("permits", {}, [&](const IssueOutcome& o) { online = o; });
    REQUIRE(waitUntil([&] { return online.has_value(); }, 15s));
    REQUIRE(online->ok);
    CHECK_FALSE(online->offline);
    CHECK(online->number == "A006");
}
