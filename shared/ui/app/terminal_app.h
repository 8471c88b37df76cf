#pragma once
// Everything behind the gallery's screens, created by the app-shell hook (main.cpp) — the
// pattern every terminal app follows:
//
//   backend        a MockBackend (--mock, --self-test, --screenshot), or a ControllerClient
//                  configured from --data-dir, --controller (else the [controller] address of
//                  the technician settings file in the data directory) and --ca
//   ticket issuer  TicketIssuer on that backend (leases only with a controller)
//   technician     TechnicianSession: PIN and settings files in the data directory (mock
//                  without --data-dir: a temporary directory of the process), audit → the
//                  backend's technician_audit, enrollment → ControllerClient::enroll (mock:
//                  refused, saying a controller is needed), device tests → the drivers on the
//                  configured hardware (mock: GalleryDeviceTests, which drives none)
//
// QML reaches them as the context properties `hallBackend`, `ticketIssuer` and `technician`,
// set on the root context so every file the self-test creates on its own finds them. (Not
// `backend`: inside a Hall.Client model `backend: backend` would bind the model's own
// property to itself.)

#include "shared/ui/app/app_spec.h"

#include <QObject>
#include <QString>
#include <filesystem>
#include <memory>

class QCommandLineParser;
class QTemporaryDir;

namespace hall::client {
class Backend;
class ControllerClient;
class TicketIssuer;
} // namespace hall::client
namespace hall::technician {
class AuditSink;
class DeviceTestRunner;
class Enrollment;
} // namespace hall::technician
namespace hall::technician::ui {
class TechnicianSession;
}

namespace hall::ui::gallery {

class GalleryApp : public QObject {
    Q_OBJECT

public:
    // --data-dir, --controller, --ca (AppSpec::addOptions).
    static void addOptions(QCommandLineParser& parser);
    // Builds the backend, issuer and technician session for app.backend and exposes them to
    // QML; parented to app.engine. Null, after printing why to stderr, when the command line or
    // the data directory does not allow a start.
    static GalleryApp* create(AppContext& app);
    ~GalleryApp() override;

private:
    explicit GalleryApp(QObject* parent);
    bool setUpMock(const AppContext& app, QString& error);
    bool setUpReal(const AppContext& app, QString& error);
    bool useDataDir(const QString& dir, QString& error);
    void setUpTechnician(std::unique_ptr<technician::Enrollment> enrollment,
                         std::unique_ptr<technician::DeviceTestRunner> deviceTests);
    // The settings file may name another controller (technician menu): reconnect there,
    // unless --controller was given.
    void followControllerAddress();
    void showLinkInTechnicianMenu();

    std::unique_ptr<QTemporaryDir> temporaryDataDir_;
    std::filesystem::path dataDir_;
    client::Backend* backend_ = nullptr;             // child
    client::ControllerClient* controller_ = nullptr; // the backend in real mode
    client::TicketIssuer* issuer_ = nullptr;         // child
    QString addressProblem_; // why the client has no controller address (real mode)
    // --controller was given: it wins over the settings file for this run.
    bool addressFromCommandLine_ = false;
    // The session refers to these: declared before it, so destroyed after it.
    std::unique_ptr<technician::AuditSink> audit_;
    std::unique_ptr<technician::Enrollment> enrollment_;
    std::unique_ptr<technician::DeviceTestRunner> deviceTests_;
    std::unique_ptr<technician::ui::TechnicianSession> technician_;
};

} // namespace hall::ui::gallery
