#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>
#include <vector>

namespace hall::ui {

// A QML file of one of the app's QML modules, as the self-test sees it.
struct QmlFile {
    QUrl url;               // qrc:/Hall/Ui/TouchButton.qml
    QString uri;            // "Hall.Ui" (from the directory)
    QString typeName;       // "TouchButton"
    bool singleton = false; // declared `singleton` in the module's qmldir
};

// Every *.qml under the resource directory `root` (":/Hall"), sorted, each marked singleton
// or not from the qmldir beside it.
std::vector<QmlFile> qmlFilesUnder(const QString& root);

// The given qrc:/ urls (AppSpec::selfTestFiles), described the same way.
std::vector<QmlFile> describeQmlFiles(const QStringList& urls);

} // namespace hall::ui
