// Qt Quick Test runner for Hall.Technician: links the module statically, registers the test rig.

#include "tests/ui/technician/technician_rig.h"

#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(Hall_UiPlugin)
Q_IMPORT_QML_PLUGIN(Hall_TechnicianPlugin)

class Setup : public QObject {
    Q_OBJECT

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/"));
        qmlRegisterType<hall::technician::testing::TechnicianRig>("Hall.TechnicianTest", 1, 0,
                                                                  "TechnicianRig");
    }
};

QUICK_TEST_MAIN_WITH_SETUP(technician_qml_tests, Setup)

#include "main.moc"
