// The technician menu's audit trail on a failing disk: an entry terminal.db refused is reported
// as not recorded (an empty id and a warning), never as an exception into the QML that called
// it, and the next entry, once the disk is healthy, goes to the outbox as usual.
#include "shared/client/controller_client.h"
#include "tests/client/terminal_db/terminal_db_fixture.h"
#include "tests/support/temp_dir.h"

using namespace terminal_db_test;
using hall::testing::TempDir;

TEST_CASE("a technician audit entry the disk refused is not recorded, and the app goes on") {
    for (const auto& fault : faultCases()) {
        INFO(fault.name);
        TempDir dir("terminal-db-audit");
        client::ControllerClient link; // never started: the entries wait in the outbox
        link.setDataDir(QString::fromStdString(dir.path().string()));
        REQUIRE(link.lastError().isEmpty());
        {
            Armed armed(fault.fault, fault.passing);
            QString id;
            CHECK_NOTHROW(id = link.auditTechnician(QStringLiteral("menu_opened"),
                                                    QStringLiteral("corner tapped")));
            CHECK(id.isEmpty());
            CHECK(faultvfs::failuresInjected() > 0);
        }
        CHECK(link.outboxSize() == 0);
        const QString id = link.auditTechnician(QStringLiteral("menu_opened"), {});
        REQUIRE_FALSE(id.isEmpty());
        CHECK(link.outbox().contains(id.toStdString()));
        CHECK(link.outboxSize() == 1);
    }
}
