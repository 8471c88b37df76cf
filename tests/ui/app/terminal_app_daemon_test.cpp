// A terminal app (TerminalApp) in real mode against the real callstationd on loopback: a technician opens the
// menu with the PIN, enrolls the terminal with a one-time code through ControllerEnrollment,
// the backend comes online, and a number is issued by the controller.
#include "tests/daemon/daemon_process.h"
#include "shared/client/controller_client.h"
#include "shared/client/ticket_issuer.h"
#include "shared/ui/app/terminal_app.h"
#include "shared/technician/pin_file.h"
#include "shared/technician/pin_gate.h"
#include "shared/ui/technician/technician_session.h"
#include "tests/support/real_terminal.h"

#include <QCommandLineParser>
#include <QQmlApplicationEngine>
#include <QSignalSpy>
#include <doctest/doctest.h>
#include <fstream>

namespace {

// Lets the event loop run until `done` holds, for at most `seconds`.
template <typename Condition> bool waitUntil(Condition done, int seconds = 15) {
    for (int i = 0; i < seconds * 20 && !done(); ++i) {
        QSignalSpy never(QCoreApplication::instance(), &QObject::destroyed);
        never.wait(50);
    }
    return done();
}

} // namespace

TEST_CASE("real mode: enrolled from the technician menu, online, a number from the controller") {
    hall::testing::RealTerminal rig("hall-terminal-app-daemon");
    auto& daemon = rig.daemon;
    auto* client = rig.terminal->controller();
    auto* issuer = rig.terminal->issuer();
    auto* technician = rig.terminal->technician();
    REQUIRE(issuer != nullptr);
    CHECK_FALSE(client->enrolled());
    CHECK(client->connectionStateName() == QStringLiteral("offline"));

    SUBCASE("a wrong code is refused and said so") {
        CHECK(technician->enroll(QStringLiteral("not-a-code")).isEmpty());
        REQUIRE(waitUntil([&] { return !technician->enrolling(); }));
        CHECK(technician->enrollmentMessage().startsWith(QStringLiteral("enrollment refused")));
        CHECK_FALSE(client->enrolled());
    }
    SUBCASE("the right code enrolls, the link comes up and numbers are issued online") {
        const QString code = QString::fromStdString(daemon.enrollmentCode("kiosk-1", "kiosk"));
        CHECK(technician->enroll(code).isEmpty());
        REQUIRE(waitUntil([&] { return !technician->enrolling(); }));
        CHECK(technician->enrollmentMessage() == QStringLiteral("enrolled as kiosk-1 (kiosk)"));
        CHECK(technician->deviceName() == QStringLiteral("kiosk-1"));
        REQUIRE(waitUntil([&] { return client->online(); }));
        CHECK(technician->controllerLink() == QStringLiteral("online"));

        QSignalSpy issued(issuer, &hall::client::TicketIssuer::issued);
        issuer->issue(QStringLiteral("permits"));
        REQUIRE(waitUntil([&] { return issued.count() == 1; }));
        CHECK(issued.at(0).at(1).toString().startsWith(QLatin1Char('A')));
        CHECK(issued.at(0).at(2).toBool() == false);
        // The menu's audit entries (menu_opened, enrolled) went out through the outbox.
        REQUIRE(waitUntil([&] { return client->outboxSize() == 0; }));
    }
}

TEST_CASE("real mode: --enroll enrolls at start-up; a refused code is said and not retried") {
    hall::testing::TempDir dir("hall-terminal-app-enroll");
    hall::testing::DaemonProcess daemon(dir.path() / "controller");
    { std::ofstream(dir.file("ca.pem")) << daemon.caPem(); }
    const auto start = [&](const QString& code, QQmlApplicationEngine& engine,
                           QCommandLineParser& parser) {
        hall::ui::TerminalApp::addOptions(parser);
        REQUIRE(parser.parse({QStringLiteral("hall-terminal"), QStringLiteral("--data-dir"),
                              QString::fromStdString(dir.file("terminal").string()),
                              QStringLiteral("--ca"),
                              QString::fromStdString(dir.file("ca.pem").string()),
                              QStringLiteral("--controller"),
                              QStringLiteral("localhost:%1").arg(daemon.port()),
                              QStringLiteral("--enroll"), code}));
        hall::ui::AppContext context{engine, hall::ui::BackendMode::Real, parser};
        return hall::ui::TerminalApp::create(context);
    };

    SUBCASE("the right code: enrolled and online without the technician menu") {
        QQmlApplicationEngine engine;
        QCommandLineParser parser;
        auto* terminal =
            start(QString::fromStdString(daemon.enrollmentCode("board-1", "call_board", {}, "north")),
                  engine, parser);
        REQUIRE(terminal != nullptr);
        REQUIRE(waitUntil([&] { return terminal->controller()->online(); }));
        CHECK(terminal->backend()->deviceName() == QStringLiteral("board-1"));
    }
    SUBCASE("a wrong code: enrollment refused, the box stays unenrolled") {
        QQmlApplicationEngine engine;
        QCommandLineParser parser;
        auto* terminal = start(QStringLiteral("not-a-code"), engine, parser);
        REQUIRE(terminal != nullptr);
        QSignalSpy refused(terminal->controller(), &hall::client::ControllerClient::enrollmentFailed);
        REQUIRE(waitUntil([&] { return refused.count() == 1; }));
        CHECK_FALSE(terminal->controller()->enrolled());
    }
}
