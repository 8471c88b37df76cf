// The ticket machine in real mode against the real callstationd on loopback: enrolled as a
// ticket machine, it issues online with the hall's own service names; with the controller
// killed it keeps issuing from its leased numbers, and after the restart those tickets are
// reported and placed exactly once.
#include "callstation/app/ticket_machine.h"
#include "shared/client/controller_client.h"
#include "shared/ui/app/terminal_app.h"
#include "tests/support/qt_event_wait.h"
#include "tests/support/real_terminal.h"

#include <doctest/doctest.h>

using hall::callstation::TicketMachine;
using hall::testing::waitUntil;
using Stage = TicketMachine::Stage;
using namespace std::chrono_literals;

TEST_CASE("real controller: online tickets, then leased ones while it is down, placed once") {
    hall::testing::RealTerminal rig("callstation-daemon");
    auto& daemon = rig.daemon;
    auto* terminal = rig.terminal;
    auto* client = terminal->controller();
    auto* technician = terminal->technician();
    REQUIRE(technician->enroll(QString::fromStdString(
                daemon.enrollmentCode("tm-1", "ticket_machine"))).isEmpty());
    REQUIRE(waitUntil([&] { return client->online(); }, 20s));

    terminal->issuer()->setServices({QStringLiteral("permits")});
    TicketMachine machine;
    machine.setIssuer(terminal->issuer());
    machine.setPrinting(terminal->printing()); // none configured: the screen is the ticket
    REQUIRE(waitUntil([&] { return terminal->issuer()->available("permits") > 0; }, 20s));

    // Online: numbered by the controller, with the hall's name for the service.
    machine.choose(QStringLiteral("permits"));
    REQUIRE(waitUntil([&] { return machine.stage() == Stage::Showing; }));
    CHECK_FALSE(machine.offline());
    CHECK(machine.ahead() == 0);
    CHECK(machine.serviceName() != QStringLiteral("permits")); // the configured Chinese name
    CHECK(machine.ticketCode().startsWith(QStringLiteral("hall-ticket:")));
    CHECK(machine.printState() == TicketMachine::PrintState::NotPrinted);
    const QString online = machine.number();
    machine.finish();

    // The controller goes away: the machine keeps issuing, from its leased numbers.
    daemon.kill();
    REQUIRE(waitUntil([&] { return !client->online(); }, 20s));
    machine.choose(QStringLiteral("permits"));
    REQUIRE(waitUntil([&] { return machine.stage() == Stage::Showing; }));
    CHECK(machine.offline());
    CHECK(machine.number() != online);
    CHECK(machine.ticketCode().contains(QStringLiteral("tm-1/permits/")));
    machine.finish();

    // Back: the leased ticket is reported from the outbox and placed in line, once.
    daemon.start();
    client->setPort(daemon.port()); // the test's daemon listens on a fresh port after a restart
    REQUIRE(waitUntil([&] { return client->online() && client->outboxSize() == 0; }, 30s));
    CHECK(daemon.status()["queues"]["services"][0]["waiting"] == 2);
}
