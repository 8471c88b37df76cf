#include "shared/ui/app/theme_control.h"

#include <QQmlComponent>
#include <QQmlEngine>
#include <QtDebug>

namespace hall::ui {

ThemeControl::ThemeControl(QQmlEngine& engine) {
    QQmlComponent component(&engine);
    component.setData("import QtQuick\nimport Hall.Ui\n"
                      "QtObject { function setElderMode(on) { Theme.elderMode = on } }",
                      QUrl(QStringLiteral("qrc:/hall-app-shell/ThemeControl.qml")));
    probe_ = component.create();
    if (probe_.isNull())
        qWarning().noquote() << "Cannot reach the Hall.Ui Theme:" << component.errorString();
}

ThemeControl::~ThemeControl() {
    delete probe_.data();
}

void ThemeControl::setElderMode(bool on) {
    if (probe_.isNull()) return;
    QMetaObject::invokeMethod(probe_.data(), "setElderMode", Q_ARG(QVariant, QVariant(on)));
}

} // namespace hall::ui
