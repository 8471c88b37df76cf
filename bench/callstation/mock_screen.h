#pragma once
// What the terminal apps' benchmarks share: one screen of an app as the app makes it — the QML
// engine with the app's imports, its QR image provider and Chinese, the terminal on the mock
// backend (TerminalApp) and the app's own set-up (AppSpec's addOptions and setUpBackend) — in a
// window of the role's size (offscreen unless a platform is set), its frames counted. The
// QGuiApplication is the caller's, made before. Given the real mode's command line, the terminal
// is on a ControllerClient instead (padbench against callstationd).
#include "shared/client/mock_backend.h"
#include "shared/ui/app/app_spec.h"
#include "shared/ui/app/terminal_app.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QStringList>
#include <chrono>
#include <string>

namespace hall::bench {

// Runs the event loop until `done` or `ms` milliseconds.
template <typename Pred> bool spinUntil(Pred done, int ms = 5000) {
    QElapsedTimer timer;
    timer.start();
    while (!done() && timer.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return done();
}

class MockScreen {
public:
    // `qml`: a file of qrc:/Hall/Callstation/qml/, or a whole qrc: URL; `app`: the app's own
    // options and set-up, run before the screen is made; `realArguments`: empty for the mock
    // backend, else the app's command line after its name in real mode (--data-dir, --ca,
    // --controller, --enroll). On failure error() says why.
    MockScreen(const char* benchName, const char* qml, QSize size, const ui::AppSpec& app = {},
               const QStringList& realArguments = {});
    ~MockScreen();
    MockScreen(const MockScreen&) = delete;
    MockScreen& operator=(const MockScreen&) = delete;

    const std::string& error() const { return error_; }
    QQmlApplicationEngine& engine() { return engine_; }
    ui::TerminalApp* terminal() const { return terminal_; }
    client::MockBackend* backend() const { return backend_; } // null in real mode
    QQuickWindow& window() { return window_; }
    QQuickItem* screen() const { return screen_; }
    int frames() const { return frames_; }
    std::chrono::steady_clock::time_point lastFrameAt() const { return frameAt_; }

    bool showAndWaitForFrame(); // false when no frame came within 5 s

private:
    QQmlApplicationEngine engine_;
    QCommandLineParser parser_;
    ui::TerminalApp* terminal_ = nullptr;
    client::MockBackend* backend_ = nullptr;
    QQuickWindow window_;
    QQuickItem* screen_ = nullptr;
    int frames_ = 0;
    std::chrono::steady_clock::time_point frameAt_{};
    std::string error_;
};

} // namespace hall::bench
