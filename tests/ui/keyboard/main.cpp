// Qt Quick Test runner for Hall.Keyboard: links the modules statically and hands the test a
// probe of the compiled translations.

#include "tests/ui/keyboard/translation_probe.h"

#include <QQmlContext>
#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(Hall_UiPlugin)
Q_IMPORT_QML_PLUGIN(Hall_KeyboardPlugin)

class Setup : public QObject {
    Q_OBJECT

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine* engine) {
        engine->addImportPath(QStringLiteral("qrc:/"));
        engine->rootContext()->setContextProperty(QStringLiteral("translationProbe"), &probe_);
    }

private:
    hall::ui::testing::TranslationProbe probe_;
};

QUICK_TEST_MAIN_WITH_SETUP(keyboard_qml_tests, Setup)

#include "main.moc"
