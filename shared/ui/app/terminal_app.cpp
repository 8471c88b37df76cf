#include "shared/ui/gallery/gallery_app.h"

#include "shared/client/controller_client.h"
#include "shared/client/mock_backend.h"
#include "shared/client/ticket_issuer.h"
#include "shared/ui/gallery/gallery_device_tests.h"
#include "shared/ui/gallery/technician_wiring.h"
#include "technician/host_port.h"
#include "technician/pin_file.h"
#include "technician/settings_file.h"
#include "technician_session.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QQmlApplicationEngine>
#include <QQmlContext>
#include <QTemporaryDir>
#include <QTextStream>

namespace hall::ui::gallery {

namespace {

const QString dataDirOption = QStringLiteral("data-dir");
const QString controllerOption = QStringLiteral("controller");
const QString caOption = QStringLiteral("ca");

QString fromStd(const std::string& text) {
    return QString::fromStdString(text);
}

} // namespace

void GalleryApp::addOptions(QCommandLineParser& parser) {
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
}

GalleryApp::GalleryApp(QObject* parent) : QObject(parent) {}

GalleryApp::~GalleryApp() = default;

GalleryApp* GalleryApp::create(AppContext& app) {
    auto* gallery = new GalleryApp(&app.engine);
    QString error;
    const bool ready = app.backend == BackendMode::Mock ? gallery->setUpMock(app, error)
                                                        : gallery->setUpReal(app, error);
    if (!ready) {
        QTextStream(stderr) << "hall-ui-gallery: " << error << '\n';
        delete gallery;
        return nullptr;
    }
    auto* context = app.engine.rootContext();
    context->setContextProperty(QStringLiteral("hallBackend"), gallery->backend_);
    context->setContextProperty(QStringLiteral("ticketIssuer"), gallery->issuer_);
    context->setContextProperty(QStringLiteral("technician"), gallery->technician_.get());
    return gallery;
}

bool GalleryApp::useDataDir(const QString& dir, QString& error) {
    if (!QDir().mkpath(dir)) {
        error = QStringLiteral("cannot create the data directory %1").arg(dir);
        return false;
    }
    dataDir_ = std::filesystem::path(QDir(dir).absolutePath().toStdString());
    return true;
}

bool GalleryApp::setUpMock(const AppContext& app, QString& error) {
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
    mock->playMorning(); // staffed windows, people waiting, calls: a hall worth looking at
    backend_ = mock;
    issuer_ = new client::TicketIssuer(this);
    issuer_->setClient(backend_);
    setUpTechnician(std::make_unique<ControllerlessEnrollment>(),
                    std::make_unique<GalleryDeviceTests>());
    return true;
}

bool GalleryApp::setUpReal(const AppContext& app, QString& error) {
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
    if (!address.isEmpty()) {
        const auto parsed = technician::parseHostPort(address.toStdString());
        if (const auto* why = std::get_if<std::string>(&parsed)) {
            error = QStringLiteral("--controller %1: %2").arg(address, fromStd(*why));
            return false;
        }
    }

    controller_ = new client::ControllerClient(this);
    backend_ = controller_;
    controller_->setCaPem(caPem);
    controller_->setDataDir(dir);
    if (controller_->dataDir().isEmpty()) {
        error = controller_->lastError();
        return false;
    }
    issuer_ = new client::TicketIssuer(this);
    issuer_->setClient(controller_);

    auto enrollment = std::make_unique<ControllerEnrollment>(*controller_);
    setUpTechnician(std::move(enrollment), makeHardwareDeviceTests());
    connect(technician_.get(), &technician::ui::TechnicianSession::settingsChanged, this,
            &GalleryApp::followControllerAddress);
    connect(controller_, &client::ControllerClient::lastErrorChanged, this,
            &GalleryApp::showLinkInTechnicianMenu);

    if (!address.isEmpty()) {
        const auto hostPort =
            std::get<technician::HostPort>(technician::parseHostPort(address.toStdString()));
        controller_->setHost(fromStd(hostPort.host));
        controller_->setPort(hostPort.port);
        addressFromCommandLine_ = true;
        controller_->start();
        showLinkInTechnicianMenu();
    } else {
        followControllerAddress(); // from the settings file, if it names one
    }
    return true;
}

void GalleryApp::setUpTechnician(std::unique_ptr<technician::Enrollment> enrollment,
                                 std::unique_ptr<technician::DeviceTestRunner> deviceTests) {
    audit_ = std::make_unique<BackendAuditSink>(*backend_);
    enrollment_ = std::move(enrollment);
    deviceTests_ = std::move(deviceTests);
    technician::ui::TechnicianConfig config;
    config.pinFile = dataDir_ / technician::kPinFileName;
    config.settingsFile = dataDir_ / technician::kSettingsFileName;
    config.audit = audit_.get();
    config.enrollment = enrollment_.get();
    config.deviceTests = deviceTests_.get();
    technician_ = std::make_unique<technician::ui::TechnicianSession>(config);
    technician_->setDeviceName(backend_->deviceName());
    technician_->setDeviceRole(backend_->role());
    connect(backend_, &client::Backend::identityChanged, this, [this] {
        technician_->setDeviceName(backend_->deviceName());
        technician_->setDeviceRole(backend_->role());
    });
    connect(backend_, &client::Backend::connectionStateChanged, this,
            &GalleryApp::showLinkInTechnicianMenu);
    showLinkInTechnicianMenu();
}

void GalleryApp::followControllerAddress() {
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

void GalleryApp::showLinkInTechnicianMenu() {
    if (!technician_) return;
    QString link = backend_->connectionStateName();
    if (!addressProblem_.isEmpty())
        link += QStringLiteral(" — ") + addressProblem_;
    else if (controller_ && !backend_->online() && !controller_->lastError().isEmpty())
        link += QStringLiteral(" — ") + controller_->lastError();
    technician_->setControllerLink(link);
}

} // namespace hall::ui::gallery
