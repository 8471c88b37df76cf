#pragma once
// The composition root of every terminal app: what sits behind the screens, built once per run
// from the command line and the terminal's data directory, and handed to QML as the typed
// singleton `Terminal` (module Hall.App):
//
//   Terminal.backend         a MockBackend (--mock, --self-test, --screenshot), or a
//                            ControllerClient configured from --data-dir, --controller (else the
//                            [controller] address of the technician settings file) and --ca
//   Terminal.issuer          TicketIssuer on that backend (leases only with a controller)
//   Terminal.identification  IdentificationService on the identifying devices the technician
//                            settings name, opened anew when the settings change (none on the
//                            mock, which drives no hardware); their faults go out in the
//                            heartbeat while they are lost
//   Terminal.printing        TicketPrinting on the ticket printer the technician settings
//                            name (none on the mock: every print answers no_printer); its
//                            faults go out in the heartbeat
//   Terminal.signage         SignagePlayer: the hall's playlist and emergency message, from a
//                            cache in the data directory
//   Terminal.clock           HallClock: the time the screens show (the box's, or --demo-clock's)
//   Terminal.technician      TechnicianSession: PIN and settings files in the data directory
//                            (mock without --data-dir: a temporary directory of the process),
//                            audit → the backend's technician_audit, enrollment → the
//                            controller client (mock: refused, saying a controller is needed),
//                            device tests → the drivers (mock: refused, saying why)
//   Terminal.mock            whether the backend is the mock
//
// An app is screens plus a thin main: runTerminalApp(argc, argv, spec) (run_app.h's shell with
// these options and this set-up; the app's own hooks run after it and reach this object through
// TerminalApp::of(engine)). See docs/terminals.md.

#include "drivers/base/descriptor.h"
#include "shared/client/backend.h"
#include "shared/client/hall_clock.h"
#include "shared/client/identification_service.h"
#include "shared/client/keypad_input.h"
#include "shared/client/signage_player.h"
#include "shared/client/ticket_printing.h"
#include "shared/client/ticket_issuer.h"
#include "shared/ui/app/app_spec.h"
#include "shared/ui/technician/technician_session.h"

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <filesystem>
#include <memory>
#include <vector>

class QCommandLineParser;
class QJSEngine;
class QQmlEngine;
class QTemporaryDir;

namespace hall::client {
class ControllerClient;
}

namespace hall::ui {

// What differs between terminal apps below the screens.
struct TerminalSpec {
    // The device kinds the app drives, in the order the technician menu lists them; empty: all.
    std::vector<drivers::DeviceKind> deviceKinds;
};

class TerminalApp : public QObject {
    Q_OBJECT
    QML_NAMED_ELEMENT(Terminal)
    QML_SINGLETON
    Q_PROPERTY(hall::client::Backend* backend READ backend CONSTANT)
    Q_PROPERTY(hall::client::TicketIssuer* issuer READ issuer CONSTANT)
    Q_PROPERTY(hall::client::IdentificationService* identification READ identification CONSTANT)
    Q_PROPERTY(hall::client::TicketPrinting* printing READ printing CONSTANT)
    Q_PROPERTY(hall::client::KeypadInput* keypads READ keypads CONSTANT)
    Q_PROPERTY(hall::client::SignagePlayer* signage READ signage CONSTANT)
    Q_PROPERTY(hall::client::HallClock* clock READ clock CONSTANT)
    Q_PROPERTY(hall::technician::ui::TechnicianSession* technician READ technician CONSTANT)
    Q_PROPERTY(bool mock READ mock CONSTANT)

public:
    // --data-dir, --controller, --ca.
    static void addOptions(QCommandLineParser& parser);
    // Builds everything for app.backend, parented to app.engine. Null, after printing why to
    // stderr, when the command line or the data directory does not allow a start.
    static TerminalApp* create(AppContext& app, const TerminalSpec& spec = {});
    // The one built on this engine (null before create).
    static TerminalApp* of(QQmlEngine& engine);
    // The QML singleton: the object create() put on the engine.
    static TerminalApp* create(QQmlEngine* engine, QJSEngine*);
    ~TerminalApp() override;

    client::Backend* backend() const { return backend_; }
    client::TicketIssuer* issuer() const { return issuer_; }
    client::IdentificationService* identification() const { return identification_; }
    client::TicketPrinting* printing() const { return printing_; }
    client::KeypadInput* keypads() const { return keypads_; }
    client::SignagePlayer* signage() const { return signage_; }
    client::HallClock* clock() const { return clock_; }
    technician::ui::TechnicianSession* technician() const { return technician_.get(); }
    bool mock() const { return controller_ == nullptr; }
    // Null on the mock.
    client::ControllerClient* controller() const { return controller_; }
    const std::filesystem::path& dataDir() const { return dataDir_; }

private:
    explicit TerminalApp(QObject* parent);
    bool setUpClock(const AppContext& app, QString& error);
    bool setUpMock(const AppContext& app, QString& error);
    bool setUpReal(const AppContext& app, QString& error);
    bool useDataDir(const QString& dir, QString& error);
    void setUpTechnician(const TerminalSpec& spec);
    // Real mode: the link follows --controller, else the technician settings.
    void connectController();
    // --controller given: enroll with --enroll's code first when the box has no credential yet.
    void enrollOrStart();
    // Real mode: the ID-card readers, social-security card readers, code scanners, ticket
    // printer and keypad line the settings file names (of the kinds this app drives), opened
    // anew.
    void openDevices();
    // The settings file may name another controller (technician menu): reconnect there,
    // unless --controller was given.
    void followControllerAddress();
    void showLinkInTechnicianMenu();

    std::unique_ptr<QTemporaryDir> temporaryDataDir_;
    std::filesystem::path dataDir_;
    client::Backend* backend_ = nullptr;             // child
    client::ControllerClient* controller_ = nullptr; // the backend in real mode
    client::TicketIssuer* issuer_ = nullptr;         // child
    client::IdentificationService* identification_ = nullptr; // child
    client::TicketPrinting* printing_ = nullptr;               // child
    client::KeypadInput* keypads_ = nullptr;                   // child
    client::SignagePlayer* signage_ = nullptr;                 // child
    client::HallClock* clock_ = nullptr;                       // child
    QString addressProblem_; // why the client has no controller address (real mode)
    // --controller was given: it wins over the settings file for this run.
    bool addressFromCommandLine_ = false;
    QString enrollCode_; // --enroll: used once, when the box is not enrolled yet
    // The session refers to these: declared before it, so destroyed after it.
    std::unique_ptr<technician::AuditSink> audit_;
    std::unique_ptr<technician::Enrollment> enrollment_;
    std::unique_ptr<technician::DeviceTestRunner> deviceTests_;
    std::unique_ptr<technician::ui::TechnicianSession> technician_;
    std::vector<drivers::DeviceKind> deviceKinds_; // empty: every kind
};

// runApp (run_app.h) for a terminal app: the spec's options and set-up come after the
// terminal's, which TerminalApp::create builds with `terminal`.
int runTerminalApp(int argc, char* argv[], AppSpec spec, TerminalSpec terminal = {});

} // namespace hall::ui
