// hall-callstation --screenshot DIR: every screen of both roles, at its own size (portrait
// ticket machine 1080×1920, landscape board 1920×1080 and the other orientations), in both
// languages and elder mode, each a real rendering; the stages show what they are about, and the
// QR of a ticket shown on screen scans.
#include "tests/support/image_checks.h"
#include "tests/support/qr_scan.h"
#include "tests/support/temp_dir.h"

#include <QDir>
#include <QImage>
#include <QProcess>
#include <doctest/doctest.h>

TEST_CASE("--screenshot renders every screen of every role at its size, languages, elder mode") {
    const QByteArray app = qgetenv("HALL_CALLSTATION");
    REQUIRE_MESSAGE(!app.isEmpty(), "HALL_CALLSTATION must name the hall-callstation executable");
    hall::testing::TempDir dir("callstation-shots");
    const QString shots = QString::fromStdString(dir.file("shots").string());
    QProcess run;
    run.setProcessChannelMode(QProcess::MergedChannels);
    run.start(QString::fromLocal8Bit(app), {QStringLiteral("--screenshot"), shots});
    REQUIRE(run.waitForFinished(150'000));
    const QString output = QString::fromLocal8Bit(run.readAll());
    REQUIRE_MESSAGE(run.exitCode() == 0, output.toStdString());

    const QSize portrait{1080, 1920};
    const QSize landscape{1920, 1080};
    const QList<std::pair<QString, QSize>> screens{
        {QStringLiteral("ticket-machine"), portrait},
        {QStringLiteral("ticket-machine-landscape"), landscape},
        {QStringLiteral("ticket-confirm"), portrait},
        {QStringLiteral("ticket-issued"), portrait},
        {QStringLiteral("ticket-issued-landscape"), landscape},
        {QStringLiteral("ticket-refused"), portrait},
        {QStringLiteral("ticket-identify"), portrait},
        {QStringLiteral("ticket-checkin"), portrait},
        {QStringLiteral("ticket-checkin-typing"), portrait},
        {QStringLiteral("ticket-checkin-typing-landscape"), landscape},
        {QStringLiteral("ticket-checkin-refused"), portrait},
        {QStringLiteral("ticket-green"), portrait},
        {QStringLiteral("ticket-green-landscape"), landscape},
        {QStringLiteral("ticket-green-typing"), portrait},
        {QStringLiteral("ticket-green-typing-landscape"), landscape},
        {QStringLiteral("ticket-green-refused"), portrait},
        {QStringLiteral("ticket-attract"), portrait},
        {QStringLiteral("call-board"), landscape},
        {QStringLiteral("call-board-portrait"), portrait},
        {QStringLiteral("call-board-calling"), landscape},
        {QStringLiteral("call-board-emergency"), landscape},
    };
    const QStringList variants{QStringLiteral("zh_CN"), QStringLiteral("en"),
                               QStringLiteral("zh_CN_elder"), QStringLiteral("en_elder")};
    // The LED box draws one window's strip, one pixel per LED: in Chinese whatever the language
    // (the strips' font is GB2312), the same in elder mode, lit pixels in pure LED colours.
    const QList<std::tuple<QString, QSize, QRgb>> ledScreens{
        {QStringLiteral("led-box"), QSize{192, 32}, qRgb(255, 0, 0)},         // calling, red look
        {QStringLiteral("led-box-tricolour"), QSize{256, 64}, qRgb(0, 255, 0)}, // open, green
    };
    CHECK(QDir(shots).entryList({QStringLiteral("*.png")}, QDir::Files).size() ==
          (screens.size() + ledScreens.size()) * variants.size());
    for (const auto& [screen, size, lit] : ledScreens) {
        const QImage image(QStringLiteral("%1/%2_zh_CN.png").arg(shots, screen));
        INFO(screen.toStdString());
        REQUIRE(!image.isNull());
        CHECK(image.size() == size);
        int litPixels = 0;
        bool pure = true;
        for (int y = 0; y < image.height(); ++y)
            for (int x = 0; x < image.width(); ++x) {
                const QRgb p = image.pixel(x, y) | 0xff000000u;
                if (p == lit) ++litPixels;
                else if (p != qRgb(0, 0, 0)) pure = false;
            }
        CHECK(pure); // no anti-aliasing: an LED is on or off
        CHECK(litPixels > size.width() * size.height() / 20);
        CHECK(QImage(QStringLiteral("%1/%2_en_elder.png").arg(shots, screen)) == image);
    }
    QMap<QString, QImage> zh;
    for (const auto& [screen, size] : screens) {
        QList<QImage> images;
        for (const auto& variant : variants) {
            const QString file = QStringLiteral("%1/%2_%3.png").arg(shots, screen, variant);
            INFO(file.toStdString());
            QImage image(file);
            REQUIRE(!image.isNull());
            CHECK(image.size() == size);
            CHECK(hall::testing::distinctColours(image) >= 16);
            images.append(image);
        }
        INFO(screen.toStdString());
        // Chinese and English differ, but for the emergency message: it is in both at once.
        if (screen != QStringLiteral("call-board-emergency")) CHECK(images[0] != images[1]);
        CHECK(images[0] != images[2]); // elder mode changes the layout
        zh[screen] = images[0];
    }
    // The stages are drawn over the services, and the call over the board's lists.
    CHECK(zh[QStringLiteral("ticket-issued")] != zh[QStringLiteral("ticket-machine")]);
    CHECK(zh[QStringLiteral("ticket-confirm")] != zh[QStringLiteral("ticket-issued")]);
    CHECK(zh[QStringLiteral("ticket-refused")] != zh[QStringLiteral("ticket-issued")]);
    CHECK(zh[QStringLiteral("call-board-calling")] != zh[QStringLiteral("call-board")]);
    // The mock drives no printer: the issued ticket stays on screen, and its QR scans as the
    // ticket's identity off the screen, as a phone would read it.
    const std::string onScreen = hall::testing::scanQr(
        QStringLiteral("%1/ticket-issued_zh_CN.png").arg(shots).toStdString());
    CHECK(onScreen.rfind("hall-ticket:", 0) == 0);
}
