// The window pad's two desks on the mock backend (a real engine on the demo hall, the pad
// standing in for window 1's): the clerk signs in with a PIN, calls, serves and finishes; the
// finish asks the citizen face for a rating; a bad rating needs a reason, a press in the first
// second is ignored; the rating goes through the outbox once; the next call forgets the citizen.
#include "shared/client/mock_backend.h"
#include "tests/support/qt_event_wait.h"
#include "tests/windowpad/pad_rig.h"
#include "windowpad/clerk_desk.h"
#include "windowpad/confirmation_desk.h"
#include "windowpad/evaluation_desk.h"

#include <QSignalSpy>
#include <doctest/doctest.h>

using hall::testing::waitUntil;
using hall::windowpad::ClerkDesk;
using hall::windowpad::EvaluationDesk;
using namespace std::chrono_literals;

namespace {

struct Pad {
    hall::client::MockBackend backend;
    ClerkDesk clerk;
    EvaluationDesk evaluation;
    Pad() {
        backend.setDevice(hall::testing::kWindowOnePad);
        clerk.setBackend(&backend);
        evaluation.setBackend(&backend);
    }
    // Waits for the action in flight to be answered.
    void settle() {
        REQUIRE(waitUntil([&] { return !clerk.busy(); }, 2s));
    }
    void citizenTakesNumber() { hall::testing::citizenTakesNumber(backend); }
    void signInAndServe() {
        clerk.signIn(QStringLiteral("BJ1001"), QString::fromLatin1(hall::client::kDemoStaffPin));
        settle();
        REQUIRE(clerk.signedIn());
        clerk.callNext();
        settle();
        REQUIRE(clerk.hasTicket());
    }
};

} // namespace

TEST_CASE("the clerk signs in with a PIN, calls, serves and finishes; the citizen rates") {
    Pad pad;
    CHECK(pad.clerk.window() == 1);
    CHECK_FALSE(pad.clerk.signedIn());
    pad.clerk.signIn(QStringLiteral("BJ1001"), QStringLiteral("135790"));
    pad.settle();
    CHECK_FALSE(pad.clerk.signedIn());
    CHECK(pad.clerk.message().contains(QStringLiteral("PIN")));
    pad.clerk.signIn(QStringLiteral("BJ1001"), QString::fromLatin1(hall::client::kDemoStaffPin));
    pad.settle();
    REQUIRE(pad.clerk.signedIn());
    CHECK(pad.clerk.staffName() == QStringLiteral("王丽娟"));
    CHECK(pad.clerk.queues().size() == 2); // window 1 serves two services

    pad.clerk.callNext();
    pad.settle();
    CHECK(pad.clerk.message().contains(QStringLiteral("Nobody"))); // nobody waits yet
    // A citizen takes a number; the clerk calls, and a second tap within 3 s calls nothing.
    pad.citizenTakesNumber();
    pad.clerk.callNext();
    pad.settle();
    REQUIRE(pad.clerk.hasTicket());
    const auto number = pad.clerk.ticket().value(QStringLiteral("number")).toString();
    CHECK(pad.clerk.callLocked());
    pad.clerk.callNext(); // the double tap
    CHECK_FALSE(pad.clerk.busy());

    pad.clerk.start();
    pad.settle();
    CHECK(pad.clerk.ticket().value(QStringLiteral("state")) == QStringLiteral("serving"));
    pad.clerk.finish(QStringLiteral("needs_documents"), QStringLiteral("缺户口簿原件"));
    pad.settle();
    CHECK_FALSE(pad.clerk.hasTicket());
    CHECK(pad.clerk.servedToday() == 1);

    // The citizen face: the levels; a press at once is the clerk's hand, ignored.
    REQUIRE(waitUntil([&] { return pad.evaluation.stage() == EvaluationDesk::Stage::Rating; }, 2s));
    CHECK(pad.evaluation.number() == number);
    CHECK_FALSE(pad.evaluation.choose(1));
    pad.evaluation.setProperty("guardMs", 0);
    REQUIRE(pad.evaluation.choose(1)); // 非常不满意: reasons first
    CHECK(pad.evaluation.stage() == EvaluationDesk::Stage::Reasons);
    CHECK_FALSE(pad.evaluation.submit()); // none chosen
    CHECK_FALSE(pad.evaluation.message().isEmpty());
    pad.evaluation.toggleReason(pad.evaluation.reasons().first());
    pad.evaluation.setComment(QStringLiteral("等了太久"));
    const int outboxBefore = pad.backend.outboxSize();
    QSignalSpy answered(&pad.backend, &hall::client::Backend::durableAnswered);
    REQUIRE(pad.evaluation.submit());
    CHECK(pad.evaluation.stage() == EvaluationDesk::Stage::Thanks);
    CHECK(pad.evaluation.chosenReasons().isEmpty()); // nothing of the citizen kept
    CHECK(pad.evaluation.comment().isEmpty());
    REQUIRE(waitUntil([&] { return answered.count() == 1; }, 2s));
    CHECK(answered.first().at(1).toBool()); // accepted: served at this window
    CHECK(pad.backend.outboxSize() == outboxBefore);
}

TEST_CASE("while the link is down, finish is kept in the outbox and calls say why not") {
    Pad pad;
    pad.clerk.signIn(QStringLiteral("BJ1001"), QString::fromLatin1(hall::client::kDemoStaffPin));
    pad.settle();
    REQUIRE(pad.clerk.signedIn());
    pad.backend.setSimulatedOnline(false);
    pad.clerk.callNext();
    CHECK(pad.clerk.message().contains(QStringLiteral("server")));
    pad.clerk.pause(QStringLiteral("午休"));
    CHECK(pad.clerk.pending() == 1);
    pad.backend.setSimulatedOnline(true);
    REQUIRE(waitUntil([&] { return pad.clerk.pending() == 0; }, 3s));
    REQUIRE(waitUntil([&] { return pad.clerk.paused(); }, 2s));
    CHECK(pad.clerk.pauseReason() == QStringLiteral("午休"));
}

TEST_CASE("finish and call next waits for the citizen's rating, then calls") {
    Pad pad;
    pad.citizenTakesNumber();
    pad.citizenTakesNumber();
    pad.signInAndServe();
    const auto first = pad.clerk.ticket().value(QStringLiteral("number")).toString();
    pad.clerk.finishAndCallNext();
    pad.settle();
    // Finished, not yet called: the citizen at the counter is rating.
    CHECK_FALSE(pad.clerk.hasTicket());
    CHECK(pad.clerk.ratingWaitSeconds() > 0);
    REQUIRE(waitUntil([&] { return pad.evaluation.stage() == EvaluationDesk::Stage::Rating; }, 2s));
    CHECK(pad.evaluation.number() == first);
    pad.evaluation.setProperty("guardMs", 0);
    REQUIRE(pad.evaluation.choose(5));
    // Rated: the next citizen is called at once.
    REQUIRE(waitUntil([&] { return pad.clerk.hasTicket(); }, 3s));
    CHECK(pad.clerk.ticket().value(QStringLiteral("number")).toString() != first);
    CHECK(pad.clerk.ratingWaitSeconds() == 0);

    // Next visit: the clerk does not wait, and the half-typed rating of the citizen is gone.
    pad.settle();
    pad.clerk.finishAndCallNext();
    pad.settle();
    REQUIRE(waitUntil([&] { return pad.evaluation.stage() == EvaluationDesk::Stage::Rating; }, 2s));
    REQUIRE(pad.evaluation.choose(2));
    pad.evaluation.toggleReason(pad.evaluation.reasons().first());
    pad.evaluation.setComment(QStringLiteral("窗口人员态度不好"));
    pad.citizenTakesNumber();
    pad.clerk.callNow();
    REQUIRE(waitUntil([&] { return pad.clerk.hasTicket(); }, 3s));
    REQUIRE(waitUntil([&] { return pad.evaluation.stage() == EvaluationDesk::Stage::Idle; }, 2s));
    CHECK(pad.evaluation.comment().isEmpty());
    CHECK(pad.evaluation.chosenReasons().isEmpty());
    CHECK(pad.evaluation.number().isEmpty());
}

TEST_CASE("a citizen face on a box of its own rates the visit the window's view names") {
    Pad pad;
    EvaluationDesk alone; // another pad at the same window, showing only the citizen's face
    alone.setBackend(&pad.backend);
    pad.citizenTakesNumber();
    pad.signInAndServe();
    const auto number = pad.clerk.ticket().value(QStringLiteral("number")).toString();
    CHECK(alone.stage() == EvaluationDesk::Stage::Idle);
    pad.clerk.finish();
    pad.settle();
    REQUIRE(waitUntil([&] { return alone.stage() == EvaluationDesk::Stage::Rating; }, 2s));
    CHECK(alone.number() == number);
    // Rated on the other face: the question ends here too.
    pad.evaluation.setProperty("guardMs", 0);
    REQUIRE(waitUntil([&] { return pad.evaluation.stage() == EvaluationDesk::Stage::Rating; }, 2s));
    REQUIRE(pad.evaluation.choose(4));
    REQUIRE(waitUntil([&] { return alone.stage() == EvaluationDesk::Stage::Idle; }, 3s));
}

TEST_CASE("the citizen confirms the visit with a signature; it reaches the controller, then goes") {
    Pad pad;
    hall::windowpad::ConfirmationDesk confirmation;
    confirmation.setBackend(&pad.backend);
    hall::ui::SignatureStrokes ink;
    ink.setCanvasSize({600, 250});
    confirmation.setStrokes(&ink);
    const auto scribble = [&] {
        ink.begin(40, 120);
        for (int i = 1; i <= 40; ++i)
            ink.extend(40 + i * 12, 120 + ((i % 2) ? 60 : -60));
        ink.end();
    };

    CHECK_FALSE(confirmation.askToSign()); // nobody at the window yet
    CHECK_FALSE(confirmation.message().isEmpty());
    pad.citizenTakesNumber();
    pad.citizenTakesNumber();
    pad.signInAndServe();
    const auto number = pad.clerk.ticket().value(QStringLiteral("number")).toString();
    const auto id = pad.clerk.ticket().value(QStringLiteral("id")).toULongLong();

    // The scanned pages and the signature: a tap is not a signature; offline it is not sent.
    QByteArray pdf("%PDF-1.4\n% two pages\n");
    REQUIRE(confirmation.askToSign(pdf, 2));
    CHECK(confirmation.stage() == hall::windowpad::ConfirmationDesk::Stage::Signing);
    CHECK(confirmation.summary().join(u'\n').contains(number));
    CHECK(confirmation.pages() == 2);
    ink.begin(50, 50);
    ink.end();
    CHECK_FALSE(confirmation.sign());
    ink.clear();
    scribble();
    pad.backend.setSimulatedOnline(false);
    CHECK_FALSE(confirmation.sign());
    CHECK_FALSE(confirmation.message().isEmpty());
    CHECK_FALSE(ink.isEmpty()); // the citizen need not sign again
    pad.backend.setSimulatedOnline(true);
    REQUIRE(confirmation.sign());
    REQUIRE(waitUntil(
        [&] { return confirmation.stage() == hall::windowpad::ConfirmationDesk::Stage::Signed; },
        2s));
    const auto& stored = pad.backend.storedAttachments();
    REQUIRE(stored.size() == 2);
    CHECK(stored[0].kind == QStringLiteral("scan"));
    CHECK(stored[1].kind == QStringLiteral("signature"));
    CHECK(stored[0].ticket == id);
    CHECK(stored[1].ticket == id);
    CHECK(stored[1].size > 100); // a PNG of the ink
    CHECK(ink.isEmpty());        // filed: nothing of it kept on the pad

    // Asked again, then the next citizen is called: everything of this one goes.
    REQUIRE(confirmation.askToSign());
    scribble();
    pad.clerk.finish();
    pad.settle();
    REQUIRE(waitUntil([&] { return !pad.clerk.callLocked(); }, 5s)); // past the double-tap lock
    pad.clerk.callNext();
    pad.settle();
    REQUIRE(pad.clerk.hasTicket());
    REQUIRE(waitUntil(
        [&] { return confirmation.stage() == hall::windowpad::ConfirmationDesk::Stage::Idle; },
        2s));
    CHECK(ink.isEmpty());
    CHECK(confirmation.summary().isEmpty());
    CHECK(confirmation.number().isEmpty());
}

TEST_CASE("on the thank-you the citizen changes their mind once: a supplementary rating") {
    Pad pad;
    pad.citizenTakesNumber();
    pad.signInAndServe();
    pad.clerk.finish();
    pad.settle();
    pad.evaluation.setProperty("guardMs", 0);
    REQUIRE(waitUntil([&] { return pad.evaluation.stage() == EvaluationDesk::Stage::Rating; }, 2s));
    const auto id = pad.backend.engine().window(1)->lastFinished.value_or(0);
    REQUIRE(pad.evaluation.choose(5));
    CHECK(pad.evaluation.stage() == EvaluationDesk::Stage::Thanks);
    REQUIRE(pad.evaluation.canRateAgain());
    REQUIRE(pad.evaluation.rateAgain());
    CHECK(pad.evaluation.stage() == EvaluationDesk::Stage::Rating);
    // The first rating reaches the controller meanwhile: the question stays open.
    REQUIRE(waitUntil([&] { return pad.backend.engine().ticket(id)->rated; }, 2s));
    CHECK(pad.evaluation.stage() == EvaluationDesk::Stage::Rating);
    REQUIRE(pad.evaluation.choose(2));
    pad.evaluation.toggleReason(pad.evaluation.reasons().first());
    REQUIRE(pad.evaluation.submit());
    CHECK(pad.evaluation.stage() == EvaluationDesk::Stage::Thanks);
    CHECK_FALSE(pad.evaluation.canRateAgain()); // once
    REQUIRE(waitUntil([&] { return pad.backend.engine().ticket(id)->supplemented; }, 2s));
}
