// hall-windowpad: a service window's pad — the clerk's caller (呼叫器) and the citizen's
// evaluation pad (评价器), one or both faces by --face (window_pad.h). Its screens
// (Hall.Windowpad) on the framework's composition root (runTerminalApp: mock or controller
// backend, identification, technician menu — shared/ui/app/terminal_app.h).
#include "shared/ui/app/terminal_app.h"
#include "windowpad/window_pad.h"

#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Hall_WindowpadPlugin)
Q_IMPORT_QML_PLUGIN(Hall_AppPlugin)
Q_IMPORT_QML_PLUGIN(Hall_ClientPlugin)
Q_IMPORT_QML_PLUGIN(Hall_KeyboardPlugin)
Q_IMPORT_QML_PLUGIN(Hall_TechnicianPlugin)

int main(int argc, char* argv[]) {
    using namespace hall::ui;
    const QSize pad{1280, 800}; // a 10" pad, landscape
    const auto screen = [&](const char* name, const char* file) {
        return Screen{QString::fromLatin1(name),
                      QUrl(QStringLiteral("qrc:/Hall/Windowpad/qml/") + QString::fromLatin1(file)),
                      pad};
    };
    AppSpec spec;
    spec.name = QStringLiteral("hall-windowpad");
    spec.mainQml = QUrl(QStringLiteral("qrc:/Hall/Windowpad/qml/Main.qml"));
    spec.screenSize = pad;
    spec.screens = {
        screen("citizen", "shots/CitizenIdleShot.qml"),
        screen("clerk", "ClerkScreen.qml"),
        screen("clerk-serving", "shots/ClerkServingShot.qml"),
        screen("clerk-sign-in", "shots/ClerkSignInShot.qml"),
        screen("clerk-transfer", "shots/ClerkTransferShot.qml"),
        screen("clerk-transfer-note", "shots/ClerkTransferNoteShot.qml"),
        screen("citizen-rating", "shots/CitizenRatingShot.qml"),
        screen("citizen-reasons", "shots/CitizenReasonsShot.qml"),
        screen("citizen-thanks", "shots/CitizenThanksShot.qml"),
        screen("citizen-signing", "shots/CitizenSigningShot.qml"),
        screen("document-camera", "shots/DocumentCameraShot.qml"),
        screen("clerk-call-number", "shots/ClerkCallNumberShot.qml"),
    };
    spec.addOptions = &hall::windowpad::WindowPad::addOptions;
    spec.setUpBackend = &hall::windowpad::WindowPad::setUp;
    TerminalSpec terminal;
    terminal.deviceKinds = {
        hall::drivers::DeviceKind::IdCardReader, hall::drivers::DeviceKind::SmartCardReader,
        hall::drivers::DeviceKind::CodeScanner, hall::drivers::DeviceKind::Keypad};
    return runTerminalApp(argc, argv, spec, terminal);
}
