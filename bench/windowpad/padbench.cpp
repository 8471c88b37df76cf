// padbench (`./hall bench`): the window pad through a day of visits. The real clerk face
// (Hall.Windowpad's ClerkScreen at 1280×800, offscreen) on the mock backend's engine, with the
// pad's desks as the app wires them (WindowPad::setUp): each visit is called, started, confirmed
// with a signature (rendered to PNG and handed over), finished with "finish and call next",
// rated on the citizen's desk — and the rating lets the next call go out.
//
//   start → screen    from ClerkDesk::start() to the first frame drawn after the answer
//   finish → screen   from finishAndCallNext() to the first frame drawn without the ticket
//   baseline          in the same run, the same requests → answers through a second mock
//                     backend without any screen or desk: what the engine costs by itself
//   memory            VmRSS after the first 50 visits and after all (--visits, 500 by default),
//                     against the mock engine alone given the same visits in this run (it keeps
//                     every ticket, as the controller does; the pad itself should keep nothing)
//
// Then the same face against the real controller (--controller-visits, 200 by default): a fresh
// callstationd on the bench hall (started as controllerbench starts it), the face enrolled as
// window 1's pad through its real ControllerClient (TLS WebSocket, hall CA pinned), the clerk
// signed in with their PIN, tickets issued over a ticket machine's connection. Each visit is
// started, finished with "finish and call next" and rated — no signature: its upload is REST, not
// one of the requests compared. Start and finish → screen as above, the answer the controller's;
// the baseline, in the same visits, is the same two requests for window 2 over a bare protocol
// connection (the blocking netclient of bench_terminal: no Qt, no desk, no screen).
//
// The daemon allows 20 requests a second per connection and the pad sends four a visit (start,
// finish, rate, call next): the visits are paced at 3/4 of that, as controllerbench paces its
// terminals, so that `rate_limited` is never what is measured (200 visits: about 55 s). When
// callstationd does not start, or a request is refused, padbench says why and exits with 1.
#include "bench/callstation/mock_screen.h"
#include "bench/controller/bench_daemon.h"
#include "bench/controller/enrollment.h"
#include "bench/controller/hall_layout.h"
#include "bench/latency_samples.h"
#include "bench/resident_memory.h"
#include "shared/client/controller_client.h"
#include "shared/protocol/link_limits.h"
#include "shared/ui/signature_strokes.h"
#include "windowpad/window_pad.h"

#include <CLI/CLI.hpp>
#include <QFile>
#include <QGuiApplication>
#include <QTemporaryDir>
#include <QtQml/qqmlextensionplugin.h>
#include <chrono>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>

Q_IMPORT_QML_PLUGIN(Hall_WindowpadPlugin)
Q_IMPORT_QML_PLUGIN(Hall_AppPlugin)
Q_IMPORT_QML_PLUGIN(Hall_ClientPlugin)
Q_IMPORT_QML_PLUGIN(Hall_UiPlugin)
Q_IMPORT_QML_PLUGIN(Hall_KeyboardPlugin)
Q_IMPORT_QML_PLUGIN(Hall_TechnicianPlugin)

namespace {

using Clock = std::chrono::steady_clock;
using hall::bench::spinUntil;
using hall::windowpad::ConfirmationDesk;
using hall::windowpad::EvaluationDesk;

const hall::protocol::DeviceIdentity kPad{"pad-1", hall::protocol::Role::WindowPad, 1, {}};
const hall::protocol::DeviceIdentity kAdmin{"admin", hall::protocol::Role::Admin, std::nullopt, {}};

// A citizen takes a number for one of window 1's two services (their quotas together are 550
// a day; the mock acting as a ticket machine): the first that still issues.
bool issue(hall::client::MockBackend& backend) {
    bool ok = false;
    backend.setDevice(kAdmin);
    for (const char* service : {"social_security", "medical_insurance"}) {
        hall::core::IssueTicket ticket;
        ticket.serviceId = service;
        bool answered = false;
        backend.send(ticket, [&](const hall::protocol::Response& r) {
            ok = r.ok();
            answered = true;
        });
        spinUntil([&] { return answered; });
        if (ok) break;
    }
    backend.setDevice(kPad);
    return ok;
}

// One request through a backend, timed to its answer; false when refused.
bool timed(hall::client::MockBackend& backend, hall::protocol::RequestBody body,
           hall::bench::LatencySamples& samples) {
    bool ok = false, answered = false;
    const auto sent = Clock::now();
    backend.send(std::move(body), [&](const hall::protocol::Response& r) {
        samples.add(Clock::now() - sent);
        ok = r.ok();
        answered = true;
    });
    spinUntil([&] { return answered; });
    return ok;
}

void scribble(hall::ui::SignatureStrokes& ink) {
    ink.begin(40, 120);
    for (int i = 1; i <= 60; ++i)
        ink.extend(40 + i * 9, 120 + ((i % 2) ? 60 : -60));
    ink.end();
}

void print(const char* what, const hall::bench::LatencySummary& s) {
    std::printf("  %-34s p50 %8.2f ms   p99 %8.2f ms   (n=%d)\n", what, s.p50Us / 1000,
                s.p99Us / 1000, s.samples);
}

hall::ui::AppSpec padSpec() {
    hall::ui::AppSpec spec;
    spec.addOptions = &hall::windowpad::WindowPad::addOptions;
    spec.setUpBackend = &hall::windowpad::WindowPad::setUp;
    return spec;
}

constexpr const char* kClerkScreen = "qrc:/Hall/Windowpad/qml/ClerkScreen.qml";

// The clerk face on the mock hall; 0, or 1 after saying why on stderr.
// Action → answer → the first frame drawn after it, caught as they happen: a frame drawn in the
// same processEvents() as the answer counts. (Spinning until the answer and only then waiting for
// a frame misses it and times the next one instead, e.g. at the end of the 3 s call lock.) The
// software scene graph renders on this thread.
class ScreenTimer {
public:
    ScreenTimer(hall::windowpad::ClerkDesk* clerk, QQuickWindow& window) {
        answered_ =
            QObject::connect(clerk, &hall::windowpad::ClerkDesk::busyChanged, clerk, [this, clerk] {
                if (!clerk->busy() && !answeredAt_) answeredAt_ = Clock::now();
            });
        drawn_ = QObject::connect(&window, &QQuickWindow::frameSwapped, clerk, [this] {
            if (answeredAt_ && !drawnAt_) drawnAt_ = Clock::now();
        });
    }
    // The screen may outlive this (and draw once more as it goes).
    ~ScreenTimer() {
        QObject::disconnect(answered_);
        QObject::disconnect(drawn_);
    }
    ScreenTimer(const ScreenTimer&) = delete;
    ScreenTimer& operator=(const ScreenTimer&) = delete;
    // Empty when it was timed; else what went wrong.
    template <typename Action, typename Shown>
    std::string time(Action action, Shown shown, hall::bench::LatencySamples& samples) {
        answeredAt_.reset();
        drawnAt_.reset();
        const auto at = Clock::now();
        action();
        if (!spinUntil([&] { return answeredAt_ && shown(); }))
            return answeredAt_ ? "answered, not shown" : "not answered";
        if (!spinUntil([&] { return drawnAt_.has_value(); })) return "no frame after the answer";
        samples.add(*drawnAt_ - at);
        return {};
    }

private:
    std::optional<Clock::time_point> answeredAt_, drawnAt_;
    QMetaObject::Connection answered_, drawn_;
};

// The citizen of visit `i` rates: every tenth a bad rating, with one of the hall's reasons.
void rate(EvaluationDesk& evaluation, int i) {
    if (i % 10 == 9) {
        evaluation.choose(2);
        evaluation.toggleReason(evaluation.reasons().value(0));
        evaluation.submit();
    } else {
        evaluation.choose(5);
    }
}

bool serving(const hall::windowpad::ClerkDesk& clerk) {
    return clerk.ticket().value(QStringLiteral("state")) == QStringLiteral("serving");
}

int runOnMock(int visits) {
    hall::bench::MockScreen clerkScreen("padbench", kClerkScreen, QSize(1280, 800), padSpec());
    if (!clerkScreen.error().empty()) {
        std::fprintf(stderr, "padbench: %s\n", clerkScreen.error().c_str());
        return 1;
    }
    auto* backend = clerkScreen.backend();
    auto* pad = hall::windowpad::WindowPad::create(&clerkScreen.engine(), nullptr);
    auto* clerk = pad->clerk();
    auto* evaluation = pad->evaluation();
    auto* confirmation = pad->confirmation();
    hall::ui::SignatureStrokes ink;
    ink.setCanvasSize({600, 250});
    confirmation->setStrokes(&ink);
    evaluation->setProperty("guardMs", 0); // the bench's hand is not the clerk's
    clerkScreen.showAndWaitForFrame();
    ScreenTimer screenTimer(clerk, clerkScreen.window());

    // The baseline first, on a mock of its own: start and finish as bare requests.
    hall::bench::LatencySamples rawStart, rawFinish;
    double engineGrowth = 0;
    {
        hall::client::MockBackend engineOnly;
        hall::bench::LatencySamples ignored;
        engineOnly.setDevice(kAdmin); // a pad signs its clerk in with their PIN; an admin may not
        timed(engineOnly, hall::core::SignIn{1, "s01"}, ignored);
        engineOnly.setDevice(kPad);
        const double before = hall::bench::residentMiB();
        for (int i = 0; i < visits; ++i) {
            if (!issue(engineOnly) || !timed(engineOnly, hall::core::CallNext{1, false}, ignored) ||
                !timed(engineOnly, hall::core::StartServing{1}, rawStart) ||
                !timed(engineOnly, hall::core::Finish{1}, rawFinish)) {
                std::fprintf(stderr, "padbench: the baseline visit %d was refused\n", i);
                return 1;
            }
            hall::core::Rate rate;
            rate.ticket = engineOnly.engine().window(1)->lastFinished.value_or(0);
            rate.level = hall::core::RatingLevel::VerySatisfied;
            rate.window = 1;
            timed(engineOnly, rate, ignored);
        }
        engineGrowth = hall::bench::residentMiB() - before;
    }

    // (The mock hall's morning has the clerk signed in and a citizen called at window 1
    // already: both requests are answered — taken or refused — before the visits begin, so
    // that no answer of theirs is timed as a visit's.)
    clerk->signIn(QStringLiteral("BJ1001"), QString::fromLatin1(hall::client::kDemoStaffPin));
    spinUntil([&] { return clerk->signedIn() && !clerk->busy(); });
    if (!clerk->signedIn() || !issue(*backend)) {
        std::fprintf(stderr, "padbench: the clerk could not sign in: %s\n",
                     clerk->message().toStdString().c_str());
        return 1;
    }
    clerk->callNext();
    spinUntil([&] { return clerk->hasTicket() && !clerk->busy(); });
    hall::bench::LatencySamples toStarted, toFinished;
    double rssWarm = 0;
    const double rssStart = hall::bench::residentMiB();
    for (int i = 0; i < visits; ++i) {
        // One citizen waiting behind the one at the counter (the day's quotas are the limit).
        if (!clerk->hasTicket() || (clerk->waiting() == 0 && !issue(*backend))) {
            std::fprintf(stderr, "padbench: visit %d: no ticket at the window (%s)\n", i,
                         clerk->message().toStdString().c_str());
            return 1;
        }
        // Start: the answer, then the frame that shows "serving".
        if (auto failed = screenTimer.time([&] { clerk->start(); }, [&] { return serving(*clerk); },
                                           toStarted);
            !failed.empty()) {
            std::fprintf(stderr, "padbench: visit %d: start: %s (%s)\n", i, failed.c_str(),
                         clerk->message().toStdString().c_str());
            return 1;
        }

        // The citizen confirms with a signature, handed over as a PNG.
        confirmation->askToSign();
        scribble(ink);
        confirmation->sign();
        spinUntil([&] { return confirmation->stage() == ConfirmationDesk::Stage::Signed; });

        // Finish and call next: the answer, then the frame without the ticket.
        if (auto failed = screenTimer.time([&] { clerk->finishAndCallNext(); },
                                           [&] { return !clerk->hasTicket(); }, toFinished);
            !failed.empty()) {
            std::fprintf(stderr, "padbench: visit %d: finish: %s (%s)\n", i, failed.c_str(),
                         clerk->message().toStdString().c_str());
            return 1;
        }

        // The citizen rates (every tenth a bad one, with a reason); the next call follows.
        spinUntil([&] { return evaluation->stage() == EvaluationDesk::Stage::Rating; });
        rate(*evaluation, i);
        spinUntil([&] { return clerk->hasTicket() && !clerk->busy(); });
        // What the app's running event loop does between two visits: the items and objects
        // given to deleteLater() go (processEvents() alone leaves them, and the memory figures
        // would count them).
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        if (i == 49) rssWarm = hall::bench::residentMiB();
    }
    const double rssEnd = hall::bench::residentMiB();

    std::printf("padbench: the window pad's clerk face, %d visits (call, start, sign, finish and "
                "call next, rate)\n",
                visits);
    print("start → answer → screen", toStarted.summary());
    print("  baseline: start request alone", rawStart.summary());
    print("finish → answer → screen", toFinished.summary());
    print("  baseline: finish request alone", rawFinish.summary());
    std::printf("  memory: %.1f MiB at the first frame, %.1f after 50 visits, %.1f after %d "
                "(growth %.1f MiB; the mock engine alone grew %.1f MiB over the same visits)\n",
                rssStart, rssWarm, rssEnd, visits, rssEnd - rssWarm, engineGrowth);
    std::printf("  signatures handed over: %zu\n", backend->storedAttachments().size());
    return 0;
}

// ---- Against the real controller ----

using hall::bench::BenchDaemon;
using hall::bench::BenchTerminal;

constexpr const char* kClerkNumber = "1001"; // s01's staff_number in bench-hall.toml
constexpr const char* kClerkPin = "482915";
constexpr int kPadWindow = 1;
constexpr int kBareWindow = 2; // the baseline's window: same services and routing as window 1
// Requests of the pad per visit (start, finish, rate, call next) at 3/4 of the daemon's limit.
constexpr std::chrono::duration<double> kVisitPeriod{4.0 /
                                                     (hall::protocol::kRequestsPerSecond * 0.75)};

void need(bool ok, const std::string& what) {
    if (!ok) throw std::runtime_error(what);
}

// One request over the bare connection, timed from send to answer (the pacing wait outside).
hall::protocol::CommandResult timedBare(BenchTerminal& terminal, hall::protocol::RequestBody body,
                                        const std::string& what,
                                        hall::bench::LatencySamples* samples = nullptr) {
    terminal.pace();
    const auto sent = Clock::now();
    const auto response = terminal.requestNow(std::move(body));
    if (samples) samples->add(Clock::now() - sent);
    return hall::bench::expectCommandResult(response, terminal.spec().name + ": " + what);
}

struct ControllerFigures {
    hall::bench::LatencySamples toStarted, toFinished, rawStart, rawFinish;
};

ControllerFigures visitsAgainst(BenchDaemon& daemon, int visits) {
    namespace layout = hall::bench::layout;
    // The clerk's PIN, as an admin sets it (hallctl staff set-pin): the pad signs in with it.
    const auto pin = daemon.admin().request(boost::beast::http::verb::put,
                                            "/api/v1/staff/" + layout::staffOfWindow(kPadWindow) +
                                                "/credentials",
                                            std::string(R"({"pin":")") + kClerkPin + "\"}");
    need(pin.ok(), "setting the clerk's PIN: HTTP " + std::to_string(pin.status) + " " + pin.body);
    hall::bench::EnrollmentTiming enrolled;
    auto machine = hall::bench::enrollTerminal(
        daemon, {"padbench-machine", "ticket_machine", {}, {}}, enrolled);
    auto bare = hall::bench::enrollTerminal(
        daemon, {"padbench-bare-pad", "window_pad", kBareWindow, {}}, enrolled);
    timedBare(bare, hall::core::SignIn{kBareWindow, layout::staffOfWindow(kBareWindow)},
              "sign_in"); // no PIN set for this clerk: a plain sign_in is taken
    int issued = 0;
    const auto issue = [&] {
        hall::core::IssueTicket ticket;
        ticket.serviceId =
            layout::kServices[static_cast<std::size_t>(issued++) % layout::kServices.size()];
        timedBare(machine, ticket, "issue_ticket");
    };

    // The pad as hall-windowpad starts in real mode: --data-dir, --ca, --controller, --enroll.
    QTemporaryDir padDir;
    need(padDir.isValid(), "no temporary directory for the pad");
    const QString caFile = padDir.filePath(QStringLiteral("ca.pem"));
    QFile ca(caFile);
    need(ca.open(QIODevice::WriteOnly) && ca.write(QByteArray::fromStdString(daemon.caPem())) ==
                                              static_cast<qint64>(daemon.caPem().size()),
         "cannot write the hall CA for the pad");
    ca.close();
    const auto code = daemon.enrollmentCode("padbench-pad", "window_pad", kPadWindow, {});
    ControllerFigures figures;
    auto& [toStarted, toFinished, rawStart, rawFinish] = figures;
    hall::bench::MockScreen clerkScreen(
        "padbench", kClerkScreen, QSize(1280, 800), padSpec(),
        {QStringLiteral("--data-dir"), padDir.filePath(QStringLiteral("pad")),
         QStringLiteral("--ca"), caFile, QStringLiteral("--controller"),
         QStringLiteral("localhost:%1").arg(daemon.port()), QStringLiteral("--enroll"),
         QString::fromStdString(code)});
    need(clerkScreen.error().empty(), "the pad's screen: " + clerkScreen.error());
    auto* client = clerkScreen.terminal()->controller();
    auto* pad = hall::windowpad::WindowPad::create(&clerkScreen.engine(), nullptr);
    auto* clerk = pad->clerk();
    auto* evaluation = pad->evaluation();
    evaluation->setProperty("guardMs", 0); // the bench's hand is not the clerk's
    clerkScreen.showAndWaitForFrame();
    need(spinUntil([&] { return client->online(); }, 20000),
         "the pad did not come online: " + client->lastError().toStdString());
    clerk->signIn(QString::fromLatin1(kClerkNumber), QString::fromLatin1(kClerkPin));
    need(spinUntil([&] { return !clerk->busy() && clerk->signedIn(); }, 10000),
         "the clerk could not sign in: " + clerk->message().toStdString());
    ScreenTimer screenTimer(clerk, clerkScreen.window());
    const auto toScreen = [&](auto action, auto shown, hall::bench::LatencySamples& samples,
                              const std::string& what) {
        const auto failed = screenTimer.time(action, shown, samples);
        need(failed.empty(), what + ": " + failed + " " + clerk->message().toStdString());
    };
    // The pad waits for its queue push (at most every 100 ms) so that it is not mid-way
    // through one when an action is timed.
    const auto waitingAtPad = [&](int n, const char* when) {
        need(spinUntil([&] { return clerk->waiting() == n; }),
             std::string("the pad never saw ") + std::to_string(n) + " waiting " + when);
    };

    issue();
    waitingAtPad(1, "before the first call");
    clerk->callNext();
    need(spinUntil([&] { return clerk->hasTicket() && !clerk->busy(); }),
         "the first call failed: " + clerk->message().toStdString());
    waitingAtPad(0, "after the first call");
    for (int i = 0; i < visits; ++i) {
        const auto visitStart = Clock::now();
        // Two citizens take a number: the pad calls one after the rating, window 2 the other.
        issue();
        issue();
        waitingAtPad(2, "after two tickets issued");

        const auto visit = "visit " + std::to_string(i);
        toScreen([&] { clerk->start(); }, [&] { return serving(*clerk); }, toStarted,
                 visit + ": start");
        toScreen([&] { clerk->finishAndCallNext(); }, [&] { return !clerk->hasTicket(); },
                 toFinished, visit + ": finish");

        // The citizen rates (every tenth a bad one, with a reason); the next call follows.
        need(spinUntil([&] { return evaluation->stage() == EvaluationDesk::Stage::Rating; }),
             visit + ": the citizen face was not asked to rate");
        rate(*evaluation, i);
        need(spinUntil([&] { return clerk->hasTicket() && !clerk->busy(); }),
             visit + ": no next call after the rating: " + clerk->message().toStdString());

        // The baseline: the same visit at window 2, its start and finish timed.
        const auto called = timedBare(bare, hall::core::CallNext{kBareWindow, false}, "call_next");
        need(called.ticket.has_value(), "window 2 called nobody");
        timedBare(bare, hall::core::StartServing{kBareWindow}, "start_serving", &rawStart);
        timedBare(bare, hall::core::Finish{kBareWindow}, "finish", &rawFinish);
        hall::core::Rate rate;
        rate.ticket = called.ticket->id;
        rate.level = hall::core::RatingLevel::VerySatisfied;
        rate.window = kBareWindow;
        need(bare.request(rate).ok(), "window 2's rating was refused");

        waitingAtPad(0, "after window 2's call");
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        spinUntil([&] { return Clock::now() - visitStart >= kVisitPeriod; }, 1000);
    }
    return figures;
}

void runAgainstController(int visits) {
    std::optional<BenchDaemon> daemon;
    try {
        daemon.emplace();
    } catch (const std::exception& e) {
        throw std::runtime_error(std::string("callstationd did not start: ") + e.what());
    }
    ControllerFigures figures;
    try {
        figures = visitsAgainst(*daemon, visits); // the pad goes before the daemon stops
    } catch (const std::exception&) {
        daemon->checkRunning(); // a refusal or a silence may be the daemon gone: then say that
        throw;
    }
    daemon->stop(); // throws unless callstationd exits with status 0
    const auto& [toStarted, toFinished, rawStart, rawFinish] = figures;

    std::printf("padbench: the clerk face against callstationd (TLS WebSocket on loopback), %d "
                "visits (start, finish and call next, rate); baseline: the same requests for "
                "window %d over a bare protocol connection, no screen\n",
                visits, kBareWindow);
    print("start → answer → screen", toStarted.summary());
    print("  baseline: start on a bare link", rawStart.summary());
    print("finish → answer → screen", toFinished.summary());
    print("  baseline: finish on a bare link", rawFinish.summary());
}

} // namespace

int main(int argc, char** argv) {
    int visits = 500;
    int controllerVisits = 200;
    std::string run = "both";
    CLI::App cli{"padbench: the window pad's clerk face through a day of visits"};
    cli.add_option("--visits", visits, "visits on the mock hall: called, signed, finished, rated")
        ->check(CLI::Range(60, 20000));
    cli.add_option("--controller-visits", controllerVisits,
                   "visits against callstationd: started, finished, rated (about 0.27 s each)")
        ->check(CLI::Range(10, 20000));
    cli.add_option("--run", run, "mock, controller or both (default)")
        ->check(CLI::IsMember({"mock", "controller", "both"}));
    CLI11_PARSE(cli, argc, argv);

    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    int qtArgc = 1;
    QGuiApplication app(qtArgc, argv);
    if (run != "controller") {
        if (const int status = runOnMock(visits); status != 0) return status;
    }
    if (run != "mock") {
        try {
            runAgainstController(controllerVisits);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "padbench: against callstationd: %s\n", e.what());
            return 1;
        }
    }
    return 0;
}
