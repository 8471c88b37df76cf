// startbench (`./hall bench`): how long each role of hall-callstation takes from a cold process
// start to its first frame, and the memory it then holds. Each role's real screen (the ticket
// machine at 1080×1920, the call board at 1920×1080, the LED box at 192×32) on the mock hall,
// offscreen, each in a fresh process, --runs times; the median is reported. The baseline, in the
// same run: a process that shows an empty Qt Quick window, what Qt itself costs before the
// app does anything.
//
// The parent times from starting the child to the line the child prints on its first frame
// (exec, dynamic loading, QML compilation and the first render all included).
#include "bench/callstation/mock_screen.h"
#include "bench/resident_memory.h"

#include <CLI/CLI.hpp>
#include <QElapsedTimer>
#include <QGuiApplication>
#include <QProcess>
#include <QtQml/qqmlextensionplugin.h>
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

Q_IMPORT_QML_PLUGIN(Hall_CallstationPlugin)
Q_IMPORT_QML_PLUGIN(Hall_AppPlugin)
Q_IMPORT_QML_PLUGIN(Hall_ClientPlugin)
Q_IMPORT_QML_PLUGIN(Hall_UiPlugin)
Q_IMPORT_QML_PLUGIN(Hall_KeyboardPlugin)
Q_IMPORT_QML_PLUGIN(Hall_TechnicianPlugin)

namespace {

struct Role {
    const char* name;
    const char* qml; // empty: the baseline's empty window
    int width, height;
};
constexpr Role kRoles[] = {
    {"baseline (empty window)", "", 1920, 1080},
    {"ticket-machine", "TicketMachineScreen.qml", 1080, 1920},
    {"call-board", "CallBoardScreen.qml", 1920, 1080},
    {"led-box", "LedBoxScreen.qml", 192, 32},
};

// The child: one role's screen up to its first frame; prints "frame <rss MiB>" and exits.
int child(char* argv0, const Role& role) {
    int qtArgc = 1;
    char* qtArgv[] = {argv0, nullptr};
    QGuiApplication app(qtArgc, qtArgv);
    // The baseline is an empty window; a role is its screen as the app makes it.
    QQuickWindow empty;
    std::unique_ptr<hall::bench::MockScreen> screen;
    if (*role.qml) {
        screen = std::make_unique<hall::bench::MockScreen>("startbench", role.qml,
                                                           QSize(role.width, role.height));
        if (!screen->error().empty()) {
            std::fprintf(stderr, "startbench: %s\n", screen->error().c_str());
            return 1;
        }
    } else {
        empty.resize(role.width, role.height);
    }
    QQuickWindow& window = screen ? screen->window() : empty;
    QObject::connect(
        &window, &QQuickWindow::frameSwapped, &app,
        [&] {
            std::printf("frame %.1f\n", hall::bench::residentMiB());
            std::fflush(stdout);
            app.exit(0);
        },
        Qt::SingleShotConnection);
    window.show();
    return app.exec();
}

} // namespace

int main(int argc, char** argv) {
    int runs = 5;
    int childRole = -1;
    CLI::App cli{"startbench: cold start to first frame and memory per role of hall-callstation"};
    cli.add_option("--runs", runs, "processes per role")->check(CLI::Range(1, 50));
    cli.add_option("--child", childRole, "internal: run one role's process")->group("");
    CLI11_PARSE(cli, argc, argv);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    if (childRole >= 0 && childRole < static_cast<int>(std::size(kRoles)))
        return child(argv[0], kRoles[childRole]);

    std::printf("startbench: hall-callstation's roles from a cold process start to the first frame "
                "(offscreen, mock hall), median of %d\n\n",
                runs);
    std::printf("  %-26s %12s %12s %10s\n", "", "start ms", "over base", "RSS MiB");
    double baseMs = 0;
    for (int r = 0; r < static_cast<int>(std::size(kRoles)); ++r) {
        std::vector<double> ms, rss;
        for (int i = 0; i < runs; ++i) {
            QProcess process;
            QElapsedTimer timer;
            timer.start();
            process.start(QString::fromLocal8Bit(argv[0]),
                          {QStringLiteral("--child"), QString::number(r)});
            if (!process.waitForReadyRead(60'000)) {
                std::fprintf(stderr, "startbench: %s showed no frame: %s\n", kRoles[r].name,
                             process.readAllStandardError().constData());
                return 1;
            }
            const double elapsed = static_cast<double>(timer.nsecsElapsed()) / 1e6;
            const QByteArray line = process.readLine().trimmed();
            process.waitForFinished(10'000);
            if (!line.startsWith("frame ")) return 1;
            ms.push_back(elapsed);
            rss.push_back(line.mid(6).toDouble());
        }
        std::sort(ms.begin(), ms.end());
        std::sort(rss.begin(), rss.end());
        const double medianMs = ms[ms.size() / 2];
        if (r == 0) baseMs = medianMs;
        std::printf("  %-26s %12.0f %12.0f %10.1f\n", kRoles[r].name, medianMs,
                    r == 0 ? 0.0 : medianMs - baseMs, rss[rss.size() / 2]);
    }
    return 0;
}
