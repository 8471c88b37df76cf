// The control socket of a terminal app (--control, shared/ui/app/app_control.h): a tap reaches
// the named item through the window as a finger's would, a hidden or disabled item is not
// touched, properties are read by name, the window is saved as PNG; anything else is an error
// that changes nothing — over a real local socket too.
#include "shared/ui/app/app_control.h"
#include "tests/support/temp_dir.h"

#include <QImage>
#include <QLocalSocket>
#include <QQmlApplicationEngine>
#include <QSignalSpy>
#include <doctest/doctest.h>

using hall::ui::AppControl;

namespace {

constexpr auto kWindow = R"(
import QtQuick
Window {
    width: 400; height: 300; visible: true
    Rectangle {
        objectName: "button"
        property int taps: 0
        x: 20; y: 20; width: 100; height: 60
        TapHandler { onTapped: parent.taps++ }
    }
    Rectangle {
        objectName: "hidden"
        visible: false
        width: 50; height: 50
    }
    QtObject { objectName: "flow"; property string stage: "Choosing" }
}
)";

struct Loaded {
    QQmlApplicationEngine engine;
    Loaded() {
        engine.loadData(kWindow);
        REQUIRE(engine.rootObjects().size() == 1);
    }
};

} // namespace

TEST_CASE("control: tap, get and shot; errors change nothing") {
    Loaded app;
    AppControl control(app.engine);
    CHECK(control.answer(QStringLiteral("get button taps")) == QStringLiteral("ok 0"));
    CHECK(control.answer(QStringLiteral("tap button")) == QStringLiteral("ok"));
    CHECK(control.answer(QStringLiteral("tap button")) == QStringLiteral("ok"));
    CHECK(control.answer(QStringLiteral("get button taps")) == QStringLiteral("ok 2"));
    CHECK(control.answer(QStringLiteral("get flow stage")) == QStringLiteral("ok Choosing"));

    CHECK(control.answer(QStringLiteral("tap hidden")).startsWith(QStringLiteral("error")));
    CHECK(control.answer(QStringLiteral("tap nobody")).startsWith(QStringLiteral("error")));
    CHECK(control.answer(QStringLiteral("get flow nothing")).startsWith(QStringLiteral("error")));
    CHECK(control.answer(QStringLiteral("press button")).startsWith(QStringLiteral("error")));
    CHECK(control.answer(QStringLiteral("tap")).startsWith(QStringLiteral("error")));
    CHECK(control.answer(QStringLiteral("get button taps")) == QStringLiteral("ok 2"));

    hall::testing::TempDir dir("app-control");
    const QString file = QString::fromStdString(dir.file("window.png").string());
    CHECK(control.answer(QStringLiteral("shot ") + file) == QStringLiteral("ok ") + file);
    const QImage image(file);
    CHECK(image.size() == QSize(400, 300));
    CHECK(control.answer(QStringLiteral("shot /nonexistent/dir/x.png"))
              .startsWith(QStringLiteral("error")));
}

TEST_CASE("control: one answer line per command line on the local socket") {
    Loaded app;
    AppControl control(app.engine);
    hall::testing::TempDir dir("app-control-socket");
    const QString path = QString::fromStdString(dir.file("control.sock").string());
    QString error;
    REQUIRE(control.listen(path, error));
    QLocalSocket socket;
    socket.connectToServer(path);
    REQUIRE(socket.waitForConnected(2000));
    socket.write("tap button\nget button taps\n");
    QByteArray answers;
    for (int i = 0; i < 50 && answers.count('\n') < 2; ++i) {
        QSignalSpy readable(&socket, &QLocalSocket::readyRead);
        readable.wait(100);
        answers += socket.readAll();
    }
    CHECK(answers == QByteArray("ok\nok 1\n"));
}
