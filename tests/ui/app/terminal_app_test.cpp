// The terminal apps' composition root (shared/ui/app/terminal_app.h): the mock backend issues
// numbers end to end through TicketIssuer and takes the technician audit; the real mode is
// configured from the command line and the settings file, and refuses a command line it cannot
// start with; QML reaches everything through the typed singleton `Terminal`.
#include "shared/client/controller_client.h"
#include "shared/client/mock_backend.h"
#include "shared/client/ticket_issuer.h"
#include "shared/client/identification_service.h"
#include "shared/ui/app/device_tests.h"
#include "shared/ui/app/technician_adapters.h"
#include "shared/ui/app/terminal_app.h"
#include "shared/technician/settings_file.h"
#include "shared/ui/technician/technician_session.h"
#include "drivers/idcard/twin/sam_reader_twin.h"
#include "tests/drivers/support/idcard_test_support.h"
#include "tests/support/qt_event_wait.h"
#include "tests/support/temp_dir.h"

#include <QCommandLineParser>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQmlComponent>
#include <QSignalSpy>
#include <doctest/doctest.h>
#include <fstream>
#include <memory>

using hall::client::Backend;
using hall::ui::AppContext;
using hall::ui::BackendMode;
using hall::ui::TerminalApp;

namespace {

QString qs(const std::filesystem::path& path) {
    return QString::fromStdString(path.string());
}

// The engine with whatever the hook put on it, for one command line.
struct Started {
    QQmlApplicationEngine engine;
    QCommandLineParser parser;
    TerminalApp* app = nullptr;

    Started(BackendMode mode, QStringList arguments) {
        TerminalApp::addOptions(parser);
        arguments.prepend(QStringLiteral("hall-terminal-app"));
        REQUIRE(parser.parse(arguments));
        AppContext context{engine, mode, parser};
        app = TerminalApp::create(context);
    }
};

// Waits until `spy` has `count` emissions (TicketIssuer answers on a later turn of the loop).
bool waitFor(QSignalSpy& spy, int count = 1) {
    for (int i = 0; i < 50 && spy.count() < count; ++i)
        spy.wait(100);
    return spy.count() >= count;
}

} // namespace

TEST_CASE("mock: the backend, issuer and technician session reach QML; a number is issued") {
    Started started(BackendMode::Mock, {});
    REQUIRE(started.app != nullptr);
    CHECK(TerminalApp::of(started.engine) == started.app);
    auto* backend = qobject_cast<hall::client::MockBackend*>(started.app->backend());
    auto* issuer = started.app->issuer();
    auto* technician = started.app->technician();
    REQUIRE(backend != nullptr);
    CHECK(started.app->mock());
    REQUIRE(started.app->identification() != nullptr);
    CHECK_FALSE(started.app->identification()->hasPerson());
    REQUIRE(issuer != nullptr);
    REQUIRE(technician != nullptr);
    CHECK(issuer->client() == backend);
    CHECK(backend->connectionStateName() == QStringLiteral("online"));
    CHECK(technician->deviceName() == QStringLiteral("mock"));
    CHECK(technician->controllerLink() == QStringLiteral("online"));

    const auto& services = backend->state().snapshot().queues.services;
    REQUIRE(!services.empty());
    const QString service = QString::fromStdString(services.front().serviceId);
    const int waitingBefore = services.front().waiting;

    QSignalSpy issued(issuer, &hall::client::TicketIssuer::issued);
    issuer->issue(service);
    REQUIRE(waitFor(issued));
    CHECK(issued.at(0).at(0).toString() == service);
    CHECK(!issued.at(0).at(1).toString().isEmpty());
    CHECK(issued.at(0).at(2).toBool() == false);
    CHECK(backend->state().snapshot().queues.services.front().waiting == waitingBefore + 1);

    // A lost link (the mock retries, as a client would): the banner and the menu show it, and
    // the mock has no leases to issue from, which the failure says.
    backend->setSimulatedOnline(false);
    CHECK(backend->connectionStateName() == QStringLiteral("reconnecting"));
    CHECK(technician->controllerLink() == QStringLiteral("reconnecting"));
    QSignalSpy failed(issuer, &hall::client::TicketIssuer::issueFailed);
    issuer->issue(service);
    REQUIRE(waitFor(failed));
    CHECK(failed.at(0).at(1).toString() == QStringLiteral("no_leased_numbers"));
}

TEST_CASE("QML reaches the composition root as the typed singleton Terminal") {
    Started started(BackendMode::Mock, {});
    REQUIRE(started.app != nullptr);
    started.engine.addImportPath(QStringLiteral("qrc:/"));
    QQmlComponent component(&started.engine);
    component.setData(R"(
        import QtQml
        import Hall.App
        QtObject {
            property bool mock: Terminal.mock
            property string link: Terminal.backend.connectionStateName
            property QtObject issuer: Terminal.issuer
            property QtObject technician: Terminal.technician
            property bool hasPerson: Terminal.identification.hasPerson
            // The gallery's link switch: a property of the mock, not of Backend.
            function dropLink() { Terminal.backend.simulatedOnline = false }
        }
    )",
                      QUrl(QStringLiteral("terminal_probe.qml")));
    std::unique_ptr<QObject> probe(component.create());
    INFO(component.errorString().toStdString());
    REQUIRE(probe != nullptr);
    CHECK(probe->property("mock").toBool());
    CHECK(probe->property("link").toString() == QStringLiteral("online"));
    CHECK(probe->property("issuer").value<QObject*>() == started.app->issuer());
    CHECK(probe->property("technician").value<QObject*>() == started.app->technician());
    CHECK_FALSE(probe->property("hasPerson").toBool());
    REQUIRE(QMetaObject::invokeMethod(probe.get(), "dropLink"));
    CHECK_FALSE(started.app->backend()->online());
    CHECK(probe->property("link").toString() == QStringLiteral("reconnecting"));
}

TEST_CASE("Backend names its connection state as the OfflineBanner does") {
    using State = Backend::ConnectionState;
    CHECK(Backend::nameOf(State::Online) == QStringLiteral("online"));
    CHECK(Backend::nameOf(State::Connecting) == QStringLiteral("connecting"));
    CHECK(Backend::nameOf(State::Reconnecting) == QStringLiteral("reconnecting"));
    CHECK(Backend::nameOf(State::Offline) == QStringLiteral("offline"));
}

TEST_CASE("the audit sink queues a technician_audit on the backend") {
    hall::client::MockBackend backend;
    hall::ui::BackendAuditSink sink(backend);
    QSignalSpy answered(&backend, &Backend::durableAnswered);
    sink.record({hall::technician::AuditAction::MenuOpened, "", std::chrono::system_clock::now()});
    REQUIRE(waitFor(answered));
    CHECK(answered.at(0).at(1).toBool());
    // Held while the link is down, sent when it returns.
    backend.setSimulatedOnline(false);
    sink.record({hall::technician::AuditAction::PinRejected, "4 attempts left",
                 std::chrono::system_clock::now()});
    CHECK(backend.outboxSize() == 1);
    backend.setSimulatedOnline(true);
    REQUIRE(waitFor(answered, 2));
    CHECK(backend.outboxSize() == 0);
}

TEST_CASE("without a controller, enrollment and device tests say why they cannot run") {
    hall::ui::ControllerlessEnrollment enrollment;
    std::optional<hall::technician::EnrollmentResult> result;
    enrollment.enroll("123456", [&](hall::technician::EnrollmentResult r) { result = r; });
    REQUIRE(result.has_value());
    CHECK(!result->ok);
    CHECK(result->message.find("needs a controller") != std::string::npos);
    CHECK(result->message.find("123456") == std::string::npos);

    hall::ui::MockDeviceTests tests;
    hall::technician::DeviceSetting printer;
    printer.kind = hall::drivers::DeviceKind::TicketPrinter;
    printer.driver = "printer.escpos-tcp";
    const auto outcome = tests.run(hall::technician::DeviceTest::PrintTicket, printer);
    CHECK(!outcome.ok);
    CHECK(outcome.message.find("print_test on ticket_printer (printer.escpos-tcp)") !=
          std::string::npos);
    CHECK(outcome.message.find("no hardware") != std::string::npos);
}

TEST_CASE("real mode's device tests drive the device, with the build's voice pack") {
    // No sound card by that name: the announcer, having loaded the pack, reports ALSA's refusal
    // (a runner without a pack would say "no voice pack" before touching ALSA).
    const auto tests = hall::ui::makeHardwareDeviceTests("terminal-app-test");
    hall::technician::DeviceSetting announcer;
    announcer.kind = hall::drivers::DeviceKind::Announcer;
    announcer.driver = "announcer.alsa";
    announcer.transport = hall::drivers::Transport::Audio;
    announcer.address = "hw:CARD=HallNoSuchCard";
    const auto outcome = tests->run(hall::technician::DeviceTest::PlayAnnouncement, announcer);
    CHECK(!outcome.ok);
    CHECK(outcome.message.rfind("sound device hw:CARD=HallNoSuchCard did not answer: ", 0) == 0);
}

TEST_CASE("real mode: data directory, hall CA and a controller address are required") {
    hall::testing::TempDir dir("hall-terminal-app");
    const QString data = qs(dir.file("data"));
    const QString ca = qs(dir.file("ca.pem"));
    { std::ofstream(dir.file("ca.pem")) << "-----BEGIN CERTIFICATE-----\n"; }
    CHECK(Started(BackendMode::Real, {}).app == nullptr);
    CHECK(Started(BackendMode::Real, {QStringLiteral("--data-dir"), data}).app == nullptr);
    CHECK(Started(BackendMode::Real, {QStringLiteral("--data-dir"), data, QStringLiteral("--ca"),
                                      qs(dir.file("missing.pem"))})
              .app == nullptr);
    CHECK(
        Started(BackendMode::Real, {QStringLiteral("--data-dir"), data, QStringLiteral("--ca"), ca,
                                    QStringLiteral("--controller"), QStringLiteral("no port")})
            .app == nullptr);

    SUBCASE("--controller wins") {
        Started started(BackendMode::Real,
                        {QStringLiteral("--data-dir"), data, QStringLiteral("--ca"), ca,
                         QStringLiteral("--controller"), QStringLiteral("callstation.test:8443")});
        REQUIRE(started.app != nullptr);
        auto* client = qobject_cast<hall::client::ControllerClient*>(started.app->backend());
        REQUIRE(client != nullptr);
        CHECK(client->host() == QStringLiteral("callstation.test"));
        CHECK(client->port() == 8443);
        CHECK(client->dataDir() == data);
        // Not enrolled: the client stays offline and the menu says why.
        CHECK(client->connectionStateName() == QStringLiteral("offline"));
        auto* technician = started.app->technician();
        CHECK(technician->controllerLink().contains(QStringLiteral("not enrolled")));
    }
    SUBCASE("else the technician settings file names the controller") {
        hall::technician::TerminalSettings settings;
        settings.controllerAddress = "10.0.0.7:9443";
        std::filesystem::create_directories(dir.file("data"));
        hall::technician::writeSettingsFile(dir.file("data") / hall::technician::kSettingsFileName,
                                            settings);
        Started started(BackendMode::Real,
                        {QStringLiteral("--data-dir"), data, QStringLiteral("--ca"), ca});
        REQUIRE(started.app != nullptr);
        auto* client = qobject_cast<hall::client::ControllerClient*>(started.app->backend());
        REQUIRE(client != nullptr);
        CHECK(client->host() == QStringLiteral("10.0.0.7"));
        CHECK(client->port() == 9443);
    }
    SUBCASE("with neither, the app starts offline and the menu asks for an address") {
        Started started(BackendMode::Real,
                        {QStringLiteral("--data-dir"), data, QStringLiteral("--ca"), ca});
        REQUIRE(started.app != nullptr);
        auto* technician = started.app->technician();
        CHECK(technician->controllerLink().contains(QStringLiteral("no controller address")));
    }
}

TEST_CASE("real mode opens the devices the settings name; a lost one is a fault") {
    hall::testing::TempDir dir("hall-terminal-app-devices");
    hall::drivers::idcard::SamReaderTwin twin(dir.file("ttyIDCARD"));
    twin.start();
    // The settings file takes serial ports under /dev/ only: the twin's pty itself.
    hall::technician::TerminalSettings settings;
    settings.devices.push_back({hall::drivers::DeviceKind::IdCardReader, "idcard.sam-serial",
                                hall::drivers::Transport::Serial,
                                std::filesystem::canonical(twin.link()).string(), 115200});
    settings.devices.push_back({hall::drivers::DeviceKind::CodeScanner, "scanner.serial",
                                hall::drivers::Transport::Serial, "/dev/ttyHallNoSuchScanner",
                                9600});
    // Nothing answers there: the printer is lost.
    settings.devices.push_back({hall::drivers::DeviceKind::TicketPrinter, "printer.escpos-tcp",
                                hall::drivers::Transport::Tcp, "127.0.0.1:9", std::nullopt});
    std::filesystem::create_directories(dir.file("data"));
    hall::technician::writeSettingsFile(dir.file("data") / hall::technician::kSettingsFileName,
                                        settings);
    { std::ofstream(dir.file("ca.pem")) << "-----BEGIN CERTIFICATE-----\n"; }

    Started started(BackendMode::Real, {QStringLiteral("--data-dir"), qs(dir.file("data")),
                                        QStringLiteral("--ca"), qs(dir.file("ca.pem"))});
    REQUIRE(started.app != nullptr);
    auto* identification = started.app->identification();
    auto* backend = started.app->backend();
    const auto stateOf = [&](const char* source) {
        for (const auto& device : identification->devices())
            if (device.toMap()[QStringLiteral("source")].toString() == QLatin1String(source))
                return device.toMap()[QStringLiteral("state")].toString();
        return QString();
    };
    CHECK(identification->devices().size() == 2);
    REQUIRE(hall::testing::waitUntil([&] { return stateOf("id_card") == QStringLiteral("opened"); }));
    REQUIRE(hall::testing::waitUntil([&] { return stateOf("qr_code") == QStringLiteral("lost"); }));
    REQUIRE(hall::testing::waitUntil([&] {
        return started.app->printing()->state() == hall::client::TicketPrinting::State::Lost;
    }));
    auto faults = backend->faults();
    faults.sort();
    CHECK(faults == QStringList{QStringLiteral("printer_error"), QStringLiteral("scanner_unplugged")});

    twin.insert(hall::testing::residentCard("王秀兰", "110101194403050025"));
    REQUIRE(hall::testing::waitUntil([&] { return identification->hasPerson(); }));
    CHECK(identification->person().idNumber == QStringLiteral("110101********0025"));

    // The technician drops the scanner and the printer: the devices are opened anew, and their
    // faults are gone.
    settings.devices.erase(settings.devices.begin() + 1, settings.devices.end());
    hall::technician::writeSettingsFile(dir.file("data") / hall::technician::kSettingsFileName,
                                        settings);
    Q_EMIT started.app->technician()->settingsChanged();
    CHECK(identification->devices().size() == 1);
    CHECK(backend->faults().isEmpty());
}

TEST_CASE("--demo-clock: the screens' clock starts at the given time and runs faster") {
    CHECK(Started(BackendMode::Mock, {QStringLiteral("--demo-clock"), QStringLiteral("25:00@10")})
              .app == nullptr);
    Started started(BackendMode::Mock, {QStringLiteral("--demo-clock"), QStringLiteral("10:00@600")});
    REQUIRE(started.app != nullptr);
    const QDateTime first = started.app->clock()->now();
    CHECK(first.date() == QDate::currentDate());
    CHECK(first.time() >= QTime(10, 0));
    CHECK(first.time() < QTime(10, 5));
    QSignalSpy ticked(started.app->clock(), &hall::client::HallClock::ticked);
    REQUIRE(waitFor(ticked, 2));
    // Two ticks of at least a hall second each, and the box's own clock is far behind.
    CHECK(first.secsTo(started.app->clock()->now()) >= 2);
}

TEST_CASE("--enroll needs --controller") {
    hall::testing::TempDir dir("hall-terminal-app-enroll-flag");
    { std::ofstream(dir.file("ca.pem")) << "-----BEGIN CERTIFICATE-----\n"; }
    CHECK(Started(BackendMode::Real,
                  {QStringLiteral("--data-dir"), qs(dir.file("data")), QStringLiteral("--ca"),
                   qs(dir.file("ca.pem")), QStringLiteral("--enroll"), QStringLiteral("ABCD-1234")})
              .app == nullptr);
}
