// Qt Quick Test runner for the Hall.Ui components (tst_*.qml beside this file); the engine
// imports Hall.Ui from the resources, as the apps do.
#include <QQmlContext>
#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(Hall_UiPlugin)

class Setup : public QObject {
    Q_OBJECT
public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/"));
        engine->rootContext()->setContextProperty(
            QStringLiteral("testClip"), QUrl::fromLocalFile(QStringLiteral(HALL_TEST_CLIP)));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(hall_ui_components, Setup)

#include "main.moc"
