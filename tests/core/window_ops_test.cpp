// Window operations one by one, each with the refusals that protect it.

#include "tests/core/hall_fixture.h"

using namespace hall::core;
using namespace hall::core::testing;

TEST_CASE("sign in and sign out") {
    Hall h;
    CHECK(h.refused(SignIn{9, "s1"}) == ErrorCode::UnknownWindow);
    CHECK(h.refused(SignIn{1, "nobody"}) == ErrorCode::UnknownStaff);

    const auto d = h.ok(SignIn{1, "s1"});
    const auto e = findEvent<StaffSignedIn>(d);
    REQUIRE(e.has_value());
    CHECK(e->window == 1);
    CHECK(e->staffId == "s1");
    CHECK(h.windowState(1).staffId == "s1");

    CHECK(h.refused(SignIn{2, "s1"}) == ErrorCode::StaffBusyElsewhere);
    CHECK(h.windowState(2).staffId.empty());

    // Busy while a ticket is called or served.
    h.issue("a");
    h.callNext(1);
    CHECK(h.refused(SignOut{1}) == ErrorCode::WindowBusy);
    h.ok(StartServing{1});
    CHECK(h.refused(SignOut{1}) == ErrorCode::WindowBusy);
    h.ok(Finish{1});

    CHECK(h.refused(SignOut{7}) == ErrorCode::UnknownWindow);
    CHECK(findEvent<StaffSignedOut>(h.ok(SignOut{1}))->window == 1);
    CHECK(h.windowState(1).staffId.empty());
    h.issue("a");
    CHECK(h.refused(CallNext{1}) == ErrorCode::NoStaffSignedIn);
    CHECK(h.refused(CallNumber{1, "A002"}) == ErrorCode::NoStaffSignedIn);

    // Signed out, the clerk may sit down at another window.
    h.signIn(2, "s1");
    CHECK(h.windowState(2).staffId == "s1");
    CHECK(h.engine.windows().size() == 3);
    CHECK(h.engine.windows()[1].number == 2);
    h.checkReplay();
}

TEST_CASE("pause and resume") {
    Hall h;
    h.signIn(1, "s1");
    h.issue("a");
    CHECK(h.refused(PauseWindow{9, "lunch"}) == ErrorCode::UnknownWindow);
    const auto d = h.ok(PauseWindow{1, "lunch"});
    CHECK(findEvent<WindowPaused>(d)->reason == "lunch");
    CHECK(h.windowState(1).paused);
    CHECK(h.windowState(1).pauseReason == "lunch");
    CHECK(h.refused(CallNext{1}) == ErrorCode::WindowPaused);
    CHECK(h.refused(CallNumber{1, "A001"}) == ErrorCode::WindowPaused);

    CHECK(h.refused(ResumeWindow{9}) == ErrorCode::UnknownWindow);
    CHECK(findEvent<WindowResumed>(h.ok(ResumeWindow{1}))->window == 1);
    CHECK_FALSE(h.windowState(1).paused);
    CHECK(h.number(h.callNext(1)) == "A001");
    h.checkReplay();
}

TEST_CASE("call next: the event, the ticket, and the refusals") {
    Hall h;
    CHECK(h.refused(CallNext{9}) == ErrorCode::UnknownWindow);
    CHECK(h.refused(CallNext{1}) == ErrorCode::NoStaffSignedIn);
    h.signIn(1, "s1");
    CHECK(h.refused(CallNext{1}) == ErrorCode::NothingToCall);
    h.issue("c"); // window 1 does not serve c
    CHECK(h.refused(CallNext{1}) == ErrorCode::NothingToCall);

    const auto a1 = h.issue("a");
    h.issue("a");
    h.now = at(9, 3);
    const auto d = h.ok(CallNext{1, true});
    CHECK(d.ticket == a1);
    const auto e = findEvent<TicketCalled>(d);
    REQUIRE(e.has_value());
    CHECK(e->ticket == a1);
    CHECK(e->window == 1);
    CHECK(e->staffId == "s1");
    CHECK(e->silent);
    CHECK_FALSE(e->byNumber);
    CHECK(e->routingCredit.empty()); // ordered window
    const auto& t = h.ticket(a1);
    CHECK(t.state == TicketState::Called);
    CHECK(t.window == 1);
    CHECK(t.staffId == "s1");
    CHECK(t.calledAt == at(9, 3));
    CHECK(h.windowState(1).current == a1);

    CHECK(h.refused(CallNext{1}) == ErrorCode::WindowBusy);
    CHECK(h.refused(CallNumber{1, "A002"}) == ErrorCode::WindowBusy);
    h.checkReplay();
}

TEST_CASE("call a number: ignores the order, only waiting tickets of today") {
    Hall h;
    h.signIn(1, "s1");
    h.issue("a");
    h.issue("a");
    const auto a3 = h.issue("a");
    CHECK(h.refused(CallNumber{1, "A009"}) == ErrorCode::UnknownTicket);
    CHECK(h.refused(CallNumber{1, ""}) == ErrorCode::UnknownTicket);

    const auto d = h.ok(CallNumber{1, "A003", false});
    CHECK(d.ticket == a3);
    CHECK(findEvent<TicketCalled>(d)->byNumber);
    CHECK(h.ticket(a3).state == TicketState::Called);
    h.ok(Finish{1});
    CHECK(h.refused(CallNumber{1, "A003"}) == ErrorCode::InvalidState);
    CHECK(h.number(h.callNext(1)) == "A001");

    // Yesterday's numbers are gone: today A002 is unknown until it is issued again.
    h.ok(Finish{1});
    h.now = at(9, 0, 0, 1);
    CHECK(h.refused(CallNumber{1, "A002"}) == ErrorCode::UnknownTicket);
    h.issue("a");
    h.issue("a");
    CHECK(h.ticket(h.callNumber(1, "A002")).day == kDay0 + std::chrono::days(1));
    h.checkReplay();
}

TEST_CASE("recall") {
    Hall h;
    h.signIn(1, "s1");
    CHECK(h.refused(Recall{1}) == ErrorCode::WindowIdle);
    const auto a1 = h.issue("a");
    h.callNext(1);
    const auto d = h.ok(Recall{1, true});
    const auto e = findEvent<TicketRecalled>(d);
    REQUIRE(e.has_value());
    CHECK(e->ticket == a1);
    CHECK(e->silent);
    h.ok(Recall{1});
    CHECK(h.ticket(a1).recalls == 2);
    CHECK(h.ticket(a1).state == TicketState::Called);
    h.ok(StartServing{1});
    CHECK(h.refused(Recall{1}) == ErrorCode::InvalidState);
    CHECK(h.refused(Recall{9}) == ErrorCode::UnknownWindow);
    h.checkReplay();
}

TEST_CASE("start serving and finish") {
    Hall h;
    h.signIn(1, "s1");
    CHECK(h.refused(StartServing{1}) == ErrorCode::WindowIdle);
    CHECK(h.refused(Finish{1}) == ErrorCode::WindowIdle);
    CHECK(h.refused(Finish{9}) == ErrorCode::UnknownWindow);
    const auto a1 = h.issue("a");
    const auto a2 = h.issue("a");
    h.now = at(9, 1);
    h.callNext(1);
    h.now = at(9, 2);
    CHECK(findEvent<ServingStarted>(h.ok(StartServing{1}))->ticket == a1);
    CHECK(h.ticket(a1).state == TicketState::Serving);
    CHECK(h.ticket(a1).servingSince == at(9, 2));
    CHECK(h.refused(StartServing{1}) == ErrorCode::InvalidState);
    h.now = at(9, 10);
    const auto fin = findEvent<TicketFinished>(h.ok(Finish{1}));
    REQUIRE(fin.has_value());
    CHECK(fin->ticket == a1);
    CHECK(fin->staffId == "s1");
    CHECK(h.ticket(a1).state == TicketState::Done);
    CHECK(h.ticket(a1).finishedAt == at(9, 10));
    CHECK_FALSE(h.windowState(1).current.has_value());
    CHECK(h.refused(Finish{1}) == ErrorCode::WindowIdle);

    // Finishing straight from "called" is allowed (a quick question at the counter).
    CHECK(h.callNext(1) == a2);
    h.ok(Finish{1});
    CHECK(h.ticket(a2).state == TicketState::Done);
    h.checkReplay();
}

TEST_CASE("no-show: only a called ticket; requeued up to the limit, then final") {
    auto config = smallHall();
    config.queue.noShowMaxRequeues = 2;
    config.queue.noShowRequeueDelay = 5min;
    Hall h(config);
    h.signIn(1, "s1");
    CHECK(h.refused(MarkNoShow{1}) == ErrorCode::WindowIdle);
    const auto a1 = h.issue("a");

    for (int round = 1; round <= 2; ++round) {
        CAPTURE(round);
        REQUIRE(h.callNext(1) == a1);
        const auto d = h.ok(MarkNoShow{1});
        const auto e = findEvent<NoShowMarked>(d);
        REQUIRE(e.has_value());
        CHECK_FALSE(e->final);
        CHECK(e->eligibleAt == h.now + 5min);
        CHECK(h.ticket(a1).state == TicketState::Waiting);
        CHECK(h.ticket(a1).noShows == round);
        CHECK(h.ticket(a1).eligibleAt == h.now + 5min);
        CHECK_FALSE(h.windowState(1).current.has_value());
        CHECK(h.refused(CallNext{1}) == ErrorCode::NothingToCall);
        h.now += 5min;
    }
    REQUIRE(h.callNext(1) == a1);
    const auto e = findEvent<NoShowMarked>(h.ok(MarkNoShow{1}));
    REQUIRE(e.has_value());
    CHECK(e->final);
    CHECK(h.ticket(a1).state == TicketState::NoShow);
    CHECK(h.ticket(a1).noShows == 2);
    CHECK_FALSE(h.windowState(1).current.has_value());
    h.now += 1h;
    CHECK(h.refused(CallNext{1}) == ErrorCode::NothingToCall);

    // Once service has started it is too late for a no-show.
    h.issue("a");
    h.callNext(1);
    h.ok(StartServing{1});
    CHECK(h.refused(MarkNoShow{1}) == ErrorCode::InvalidState);
    h.checkReplay();
}

TEST_CASE("no requeue at all when the limit is zero") {
    auto config = smallHall();
    config.queue.noShowMaxRequeues = 0;
    Hall h(config);
    h.signIn(1, "s1");
    const auto a1 = h.issue("a");
    h.callNext(1);
    CHECK(findEvent<NoShowMarked>(h.ok(MarkNoShow{1}))->final);
    CHECK(h.ticket(a1).state == TicketState::NoShow);
}

TEST_CASE("transfer: to a service, to a window, and the refusals") {
    Hall h;
    h.signIn(1, "s1");
    h.signIn(3, "s3");
    CHECK(h.refused(Transfer{1, std::string("b"), std::nullopt}) == ErrorCode::WindowIdle);
    const auto a1 = h.issue("a");
    h.now = at(9, 5);
    h.callNext(1);
    CHECK(h.refused(Transfer{1, std::string("passport"), std::nullopt}) ==
          ErrorCode::UnknownService);
    CHECK(h.refused(Transfer{1, std::nullopt, 42}) == ErrorCode::UnknownWindow);
    CHECK(h.refused(Transfer{9, std::string("b"), std::nullopt}) == ErrorCode::UnknownWindow);

    h.ok(StartServing{1});
    h.now = at(9, 12);
    const auto d = h.ok(Transfer{1, std::string("c"), std::nullopt});
    const auto e = findEvent<TicketTransferred>(d);
    REQUIRE(e.has_value());
    CHECK(e->ticket == a1);
    CHECK(e->fromWindow == 1);
    CHECK(e->staffId == "s1");
    CHECK(e->fromService == "a");
    CHECK(e->toService == "c");
    CHECK_FALSE(e->toWindow.has_value());
    const auto& t = h.ticket(a1);
    CHECK(t.state == TicketState::Waiting);
    CHECK(t.serviceId == "c");
    CHECK(t.issuedServiceId == "a");
    CHECK(t.number == "A001"); // the citizen keeps the slip
    CHECK(t.transfers == 1);
    CHECK(t.visitStartedAt == at(9, 12));
    CHECK_FALSE(h.windowState(1).current.has_value());
    CHECK(h.engine.waitingCount("c") == 1);
    CHECK(h.engine.waitingCount("a") == 0);

    // Window 3 serves c; from there to window 2 in the same service.
    CHECK(h.callNext(3) == a1);
    CHECK(h.ticket(a1).calledAt == at(9, 12)); // first call of the new visit
    h.ok(Transfer{3, std::nullopt, 2});
    CHECK(h.ticket(a1).serviceId == "c");
    CHECK(h.ticket(a1).targetWindow == 2);
    CHECK(h.ticket(a1).transfers == 2);
    h.checkReplay();
}

TEST_CASE("cancel: waiting tickets only") {
    Hall h;
    h.signIn(1, "s1");
    const auto a1 = h.issue("a");
    const auto a2 = h.issue("a");
    CHECK(h.refused(CancelTicket{999, CancelReason::Citizen}) == ErrorCode::UnknownTicket);
    const auto d = h.ok(CancelTicket{a2, CancelReason::Staff});
    CHECK(findEvent<TicketCancelled>(d)->reason == CancelReason::Staff);
    CHECK(h.ticket(a2).state == TicketState::Cancelled);
    CHECK(h.ticket(a2).cancelReason == CancelReason::Staff);
    CHECK(h.refused(CancelTicket{a2, CancelReason::Staff}) == ErrorCode::InvalidState);
    h.callNext(1);
    CHECK(h.refused(CancelTicket{a1, CancelReason::Citizen}) == ErrorCode::InvalidState);
    h.ok(Finish{1});
    CHECK(h.refused(CancelTicket{a1, CancelReason::Citizen}) == ErrorCode::InvalidState);
    CHECK(h.refused(CallNext{1}) == ErrorCode::NothingToCall);
    h.checkReplay();
}

TEST_CASE("undo the last call puts the ticket back exactly") {
    Hall h;
    h.signIn(1, "s1");
    h.signIn(2, "s2");
    CHECK(h.refused(UndoCall{1}) == ErrorCode::NothingToUndo);
    CHECK(h.refused(UndoCall{9}) == ErrorCode::UnknownWindow);
    h.issue("a");
    h.issue("b");
    h.now = at(9, 4);

    const auto before = h.engine.fingerprint();
    const auto id = h.callNext(1);
    h.now = at(9, 5);
    const auto d = h.ok(UndoCall{1});
    const auto e = findEvent<CallUndone>(d);
    REQUIRE(e.has_value());
    CHECK(e->ticket == id);
    CHECK(e->window == 1);
    CHECK(h.engine.fingerprint() == before);
    CHECK(h.refused(UndoCall{1}) == ErrorCode::NothingToUndo);

    // Not after service has started, not from another window, not after it is finished.
    CHECK(h.callNext(1) == id);
    CHECK(h.refused(UndoCall{2}) == ErrorCode::NothingToUndo);
    h.ok(StartServing{1});
    CHECK(h.refused(UndoCall{1}) == ErrorCode::NothingToUndo);
    h.ok(Finish{1});
    CHECK(h.refused(UndoCall{1}) == ErrorCode::NothingToUndo);

    // A call by number is undone the same way.
    const auto before2 = h.engine.fingerprint();
    h.callNumber(2, "B001");
    h.ok(UndoCall{2});
    CHECK(h.engine.fingerprint() == before2);
    h.checkReplay();
}
