// hall-ui-gallery --screenshot DIR: one PNG per screen, language and elder mode, each a real
// rendering (full size, many colours, not blank), and the variants differ from one another.
#include "tests/support/image_checks.h"
#include "tests/support/temp_dir.h"

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QProcess>
#include <doctest/doctest.h>

namespace {

QString galleryPath() {
    const QByteArray path = qgetenv("HALL_UI_GALLERY");
    REQUIRE_MESSAGE(!path.isEmpty(), "HALL_UI_GALLERY must name the hall-ui-gallery executable");
    return QString::fromLocal8Bit(path);
}

// Runs the gallery; returns its exit code, with its output for the failure message.
int runGallery(const QStringList& arguments, QString& output) {
    QProcess gallery;
    gallery.setProcessChannelMode(QProcess::MergedChannels);
    gallery.start(galleryPath(), arguments);
    REQUIRE(gallery.waitForFinished(120'000));
    output = QString::fromLocal8Bit(gallery.readAll());
    return gallery.exitStatus() == QProcess::NormalExit ? gallery.exitCode() : -1;
}

} // namespace

TEST_CASE("--screenshot renders every gallery screen in both languages and elder mode") {
    hall::testing::TempDir dir("hall-ui-shots");
    const QString shots = QString::fromStdString(dir.file("shots").string());
    QString output;
    REQUIRE_MESSAGE(runGallery({QStringLiteral("--screenshot"), shots}, output) == 0,
                    output.toStdString());

    const QStringList screens{QStringLiteral("citizen"), QStringLiteral("hall"),
                              QStringLiteral("keypad"), QStringLiteral("keyboard"),
                              QStringLiteral("banners")};
    const QStringList variants{QStringLiteral("zh_CN"), QStringLiteral("en"),
                               QStringLiteral("zh_CN_elder"), QStringLiteral("en_elder")};
    CHECK(QDir(shots).entryList({QStringLiteral("*.png")}, QDir::Files).size() ==
          screens.size() * variants.size());
    for (const auto& screen : screens) {
        QList<QImage> images;
        for (const auto& variant : variants) {
            const QString file = QStringLiteral("%1/%2_%3.png").arg(shots, screen, variant);
            INFO(file.toStdString());
            QImage image(file);
            REQUIRE(!image.isNull());
            CHECK(image.size() == QSize(1920, 1080));
            // Text, buttons and banners in several colours; a blank or failed render has 1–2.
            CHECK(hall::testing::distinctColours(image) >= 16);
            images.append(image);
        }
        INFO(screen.toStdString());
        CHECK(images[0] != images[1]); // Chinese and English differ
        CHECK(images[0] != images[2]); // elder mode changes the layout
        CHECK(images[1] != images[3]);
    }
}

TEST_CASE("--screenshot into a path that cannot be a directory fails clearly") {
    hall::testing::TempDir dir("hall-ui-shots");
    const std::string blocker = dir.file("file").string();
    REQUIRE(QFile(QString::fromStdString(blocker)).open(QIODevice::WriteOnly));
    QString output;
    CHECK(runGallery({QStringLiteral("--screenshot"), QString::fromStdString(blocker + "/sub")},
                     output) != 0);
    CHECK(output.contains(QStringLiteral("cannot create the directory")));
}
