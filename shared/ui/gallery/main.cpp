// hall-ui-gallery: every shared QML module on a few screens, made as every terminal app is: the
// app's screens (Hall.Gallery) on the framework's composition root (runTerminalApp: mock or
// controller backend, ticket issuer, identification, technician menu — terminal_app.h).
// The tests run its --self-test and --screenshot.
#include "shared/ui/app/terminal_app.h"

#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Hall_GalleryPlugin)
Q_IMPORT_QML_PLUGIN(Hall_AppPlugin)
Q_IMPORT_QML_PLUGIN(Hall_ClientPlugin)
Q_IMPORT_QML_PLUGIN(Hall_KeyboardPlugin)
Q_IMPORT_QML_PLUGIN(Hall_TechnicianPlugin)

int main(int argc, char* argv[]) {
    using namespace hall::ui;
    const auto screen = [](const char* name, const char* file) {
        return Screen{QString::fromLatin1(name),
                      QUrl(QStringLiteral("qrc:/Hall/Gallery/") + QString::fromLatin1(file))};
    };
    AppSpec spec;
    spec.name = QStringLiteral("hall-ui-gallery");
    spec.mainQml = QUrl(QStringLiteral("qrc:/Hall/Gallery/Main.qml"));
    spec.screens = {screen("citizen", "CitizenScreen.qml"), screen("hall", "HallScreen.qml"),
                    screen("keypad", "KeypadScreen.qml"), screen("keyboard", "KeyboardScreen.qml"),
                    screen("banners", "BannersScreen.qml")};
    return runTerminalApp(argc, argv, spec);
}
