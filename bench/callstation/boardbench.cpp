// boardbench (`./hall bench`): how fast the call board shows a call, and whether it keeps its
// memory through a day of calls. The real board screen (Hall.Callstation's CallBoardScreen at
// 1920×1080, offscreen) on the mock backend's engine:
//
//   push → frame   from the call push applied on the terminal to the first frame swapped after
//                  it (the call in the list and the pop-up), p50/p99 over --calls calls
//   baseline       in the same run, the request → push-applied time of those calls: what the
//                  hall's engine and the push cost before the screen does anything
//   memory         VmRSS after the first frame, after the measured calls, and after --day
//                  more calls with the frames drawn as they come (a day is ~10,000); then over
//                  --tickets tickets issued, called and finished (a day is ~2,000), against the
//                  first hour's tenth of them
//
// Target (the issue's): one frame after the push, within 17 ms at 60 Hz.
#include "bench/callstation/mock_screen.h"
#include "bench/latency_samples.h"
#include "bench/resident_memory.h"

#include <CLI/CLI.hpp>
#include <QGuiApplication>
#include <QtQml/qqmlextensionplugin.h>
#include <chrono>
#include <cstdio>

Q_IMPORT_QML_PLUGIN(Hall_CallstationPlugin)
Q_IMPORT_QML_PLUGIN(Hall_AppPlugin)
Q_IMPORT_QML_PLUGIN(Hall_ClientPlugin)
Q_IMPORT_QML_PLUGIN(Hall_UiPlugin)
Q_IMPORT_QML_PLUGIN(Hall_KeyboardPlugin)
Q_IMPORT_QML_PLUGIN(Hall_TechnicianPlugin)

namespace {

using Clock = std::chrono::steady_clock;
using hall::bench::spinUntil;

} // namespace

int main(int argc, char** argv) {
    int calls = 1000;
    int day = 10000;
    int tickets = 2000;
    CLI::App cli{"boardbench: call push → board frame latency and the board's memory over a day"};
    cli.add_option("--calls", calls, "calls measured one by one")->check(CLI::Range(50, 100000));
    cli.add_option("--day", day, "further calls for the memory figure")
        ->check(CLI::Range(0, 1000000));
    cli.add_option("--tickets", tickets, "then tickets issued, called and finished")
        ->check(CLI::Range(10, 100000));
    CLI11_PARSE(cli, argc, argv);

    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    int qtArgc = 1;
    QGuiApplication app(qtArgc, argv);
    hall::bench::MockScreen board("boardbench", "CallBoardScreen.qml", QSize(1920, 1080));
    if (!board.error().empty()) {
        std::fprintf(stderr, "boardbench: %s\n", board.error().c_str());
        return 1;
    }
    auto* backend = board.backend();
    const auto frames = [&] { return board.frames(); };
    board.showAndWaitForFrame();
    const double rssStart = hall::bench::residentMiB();

    // Recalls of the four windows the morning left calling: every one is a call push.
    Clock::time_point pushedAt{};
    QObject::connect(backend, &hall::client::Backend::pushApplied, [&](const auto& body) {
        if (std::holds_alternative<hall::protocol::Call>(body)) pushedAt = Clock::now();
    });
    const auto recall = [&](int i) { backend->send(hall::core::Recall{1 + i % 4, false}, {}); };
    hall::bench::LatencySamples toFrame;
    hall::bench::LatencySamples toPush;
    // Paced like a busy hall's calls, a little apart: each is its own frame.
    const auto pause = [] {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 20)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    };
    for (int i = 0; i < calls; ++i) {
        const int before = frames();
        const auto sent = Clock::now();
        recall(i);
        toPush.add(pushedAt - sent);
        if (!spinUntil([&] { return frames() > before; })) {
            std::fprintf(stderr, "boardbench: no frame after call %d\n", i);
            return 1;
        }
        toFrame.add(board.lastFrameAt() - pushedAt);
        pause();
    }
    const double rssMeasured = hall::bench::residentMiB();
    for (int i = 0; i < day; ++i) {
        const int before = frames();
        recall(i);
        spinUntil([&] { return frames() > before; });
    }
    const double rssDay = hall::bench::residentMiB();

    // A day's tickets: each issued, then called at a window (which finishes the one before), the
    // board drawing as they come. The first tenth is the day's first hour.
    const auto& services = backend->engine().config().services;
    double rssFirstHour = 0;
    for (int i = 0; i < tickets; ++i) {
        hall::core::IssueTicket issue;
        issue.serviceId = services[static_cast<std::size_t>(i) % services.size()].id;
        if (services[static_cast<std::size_t>(i) % services.size()].identify)
            issue.serviceId = services[0].id; // identify-only services need a card
        const int before = frames();
        backend->send(issue, {});
        backend->callNextAt(1 + i % 6);
        spinUntil([&] { return frames() > before; });
        if (i + 1 == tickets / 10) rssFirstHour = hall::bench::residentMiB();
    }
    const double rssTickets = hall::bench::residentMiB();

    const auto frame = toFrame.summary();
    const auto push = toPush.summary();
    std::printf(
        "boardbench: the call board (1920x1080, offscreen, mock hall) reacting to calls\n\n");
    std::printf("  %-34s %8s %9s %9s %9s %9s\n", "", "samples", "p50 us", "p99 us", "mean us",
                "max us");
    const auto row = [](const char* name, const hall::bench::LatencySummary& s) {
        std::printf("  %-34s %8d %9.0f %9.0f %9.0f %9.0f\n", name, s.samples, s.p50Us, s.p99Us,
                    s.meanUs, s.maxUs);
    };
    row("call push -> frame showing it", frame);
    row("  baseline: request -> push applied", push);
    std::printf("  push -> frame p99: %.1f ms (target <= 16.7 ms, one frame at 60 Hz: %s)\n",
                frame.p99Us / 1000.0, frame.p99Us <= 16'700 ? "met" : "MISSED");
    std::printf("\nMemory (VmRSS of this process: engine, board, QML)\n");
    std::printf("  after the first frame          %7.1f MiB\n", rssStart);
    std::printf("  after %6d calls              %7.1f MiB\n", calls, rssMeasured);
    std::printf("  after %6d more calls         %7.1f MiB (%+.1f MiB over the day)\n", day, rssDay,
                rssDay - rssMeasured);
    std::printf("  after %6d tickets (first hour) %5.1f MiB\n", tickets / 10, rssFirstHour);
    std::printf(
        "  after %6d tickets            %7.1f MiB (%+.1f MiB after the first hour; the mock\n"
        "                                              hall's engine keeps the day's tickets "
        "too)\n",
        tickets, rssTickets, rssTickets - rssFirstHour);
    return 0;
}
