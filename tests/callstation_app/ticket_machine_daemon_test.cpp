// The ticket machine in real mode against the real callstationd on loopback: enrolled as a
// ticket machine, it issues online with the hall's own service names; with the controller
// killed it keeps issuing from its leased numbers, and after the restart those tickets are
// reported and placed exactly once.
#include "callstation/app/ticket_machine.h"
#include "shared/client/controller_client.h"
#include "shared/technician/pin_file.h"
#include "shared/ui/app/terminal_app.h"
#include "shared/ui/technician/technician_session.h"
#include "tests/daemon/daemon_process.h"
#include "tests/support/qt_event_wait.h"
#include "tests/support/temp_dir.h"

#include <QCommandLineParser>
#include <QQmlApplicationEngine>
#include <doctest/doctest.h>
#include <fstream>

using hall::callstation::TicketMachine;
using hall::testing::waitUntil;
using Stage = TicketMachine::Stage;
using namespace std::chrono_literals;

TEST_CASE("real controller: online tickets, then leased ones while it is down, placed once") {
    hall::testing::TempDir dir("callstation-daemon");
    hall::testing::DaemonProcess daemon(dir.path() / "controller");
    const auto data = dir.path() / "terminal";
    std::filesystem::create_directories(data);
    { std::ofstream(dir.file("ca.pem")) << daemon.caPem(); }
    const std::string pin = "258147";
    hall::technician::setPin(data / hall::technician::kPinFileName, pin);

    QQmlApplicationEngine engine;
    QCommandLineParser parser;
    hall::ui::TerminalApp::addOptions(parser);
    REQUIRE(parser.parse({QStringLiteral("hall-callstation"), QStringLiteral("--data-dir"),
                          QString::fromStdString(data.string()), QStringLiteral("--ca"),
                          QString::fromStdString(dir.file("ca.pem").string()),
                          QStringLiteral("--controller"),
                          QStringLiteral("localhost:%1").arg(daemon.port())}));
    hall::ui::AppContext context{engine, hall::ui::BackendMode::Real, parser};
    auto* terminal = hall::ui::TerminalApp::create(context);
    REQUIRE(terminal != nullptr);
    auto* client = terminal->controller();
    auto* technician = terminal->technician();
    technician->requestPin();
    technician->submitPin(QString::fromStdString(pin));
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
