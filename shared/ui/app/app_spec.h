#pragma once

#include <QList>
#include <QSize>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <functional>

class QCommandLineParser;
class QQmlApplicationEngine;

namespace hall::ui {

// Which backend the app's screens talk to: the controller (Real), or an in-process stand-in
// with the same API (Mock) so every screen runs with no controller and no hardware.
// --mock selects Mock; --self-test and --screenshot always use it.
enum class BackendMode { Real, Mock };

// One screen of an app, rendered by --screenshot as <name>_<language>[_elder].png.
struct Screen {
    QString name; // file-name friendly: "welcome", "pick-service"
    QUrl
        url; // qrc:/Hall/<Module>/<File>.qml; its root is an Item (sized to the window) or a Window
    QSize size{}; // the window it is shot in; invalid: the app's screenSize (a portrait
                  // ticket machine is 1080×1920 beside a landscape board)
};

// What the backend hook gets: the engine to put context objects / initial properties on, the
// mode, and the parsed command line (including the app's own options).
struct AppContext {
    QQmlApplicationEngine& engine;
    BackendMode backend;
    const QCommandLineParser& commandLine;
};

// Everything the shell needs to know about an app. See run_app.h for a complete main().
struct AppSpec {
    QString name;        // "hall-kiosk": application name (settings, logs)
    QString displayName; // shown in window titles; defaults to name
    QUrl mainQml;        // the window the app opens: qrc:/Hall/Kiosk/Main.qml
    QList<Screen> screens;
    // The QML files --self-test instantiates. Empty: every *.qml under qrc:/Hall/ (all the QML
    // modules linked into the app). Pragma Singleton files are reached through their type.
    QStringList selfTestFiles;
    // Window size of screenshots and of the self-test's render pass: the kiosk panel.
    QSize screenSize{1920, 1080};
    // Adds the app's own command-line options before parsing (optional).
    std::function<void(QCommandLineParser&)> addOptions;
    // Sets up the backend for the chosen mode: creates the models/clients (parented to the
    // engine, which outlives every QML object) and exposes them to QML. Returns false, after
    // printing why, when the app cannot start (optional).
    std::function<bool(AppContext&)> setUpBackend;
};

} // namespace hall::ui
