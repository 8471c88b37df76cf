// The control socket of a terminal app (--control, shared/ui/app/app_control.h): a tap reaches
// the named item through the window as a finger's would, a hidden or disabled item is not
// touched, properties are read by name, the window is saved as PNG; anything else is an error
// that changes nothing — over a real local socket too; an app of two windows (a window pad's
// clerk and citizen faces) is worked in both, and either is saved; a tap the moment a part of the
// screen appears lands where that part is drawn.
#include "shared/ui/app/app_control.h"
#include "tests/support/temp_dir.h"

#include <QFileInfo>
#include <QImage>
#include <QLocalSocket>
#include <QQmlApplicationEngine>
#include <QQuickWindow>
#include <QSignalSpy>
#include <QTest>
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

// The window pad's shape: an Item at the root, a Window for each face (and one switched off).
// Each is a top-level window of its own (transientParent: null): Qt shows a Window declared in an
// Item only once that Item is in a window, which an Item at the root never is.
constexpr auto kTwoWindows = R"(
import QtQuick
Item {
    Window {
        title: "clerk"
        transientParent: null
        width: 300; height: 200; visible: true
        Rectangle {
            objectName: "left"
            property int taps: 0
            width: 100; height: 60
            TapHandler { onTapped: parent.taps++ }
        }
    }
    Window {
        title: "the citizen"
        transientParent: null
        width: 320; height: 240; visible: true
        Rectangle {
            objectName: "right"
            property int taps: 0
            x: 200; y: 160; width: 100; height: 60
            TapHandler { onTapped: parent.taps++ }
        }
    }
    Window {
        title: "off"
        transientParent: null
        width: 100; height: 100; visible: false
        Rectangle { objectName: "unseen"; width: 50; height: 50 }
    }
}
)";

// A part of the screen that appears on a tap, laid out at the next frame.
constexpr auto kAppearing = R"(
import QtQuick
import QtQuick.Layouts
Window {
    width: 400; height: 300; visible: true
    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        Rectangle {
            objectName: "opener"
            Layout.fillWidth: true; Layout.preferredHeight: 100
            TapHandler { onTapped: more.visible = true }
        }
        ColumnLayout {
            id: more
            visible: false
            spacing: 0
            Layout.fillWidth: true
            Rectangle { Layout.fillWidth: true; Layout.preferredHeight: 100 }
            Rectangle {
                objectName: "late"
                property int taps: 0
                Layout.fillWidth: true; Layout.preferredHeight: 60
                TapHandler { onTapped: parent.taps++ }
            }
        }
        Item { Layout.fillHeight: true }
    }
}
)";

struct Loaded {
    QQmlApplicationEngine engine;
    explicit Loaded(const char* qml = kWindow) {
        engine.loadData(qml);
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

TEST_CASE("control: an app of two windows is worked in both, and either is saved") {
    Loaded app(kTwoWindows);
    AppControl control(app.engine);
    CHECK(control.answer(QStringLiteral("tap right")) == QStringLiteral("ok"));
    CHECK(control.answer(QStringLiteral("get right taps")) == QStringLiteral("ok 1"));
    CHECK(control.answer(QStringLiteral("get left taps")) == QStringLiteral("ok 0"));
    CHECK(control.answer(QStringLiteral("tap left")) == QStringLiteral("ok"));
    CHECK(control.answer(QStringLiteral("get left taps")) == QStringLiteral("ok 1"));
    CHECK(control.answer(QStringLiteral("get right taps")) == QStringLiteral("ok 1"));
    // A window that is not shown is not there for the finger, nor for reading.
    CHECK(control.answer(QStringLiteral("tap unseen")).startsWith(QStringLiteral("error")));
    CHECK(control.answer(QStringLiteral("get unseen width")).startsWith(QStringLiteral("error")));

    hall::testing::TempDir dir("app-control-two");
    const QString first = QString::fromStdString(dir.file("first.png").string());
    CHECK(control.answer(QStringLiteral("shot ") + first) == QStringLiteral("ok ") + first);
    CHECK(QImage(first).size() == QSize(300, 200));
    const QString citizen = QString::fromStdString(dir.file("citizen.png").string());
    CHECK(control.answer(QStringLiteral("shot ") + citizen + QStringLiteral(" the citizen")) ==
          QStringLiteral("ok ") + citizen);
    CHECK(QImage(citizen).size() == QSize(320, 240));
    const QString off = QString::fromStdString(dir.file("off.png").string());
    CHECK(control.answer(QStringLiteral("shot ") + off + QStringLiteral(" off"))
              .startsWith(QStringLiteral("error")));
    CHECK(control.answer(QStringLiteral("shot ") + off + QStringLiteral(" nobody"))
              .startsWith(QStringLiteral("error")));
    CHECK(!QFileInfo::exists(off));
}

TEST_CASE("control: a tap right after a part of the screen appears lands where it is drawn") {
    Loaded app(kAppearing);
    AppControl control(app.engine);
    auto* window = qobject_cast<QQuickWindow*>(app.engine.rootObjects().front());
    REQUIRE(QTest::qWaitForWindowExposed(window)); // laid out once, as on the screen
    // No frame in between, as when a demo taps the moment a screen changes.
    CHECK(control.answer(QStringLiteral("tap opener")) == QStringLiteral("ok"));
    CHECK(control.answer(QStringLiteral("tap late")) == QStringLiteral("ok"));
    CHECK(control.answer(QStringLiteral("get late taps")) == QStringLiteral("ok 1"));
    CHECK(control.answer(QStringLiteral("get late y")) == QStringLiteral("ok 100"));
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
