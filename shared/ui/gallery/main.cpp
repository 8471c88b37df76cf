// hall-ui-gallery: every shared QML module on a few screens, and the skeleton every terminal
// app copies: a thin main.cpp handing the app shell an AppSpec whose hook builds the backend
// (Hall.Client: mock or controller), the ticket issuer and the technician session
// (gallery_app.h). The tests run its --self-test and --screenshot.
#include "shared/ui/app/run_app.h"
#include "shared/ui/gallery/gallery_app.h"

#include <QtQml/qqmlextensionplugin.h>

Q_IMPORT_QML_PLUGIN(Hall_GalleryPlugin)
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
    spec.addOptions = &gallery::GalleryApp::addOptions;
    spec.setUpBackend = [](AppContext& app) { return gallery::GalleryApp::create(app) != nullptr; };
    return runApp(argc, argv, spec);
}
