// doctest runner with a QGuiApplication: the composition root creates a QQmlApplicationEngine,
// and QML reaches it through the static Hall.App plugin.
#define DOCTEST_CONFIG_IMPLEMENT
#include <QGuiApplication>
#include <QtQml/qqmlextensionplugin.h>
#include <doctest/doctest.h>

Q_IMPORT_QML_PLUGIN(Hall_AppPlugin)
Q_IMPORT_QML_PLUGIN(Hall_ClientPlugin)
Q_IMPORT_QML_PLUGIN(Hall_TechnicianPlugin)

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    doctest::Context context(argc, argv);
    return context.run();
}
