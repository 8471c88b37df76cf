#include "shared/ui/app/terminal_app.h"

#include "drivers/base/device_kinds.h"
#include "drivers/kinds/device_factory.h"
#include "shared/client/controller_client.h"
#include "shared/client/hall_clock.h"
#include "shared/client/identification_service.h"
#include "shared/client/mock_backend.h"
#include "shared/client/ticket_issuer.h"
#include "shared/technician/host_port.h"
#include "shared/technician/pin_file.h"
#include "shared/technician/settings_file.h"
#include "shared/terminal/identification_source.h"
#include "shared/ui/app/demo_portraits.h"
#include "shared/ui/app/device_tests.h"
#include "shared/ui/app/run_app.h"
#include "shared/ui/app/technician_adapters.h"
#include "shared/ui/technician/technician_session.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJSEngine>
#include <QLoggingCategory>
#include <QQmlApplicationEngine>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <optional>
#include <stdexcept>

Q_LOGGING_CATEGORY(lcTerminal, "hall.terminal")

namespace hall::ui {

namespace {

const QString dataDirOption = QStringLiteral("data-dir");
const QString controllerOption = QStringLiteral("controller");
const QString caOption = QStringLiteral("ca");
const QString enrollOption = QStringLiteral("enroll");
const QString demoClockOption = QStringLiteral("demo-clock");

QString fromStd(const std::string& text) {
    return QString::fromStdString(text);
}

} // namespace

void TerminalApp::addOptions(QCommandLineParser& parser) {
    parser.addOption({dataDirOption,
                      QStringLiteral("The terminal's data directory: enrollment, outbox, "
                                     "technician PIN and settings (required without --mock)."),
                      QStringLiteral("dir")});
    parser.addOption({controllerOption,
                      QStringLiteral("The controller as host:port (default: the address in "
                                     "<data-dir>/terminal-settings.toml)."),
                      QStringLiteral("host:port")});
    parser.addOption({caOption,
                      QStringLiteral("The hall CA certificate (PEM) the controller's certificate "
                                     "must chain to (required without --mock)."),
                      QStringLiteral("file")});
    parser.addOption({enrollOption,
                      QStringLiteral("Enroll with this one-time code at start-up unless the box is "
                                     "enrolled already (provisioning without the technician menu; "
                                     "needs --controller). A refused code ends the app with "
                                     "status 1."),
                      QStringLiteral("code")});
    parser.addOption(
        {demoClockOption,
         QStringLiteral("Demonstrations only: the clock the screens show starts today at "
                        "HH:MM[:SS] (at the real instant UNIX_MS when given) and runs "
                        "SPEED times faster, as callstationd's --demo-clock."),
         QStringLiteral("HH:MM[:SS]@SPEED[@UNIX_MS]")});
}

TerminalApp::TerminalApp(QObject* parent) : QObject(parent) {}

TerminalApp::~TerminalApp() = default;

TerminalApp* TerminalApp::create(AppContext& app, const TerminalSpec& spec) {
    auto* terminal = new TerminalApp(&app.engine);
    QString error;
    const bool ready = terminal->setUpClock(app, error) &&
                       (app.backend == BackendMode::Mock ? terminal->setUpMock(app, error)
                                                         : terminal->setUpReal(app, error));
    if (!ready) {
        QTextStream(stderr) << QCoreApplication::applicationName() << ": " << error << '\n';
        delete terminal;
        return nullptr;
    }
    terminal->issuer_ = new client::TicketIssuer(terminal);
    terminal->issuer_->setClient(terminal->backend_);
    terminal->identification_ = new client::IdentificationService(terminal);
    terminal->printing_ = new client::TicketPrinting(terminal);
    terminal->keypads_ = new client::KeypadInput(terminal);
    terminal->signage_ =
        new client::SignagePlayer(terminal->backend_, terminal->dataDir_ / "content", terminal);
    terminal->signage_->setClock([clock = terminal->clock_] { return clock->timestamp(); });
    terminal->deviceKinds_ = spec.deviceKinds;
    terminal->setUpTechnician(spec);
    if (terminal->controller_) {
        terminal->connectController();
        terminal->openDevices();
    }
    return terminal;
}

TerminalApp* TerminalApp::of(QQmlEngine& engine) {
    return engine.findChild<TerminalApp*>(QString(), Qt::FindDirectChildrenOnly);
}

TerminalApp* TerminalApp::create(QQmlEngine* engine, QJSEngine*) {
    TerminalApp* terminal = engine ? of(*engine) : nullptr;
    // The engine must not delete it with the singleton: the engine itself is its parent.
    if (terminal) QJSEngine::setObjectOwnership(terminal, QJSEngine::CppOwnership);
    return terminal;
}

bool TerminalApp::setUpClock(const AppContext& app, QString& error) {
    const QString demo = app.commandLine.value(demoClockOption);
    if (demo.isEmpty()) {
        clock_ = new client::HallClock(this);
        return true;
    }
    const auto parsed = core::parseDemoClock(demo.toStdString());
    if (!parsed) {
        error =
            QStringLiteral("--demo-clock %1: expected HH:MM[:SS]@SPEED[@UNIX_MS], e.g. 08:20@1200 "
                           "(speed 1 … 100000)")
                .arg(demo);
        return false;
    }
    clock_ = new client::HallClock(*parsed, this);
    return true;
}

bool TerminalApp::useDataDir(const QString& dir, QString& error) {
    if (!QDir().mkpath(dir)) {
        error = QStringLiteral("cannot create the data directory %1").arg(dir);
        return false;
    }
    dataDir_ = std::filesystem::path(QDir(dir).absolutePath().toStdString());
    return true;
}

bool TerminalApp::setUpMock(const AppContext& app, QString& error) {
    // The mock keeps nothing of the hall, but the technician menu's PIN and settings are real
    // files: in --data-dir when given (so a PIN set with hall-technician-pin opens the menu),
    // else in a directory that goes with the process.
    QString dir = app.commandLine.value(dataDirOption);
    if (dir.isEmpty()) {
        temporaryDataDir_ = std::make_unique<QTemporaryDir>();
        if (!temporaryDataDir_->isValid()) {
            error = QStringLiteral("cannot create a temporary data directory: %1")
                        .arg(temporaryDataDir_->errorString());
            return false;
        }
        dir = temporaryDataDir_->path();
    }
    if (!useDataDir(dir, error)) return false;
    auto* mock = new client::MockBackend(this);
    // The screens show the mock hall's time (its day starts at 10:00), so that waits and
    // serving times read as the hall's — unless a demo clock was asked for.
    if (app.commandLine.value(demoClockOption).isEmpty()) {
        delete clock_;
        clock_ = new client::HallClock([mock] { return mock->now(); }, this);
    }
    mock->playMorning(); // staffed windows, people waiting, calls: a hall worth looking at
    addDemoPortraits(*mock);
    backend_ = mock;
    enrollment_ = std::make_unique<ControllerlessEnrollment>();
    deviceTests_ = std::make_unique<MockDeviceTests>();
    return true;
}

bool TerminalApp::setUpReal(const AppContext& app, QString& error) {
    const QString dir = app.commandLine.value(dataDirOption);
    if (dir.isEmpty()) {
        error = QStringLiteral("--data-dir DIR is required (or run with --mock)");
        return false;
    }
    if (!useDataDir(dir, error)) return false;

    const QString caFile = app.commandLine.value(caOption);
    if (caFile.isEmpty()) {
        error = QStringLiteral("--ca FILE (the hall CA, PEM) is required (or run with --mock)");
        return false;
    }
    QFile ca(caFile);
    if (!ca.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("cannot read the hall CA %1: %2").arg(caFile, ca.errorString());
        return false;
    }
    const QString caPem = QString::fromLatin1(ca.readAll());

    // A bad --controller is a mistake on the command line: refuse to start.
    const QString address = app.commandLine.value(controllerOption);
    std::optional<technician::HostPort> hostPort;
    if (!address.isEmpty()) {
        auto parsed = technician::parseHostPort(address.toStdString());
        if (const auto* why = std::get_if<std::string>(&parsed)) {
            error = QStringLiteral("--controller %1: %2").arg(address, fromStd(*why));
            return false;
        }
        hostPort = std::get<technician::HostPort>(std::move(parsed));
    }
    enrollCode_ = app.commandLine.value(enrollOption).trimmed();
    if (!enrollCode_.isEmpty() && !hostPort) {
        error = QStringLiteral("--enroll needs --controller HOST:PORT");
        return false;
    }

    controller_ = new client::ControllerClient(this);
    backend_ = controller_;
    controller_->setCaPem(caPem);
    controller_->setDataDir(dir);
    if (controller_->dataDir().isEmpty()) {
        error = controller_->lastError();
        return false;
    }
    if (hostPort) {
        controller_->setHost(fromStd(hostPort->host));
        controller_->setPort(hostPort->port);
        addressFromCommandLine_ = true;
    }
    enrollment_ = std::make_unique<ControllerEnrollment>(*controller_);
    deviceTests_ = makeHardwareDeviceTests(QCoreApplication::applicationName().toStdString());
    return true;
}

void TerminalApp::connectController() {
    connect(technician_.get(), &technician::ui::TechnicianSession::settingsChanged, this,
            &TerminalApp::followControllerAddress);
    connect(technician_.get(), &technician::ui::TechnicianSession::settingsChanged, this,
            &TerminalApp::openDevices);
    connect(identification_, &client::IdentificationService::devicesChanged, this, [this] {
        backend_->setFaultsOf(QStringLiteral("identification"), identification_->faults());
    });
    connect(printing_, &client::TicketPrinting::faultsChanged, this,
            [this] { backend_->setFaultsOf(QStringLiteral("printer"), printing_->faults()); });
    connect(controller_, &client::ControllerClient::lastErrorChanged, this,
            &TerminalApp::showLinkInTechnicianMenu);
    if (addressFromCommandLine_) {
        enrollOrStart();
        showLinkInTechnicianMenu();
    } else {
        followControllerAddress(); // from the settings file, if it names one
    }
}

void TerminalApp::enrollOrStart() {
    if (enrollCode_.isEmpty() || controller_->enrolled()) {
        controller_->start();
        return;
    }
    // A provisioning script waits on the exit status: a refused code is not retried.
    connect(controller_, &client::ControllerClient::enrollmentFailed, this,
            [](const QString& code, const QString& message) {
                QTextStream(stderr) << QCoreApplication::applicationName()
                                    << ": enrollment refused (" << code << "): " << message << '\n';
                QCoreApplication::exit(1);
            });
    controller_->enroll(enrollCode_);
}

void TerminalApp::openDevices() {
    identification_->removeDevices();
    printing_->setDevice(nullptr);
    keypads_->setDevice(nullptr);
    technician::TerminalSettings settings;
    try {
        settings = technician::readSettingsFile(dataDir_ / technician::kSettingsFileName);
    } catch (const technician::SettingsError&) {
        return; // the technician menu says what is wrong with the file
    }
    for (const auto& setting : settings.devices) {
        const bool driven = deviceKinds_.empty() ||
                            std::ranges::find(deviceKinds_, setting.kind) != deviceKinds_.end();
        const bool identifies = client::sourceOf(setting.kind).has_value();
        const bool prints = setting.kind == drivers::DeviceKind::TicketPrinter;
        const bool keys = setting.kind == drivers::DeviceKind::Keypad;
        if (!driven || (!identifies && !prints && !keys)) continue;
        drivers::DeviceSinks sinks;
        if (prints) {
            sinks.events = printing_->eventSink();
            sinks.tickets = printing_->jobSink();
        } else if (keys) {
            sinks.events = keypads_->eventSink();
            sinks.keys = keypads_->keySink();
        } else {
            sinks.events = identification_->eventSink();
            sinks.idCards = identification_->idCardHandler();
            sinks.socialSecurityCards = identification_->socialSecurityCardHandler();
            sinks.codes = identification_->codeHandler();
        }
        try {
            auto device = drivers::makeDevice(setting, std::move(sinks));
            if (prints)
                printing_->setDevice(std::move(device));
            else if (keys)
                keypads_->setDevice(std::move(device));
            else
                identification_->addDevice(std::move(device));
        } catch (const std::invalid_argument& e) {
            // A setting the driver cannot use: the device stays closed, and its test in the
            // technician menu says the same.
            qCWarning(lcTerminal).noquote() << drivers::kindKey(setting.kind).data() << e.what();
        }
    }
}

void TerminalApp::setUpTechnician(const TerminalSpec& spec) {
    audit_ = std::make_unique<BackendAuditSink>(*backend_);
    technician::ui::TechnicianConfig config;
    config.pinFile = dataDir_ / technician::kPinFileName;
    config.settingsFile = dataDir_ / technician::kSettingsFileName;
    config.audit = audit_.get();
    config.enrollment = enrollment_.get();
    config.deviceTests = deviceTests_.get();
    config.deviceKinds = spec.deviceKinds;
    technician_ = std::make_unique<technician::ui::TechnicianSession>(config);
    technician_->setDeviceName(backend_->deviceName());
    technician_->setDeviceRole(backend_->role());
    connect(backend_, &client::Backend::identityChanged, this, [this] {
        technician_->setDeviceName(backend_->deviceName());
        technician_->setDeviceRole(backend_->role());
    });
    connect(backend_, &client::Backend::connectionStateChanged, this,
            &TerminalApp::showLinkInTechnicianMenu);
    showLinkInTechnicianMenu();
}

void TerminalApp::followControllerAddress() {
    if (!controller_ || addressFromCommandLine_) return;
    std::string address;
    try {
        address = technician::readSettingsFile(dataDir_ / technician::kSettingsFileName)
                      .controllerAddress;
    } catch (const technician::SettingsError& e) {
        addressProblem_ = fromStd(e.what());
        showLinkInTechnicianMenu();
        return;
    }
    if (address.empty()) {
        addressProblem_ = QStringLiteral("no controller address: set it in the technician menu "
                                         "or start with --controller HOST:PORT");
        showLinkInTechnicianMenu();
        return;
    }
    // The settings file was validated when written; a hand edit may still be wrong.
    const auto parsed = technician::parseHostPort(address);
    if (const auto* why = std::get_if<std::string>(&parsed)) {
        addressProblem_ =
            QStringLiteral("controller address %1: %2").arg(fromStd(address), fromStd(*why));
        showLinkInTechnicianMenu();
        return;
    }
    addressProblem_.clear();
    const auto& hostPort = std::get<technician::HostPort>(parsed);
    const QString host = fromStd(hostPort.host);
    const bool moved = host != controller_->host() || hostPort.port != controller_->port();
    if (moved) {
        controller_->stop();
        controller_->setHost(host);
        controller_->setPort(hostPort.port);
    }
    if (moved || controller_->connectionState() == client::Backend::ConnectionState::Offline)
        controller_->start();
    showLinkInTechnicianMenu();
}

void TerminalApp::showLinkInTechnicianMenu() {
    if (!technician_) return;
    QString link = backend_->connectionStateName();
    if (!addressProblem_.isEmpty())
        link += QStringLiteral(" — ") + addressProblem_;
    else if (controller_ && !backend_->online() && !controller_->lastError().isEmpty())
        link += QStringLiteral(" — ") + controller_->lastError();
    technician_->setControllerLink(link);
}

int runTerminalApp(int argc, char* argv[], AppSpec spec, TerminalSpec terminal) {
    spec.addOptions = [appOptions = std::move(spec.addOptions)](QCommandLineParser& parser) {
        TerminalApp::addOptions(parser);
        if (appOptions) appOptions(parser);
    };
    spec.setUpBackend = [appSetUp = std::move(spec.setUpBackend),
                         terminal = std::move(terminal)](AppContext& app) {
        return TerminalApp::create(app, terminal) != nullptr && (!appSetUp || appSetUp(app));
    };
    return runApp(argc, argv, spec);
}

} // namespace hall::ui
