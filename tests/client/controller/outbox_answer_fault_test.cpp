// An answer the terminal's disk refuses to record: the outbox entry stays and goes again under
// its id, which the controller answers with its first answer and executes only once; the app
// hears the answer once, when it is recorded, and the client keeps running throughout.
#include "tests/client/controller/daemon_fixture.h"
#include "tests/support/fault_vfs.h"
#include "tests/support/qt_event_wait.h"

#include <doctest/doctest.h>

using namespace client_test;
using namespace hall::testing;
using hall::client::Backend;

TEST_CASE("an answer terminal.db cannot record keeps its entry, sent again under its id") {
    // terminal.db is opened without naming a VFS: put it on the fault-injecting one.
    faultvfs::installAsDefault();
    DaemonHall hall;
    auto client = hall.client("kiosk");
    // Written before the terminal ever connected: it waits in the outbox.
    const QString id =
        client->auditTechnician(QStringLiteral("menu_opened"), QStringLiteral("corner tapped"));
    REQUIRE_FALSE(id.isEmpty());
    int answered = 0;
    QObject::connect(client.get(), &Backend::durableAnswered,
                     [&](const QString& answeredId, bool ok, const QString&, const QString&) {
                         if (answeredId == id && ok) ++answered;
                     });
    {
        faultvfs::arm(faultvfs::Fault::DiskFull, 0);
        client->enroll(hall.code("kiosk-7", "kiosk"));
        // Replayed and answered, but the completion cannot be written: sent again, and again.
        const bool struck = waitUntil([] { return faultvfs::failuresInjected() >= 2; }, 15s);
        CHECK(client->outboxSize() == 1);
        CHECK(answered == 0);
        faultvfs::disarm();
        REQUIRE(struck);
    }
    REQUIRE(waitUntil([&] { return client->outboxSize() == 0; }, 10s));
    CHECK(answered == 1);

    // However often it was sent, the controller wrote one audit row for it.
    const auto reply = hall.daemon.admin().get("/api/v1/audit?limit=100");
    REQUIRE(reply.ok());
    const auto audit = nlohmann::json::parse(reply.body);
    int rows = 0;
    for (const auto& entry : audit.at("entries"))
        if (entry["action"] == "technician_menu_opened" && entry["actor"] == "kiosk-7") ++rows;
    CHECK(rows == 1);
}
