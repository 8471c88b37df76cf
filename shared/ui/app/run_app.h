#pragma once

#include "shared/ui/app/app_spec.h"

namespace hall::ui {

// The whole life of a terminal app: QGuiApplication (theme font, Basic controls style),
// QQmlApplicationEngine with the qrc:/ import path, the run-time language switcher (zh_CN by
// default), the command line, the backend hook, then one of
//   (no option)          load spec.mainQml and run the event loop
//   --self-test          instantiate every QML file in zh_CN and en, elder mode off and on;
//                        exit 1 naming each file with a QML error or warning
//   --screenshot DIR     render every screen offscreen (both languages, elder off/on) as PNGs
// Further options: --mock, --language CODE, --elder, --only TEXT (restrict self-test files and
// screenshot screens to those whose url / name contains TEXT). --self-test and --screenshot run
// on the offscreen platform unless QT_QPA_PLATFORM says otherwise.
//
// A complete main.cpp:
//   #include "shared/ui/app/run_app.h"
//   #include <QtQml/qqmlextensionplugin.h>
//   Q_IMPORT_QML_PLUGIN(Hall_KioskPlugin)
//   int main(int argc, char* argv[]) {
//       hall::ui::AppSpec spec;
//       spec.name = QStringLiteral("hall-kiosk");
//       spec.mainQml = QUrl(QStringLiteral("qrc:/Hall/Kiosk/Main.qml"));
//       spec.screens = {{QStringLiteral("welcome"),
//       QUrl(QStringLiteral("qrc:/Hall/Kiosk/Welcome.qml"))}}; spec.setUpBackend =
//       [](hall::ui::AppContext& app) { return hall::kiosk::setUp(app); }; return
//       hall::ui::runApp(argc, argv, spec);
//   }
int runApp(int argc, char* argv[], const AppSpec& spec);

} // namespace hall::ui
