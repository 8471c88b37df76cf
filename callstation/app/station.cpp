#include "callstation/app/station.h"

#include "shared/ui/app/terminal_app.h"

#include <QCommandLineParser>
#include <QJSEngine>
#include <QQmlApplicationEngine>
#include <QTextStream>

namespace hall::callstation {

namespace {

const QString kRoleOption = QStringLiteral("role");
const QString kTicketMachine = QStringLiteral("ticket-machine");
const QString kCallBoard = QStringLiteral("call-board");

} // namespace

void Station::addOptions(QCommandLineParser& parser) {
    parser.addOption({kRoleOption,
                      QStringLiteral("What this box is: ticket-machine or call-board (default: "
                                     "the role it was enrolled with)."),
                      QStringLiteral("ROLE")});
}

bool Station::setUp(ui::AppContext& app) {
    auto* terminal = ui::TerminalApp::of(app.engine);
    if (!terminal) return false;
    auto* station = new Station(&app.engine);
    if (app.commandLine.isSet(kRoleOption)) {
        station->forced_ = app.commandLine.value(kRoleOption);
        if (station->forced_ != kTicketMachine && station->forced_ != kCallBoard) {
            QTextStream(stderr) << "unknown role " << station->forced_ << "; use " << kTicketMachine
                                << " or " << kCallBoard << '\n';
            return false;
        }
    }
    station->backend_ = terminal->backend();
    connect(terminal->backend(), &client::Backend::identityChanged, station,
            &Station::roleChanged);
    return true;
}

Station* Station::create(QQmlEngine* engine, QJSEngine*) {
    auto* station =
        engine ? engine->findChild<Station*>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
    if (station) QJSEngine::setObjectOwnership(station, QJSEngine::CppOwnership);
    return station;
}

QString Station::role() const {
    if (!forced_.isEmpty()) return forced_;
    const QString enrolled = backend_ ? roleForDevice(backend_->role()) : QString();
    return enrolled.isEmpty() ? kTicketMachine : enrolled;
}

QString Station::roleForDevice(const QString& protocolRole) {
    if (protocolRole == QLatin1String("ticket_machine") || protocolRole == QLatin1String("kiosk"))
        return kTicketMachine;
    if (protocolRole == QLatin1String("call_board")) return kCallBoard;
    return {};
}

} // namespace hall::callstation
