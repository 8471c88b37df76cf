// hall-callstation: the hall's ticket machines, call boards and LED boxes — one app, the role chosen by
// --role or by the role the box was enrolled with (station.h). Its screens (Hall.Callstation)
// on the framework's composition root (runTerminalApp: mock or controller backend, ticket
// issuer, identification, technician menu — shared/ui/app/terminal_app.h).
#include "callstation/app/station.h"
#include "shared/ui/app/terminal_app.h"

#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Hall_CallstationPlugin)
Q_IMPORT_QML_PLUGIN(Hall_AppPlugin)
Q_IMPORT_QML_PLUGIN(Hall_ClientPlugin)
Q_IMPORT_QML_PLUGIN(Hall_KeyboardPlugin)
Q_IMPORT_QML_PLUGIN(Hall_TechnicianPlugin)

int main(int argc, char* argv[]) {
    using namespace hall::ui;
    const QSize portrait{1080, 1920};
    const QSize landscape{1920, 1080};
    const auto screen = [](const char* name, const char* file, QSize size) {
        return Screen{QString::fromLatin1(name),
                      QUrl(QStringLiteral("qrc:/Hall/Callstation/qml/") + QString::fromLatin1(file)),
                      size};
    };
    AppSpec spec;
    spec.name = QStringLiteral("hall-callstation");
    spec.mainQml = QUrl(QStringLiteral("qrc:/Hall/Callstation/qml/Main.qml"));
    spec.screens = {
        screen("ticket-machine", "TicketMachineScreen.qml", portrait),
        screen("ticket-machine-landscape", "TicketMachineScreen.qml", landscape),
        screen("ticket-confirm", "shots/TicketConfirmShot.qml", portrait),
        screen("ticket-issued", "shots/TicketIssuedShot.qml", portrait),
        screen("ticket-issued-landscape", "shots/TicketIssuedShot.qml", landscape),
        screen("ticket-refused", "shots/TicketRefusedShot.qml", portrait),
        screen("ticket-identify", "shots/TicketIdentifyShot.qml", portrait),
        screen("ticket-checkin", "shots/TicketCheckInShot.qml", portrait),
        screen("ticket-checkin-typing", "shots/TicketCheckInTypingShot.qml", portrait),
        screen("ticket-checkin-typing-landscape", "shots/TicketCheckInTypingShot.qml", landscape),
        screen("ticket-checkin-refused", "shots/TicketCheckInRefusedShot.qml", portrait),
        screen("ticket-green", "shots/TicketGreenChannelShot.qml", portrait),
        screen("ticket-green-landscape", "shots/TicketGreenChannelShot.qml", landscape),
        screen("ticket-green-typing", "shots/TicketGreenChannelTypingShot.qml", portrait),
        screen("ticket-green-typing-landscape", "shots/TicketGreenChannelTypingShot.qml", landscape),
        screen("ticket-green-refused", "shots/TicketGreenChannelRefusedShot.qml", portrait),
        screen("ticket-attract", "AttractScreen.qml", portrait),
        screen("call-board", "CallBoardScreen.qml", landscape),
        screen("call-board-portrait", "CallBoardScreen.qml", portrait),
        screen("call-board-calling", "shots/BoardCallShot.qml", landscape),
        screen("call-board-emergency", "shots/BoardEmergencyShot.qml", landscape),
        screen("led-box", "LedBoxScreen.qml", QSize{192, 32}),
        screen("led-box-tricolour", "shots/LedBoxTricolourShot.qml", QSize{256, 64}),
    };
    spec.addOptions = &hall::callstation::Station::addOptions;
    spec.setUpBackend = &hall::callstation::Station::setUp;
    TerminalSpec terminal;
    terminal.deviceKinds = {hall::drivers::DeviceKind::TicketPrinter,
                            hall::drivers::DeviceKind::IdCardReader,
                            hall::drivers::DeviceKind::SmartCardReader,
                            hall::drivers::DeviceKind::CodeScanner,
                            hall::drivers::DeviceKind::Announcer};
    return runTerminalApp(argc, argv, spec, terminal);
}
