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
#include "bench/callstation/mock_screen.h"
#include "bench/latency_samples.h"
#include "bench/resident_memory.h"
#include "shared/ui/signature_strokes.h"
#include "windowpad/window_pad.h"

#include <CLI/CLI.hpp>
#include <QGuiApplication>
#include <QtQml/qqmlextensionplugin.h>
#include <chrono>
#include <cstdio>

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

} // namespace

int main(int argc, char** argv) {
    int visits = 500;
    CLI::App cli{"padbench: the window pad's clerk face through a day of visits"};
    cli.add_option("--visits", visits, "visits called, signed, finished and rated")
        ->check(CLI::Range(60, 20000));
    CLI11_PARSE(cli, argc, argv);

    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    int qtArgc = 1;
    QGuiApplication app(qtArgc, argv);
    hall::ui::AppSpec spec;
    spec.addOptions = &hall::windowpad::WindowPad::addOptions;
    spec.setUpBackend = &hall::windowpad::WindowPad::setUp;
    hall::bench::MockScreen clerkScreen("padbench", "qrc:/Hall/Windowpad/qml/ClerkScreen.qml",
                                        QSize(1280, 800), spec);
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
    const auto frameAfter = [&](int before) {
        return spinUntil([&] { return clerkScreen.frames() > before; }) ? clerkScreen.lastFrameAt()
                                                                        : Clock::now();
    };

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

    clerk->signIn(QStringLiteral("BJ1001"), QString::fromLatin1(hall::client::kDemoStaffPin));
    spinUntil([&] { return clerk->signedIn(); });
    if (!clerk->signedIn() || !issue(*backend)) {
        std::fprintf(stderr, "padbench: the clerk could not sign in: %s\n",
                     clerk->message().toStdString().c_str());
        return 1;
    }
    clerk->callNext();
    spinUntil([&] { return clerk->hasTicket(); });
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
        auto at = Clock::now();
        clerk->start();
        spinUntil([&] { return !clerk->busy(); });
        toStarted.add(frameAfter(clerkScreen.frames()) - at);

        // The citizen confirms with a signature, handed over as a PNG.
        confirmation->askToSign();
        scribble(ink);
        confirmation->sign();
        spinUntil([&] { return confirmation->stage() == ConfirmationDesk::Stage::Signed; });

        // Finish and call next: the answer, then the frame without the ticket.
        at = Clock::now();
        clerk->finishAndCallNext();
        spinUntil([&] { return !clerk->busy() && !clerk->hasTicket(); });
        toFinished.add(frameAfter(clerkScreen.frames()) - at);

        // The citizen rates (every tenth a bad one, with a reason); the next call follows.
        spinUntil([&] { return evaluation->stage() == EvaluationDesk::Stage::Rating; });
        if (i % 10 == 9) {
            evaluation->choose(2);
            evaluation->toggleReason(evaluation->reasons().value(0));
            evaluation->submit();
        } else {
            evaluation->choose(5);
        }
        spinUntil([&] { return clerk->hasTicket(); });
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
