#include "shared/ui/app/qml_files.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

namespace hall::ui {

namespace {

// Type names the qmldir of `directory` declares as singletons: lines such as
// "singleton Theme 1.0 Theme.qml".
QSet<QString> singletonsIn(const QString& directory) {
    QSet<QString> names;
    QFile qmldir(directory + QStringLiteral("/qmldir"));
    if (!qmldir.open(QIODevice::ReadOnly | QIODevice::Text)) return names;
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    while (!qmldir.atEnd()) {
        const auto fields =
            QString::fromUtf8(qmldir.readLine()).trimmed().split(whitespace, Qt::SkipEmptyParts);
        if (fields.size() >= 2 && fields.front() == QLatin1String("singleton"))
            names.insert(fields.at(1));
    }
    return names;
}

// ":/Hall/Ui/Theme.qml" → the file as the self-test describes it.
QmlFile describe(const QString& resourcePath) {
    const QFileInfo info(resourcePath);
    QString directory = info.path(); // ":/Hall/Ui"
    QString uri = directory.mid(2);  // "Hall/Ui"
    uri.replace(QLatin1Char('/'), QLatin1Char('.'));
    QmlFile file;
    file.url = QUrl(QStringLiteral("qrc") + resourcePath);
    file.uri = uri;
    file.typeName = info.completeBaseName();
    file.singleton = singletonsIn(directory).contains(file.typeName);
    return file;
}

} // namespace

std::vector<QmlFile> qmlFilesUnder(const QString& root) {
    QStringList paths;
    QDirIterator it(root, {QStringLiteral("*.qml")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        paths.append(it.next());
    paths.sort();
    std::vector<QmlFile> files;
    for (const auto& path : paths)
        files.push_back(describe(path));
    return files;
}

std::vector<QmlFile> describeQmlFiles(const QStringList& urls) {
    std::vector<QmlFile> files;
    for (const auto& url : urls) {
        // "qrc:/Hall/Ui/X.qml" and ":/Hall/Ui/X.qml" both name the resource ":/Hall/Ui/X.qml".
        const QString path = url.startsWith(QLatin1String("qrc:")) ? url.mid(3) : url;
        files.push_back(describe(path));
    }
    return files;
}

} // namespace hall::ui
