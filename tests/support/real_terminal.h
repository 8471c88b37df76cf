#pragma once
// A terminal app in real mode against the real callstationd on loopback, ready for a test to
// enroll it: the controller started, the terminal's data directory with the hall CA and a
// technician PIN, TerminalApp created from the command line an app gets, and the technician
// menu opened with that PIN. The test enrols with a code of its choice.

#include "shared/technician/pin_file.h"
#include "shared/ui/app/terminal_app.h"
#include "shared/ui/technician/technician_session.h"
#include "tests/daemon/daemon_process.h"
#include "tests/support/temp_dir.h"

#include <QCommandLineParser>
#include <QQmlApplicationEngine>
#include <doctest/doctest.h>
#include <fstream>
#include <string>

namespace hall::testing {

struct RealTerminal {
    static constexpr const char* kPin = "258147";

    TempDir dir;
    DaemonProcess daemon;
    QQmlApplicationEngine engine;
    QCommandLineParser parser;
    ui::TerminalApp* terminal = nullptr;

    // `extraConfig` is appended to the controller's test hall (bus lines, policies).
    explicit RealTerminal(const std::string& dirName, const std::string& extraConfig = {})
        : dir(dirName), daemon(dir.path() / "controller", extraConfig) {
        const auto data = dir.path() / "terminal";
        std::filesystem::create_directories(data);
        { std::ofstream(dir.file("ca.pem")) << daemon.caPem(); }
        technician::setPin(data / technician::kPinFileName, kPin);
        ui::TerminalApp::addOptions(parser);
        REQUIRE(parser.parse({QStringLiteral("hall-terminal"), QStringLiteral("--data-dir"),
                              QString::fromStdString(data.string()), QStringLiteral("--ca"),
                              QString::fromStdString(dir.file("ca.pem").string()),
                              QStringLiteral("--controller"),
                              QStringLiteral("localhost:%1").arg(daemon.port())}));
        ui::AppContext context{engine, ui::BackendMode::Real, parser};
        terminal = ui::TerminalApp::create(context);
        REQUIRE(terminal != nullptr);
        REQUIRE(terminal->controller() != nullptr);
        terminal->technician()->requestPin();
        terminal->technician()->submitPin(QString::fromLatin1(kPin));
        REQUIRE(terminal->technician()->state() ==
                technician::ui::TechnicianSession::State::Open);
    }
};

} // namespace hall::testing
