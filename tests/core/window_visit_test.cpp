// The rules that keep a visit going across counters and errands: park (挂起), transfer with a
// note and "return to me after", a call out of turn with its reason, the no-show wait, and the
// citizen identified at the window (读卡).

#include "tests/core/hall_fixture.h"

using namespace hall::core;
using namespace hall::core::testing;

TEST_CASE("park: the ticket waits for this window alone, then comes back first") {
    Hall h;
    h.signIn(1, "s1");
    h.signIn(2, "s2");
    CHECK(h.refused(Park{1}) == ErrorCode::WindowIdle);
    const auto a1 = h.issue("a");
    const auto a2 = h.issue("a");
    h.now = at(9, 2);
    h.callNext(1);
    h.ok(StartServing{1});
    h.now = at(9, 6);
    CHECK(h.refused(Park{1, -1}) == ErrorCode::InvalidArgument);
    CHECK(h.refused(Park{1, kMaxParkMinutes + 1}) == ErrorCode::InvalidArgument);

    const auto d = h.ok(Park{1}); // the hall's time: 15 minutes
    const auto e = findEvent<TicketParked>(d);
    REQUIRE(e.has_value());
    CHECK(e->ticket == a1);
    CHECK(e->staffId == "s1");
    CHECK(e->returnAt == at(9, 21));
    const auto& t = h.ticket(a1);
    CHECK(t.state == TicketState::Waiting);
    CHECK(t.targetWindow == 1);
    CHECK(t.parkedUntil == at(9, 21));
    CHECK(t.parks == 1);
    CHECK(t.servedBefore == minutes(4));
    CHECK_FALSE(h.windowState(1).current.has_value());

    // Another window never takes it; this one serves the others meanwhile.
    CHECK(h.refused(CallNumber{2, "A001"}) == ErrorCode::InvalidState);
    CHECK(h.callNext(1) == a2);
    h.ok(Finish{1});
    CHECK(h.refused(CallNext{1}) == ErrorCode::NothingToCall);

    // Once its time is up, call next takes it before anyone else.
    h.issue("a");
    h.now = at(9, 21);
    CHECK(h.callNext(1) == a1);
    CHECK_FALSE(h.ticket(a1).parkedUntil.has_value());
    CHECK(h.ticket(a1).calledAt == at(9, 2)); // the same visit: its wait is not measured again
    h.ok(StartServing{1});
    h.now = at(9, 24);
    h.ok(Finish{1});
    const auto stats = h.engine.statistics(h.engine.businessDay(h.now));
    REQUIRE(stats.has_value());
    CHECK(stats->hall.served == 2);
    CHECK(stats->hall.wait.count() == 2); // a1 and a2 once each
    CHECK(stats->hall.service.max() == minutes(7)); // 4 before the errand, 3 after
    h.checkReplay();
}

TEST_CASE("park: called back on demand before its time, or for a time the clerk gives") {
    Hall h;
    h.signIn(1, "s1");
    const auto a1 = h.issue("a");
    h.callNext(1);
    CHECK(findEvent<TicketParked>(h.ok(Park{1, 5}))->returnAt == at(9, 5));
    h.now = at(9, 2);
    CHECK(h.refused(CallNext{1}) == ErrorCode::NothingToCall);
    const auto d = h.ok(CallNumber{1, "A001"});
    CHECK(d.ticket == a1);
    CHECK(h.ticket(a1).state == TicketState::Called);
    // Undone, it is parked again exactly as before.
    h.ok(UndoCall{1});
    CHECK(h.ticket(a1).parkedUntil == at(9, 5));
    CHECK(h.ticket(a1).targetWindow == 1);
    h.checkReplay();
}

TEST_CASE("transfer carries a note, and with return comes back when the other window finishes") {
    Hall h;
    h.signIn(1, "s1");
    h.signIn(3, "s3");
    const auto a1 = h.issue("a");
    h.callNext(1);
    h.ok(StartServing{1});
    Transfer t{1, std::string("c"), std::nullopt};
    t.note = std::string(kMaxActionNoteBytes + 1, 'x');
    CHECK(h.refused(t) == ErrorCode::InvalidArgument);
    t.note = "请核对户口簿原件";
    t.returnHere = true;
    h.now = at(9, 5);
    const auto sent = findEvent<TicketTransferred>(h.ok(t));
    REQUIRE(sent.has_value());
    CHECK(sent->note == "请核对户口簿原件");
    CHECK(sent->returnTo == ReturnPoint{1, "a"});
    CHECK(h.ticket(a1).transferNote == "请核对户口簿原件");

    // Window 3 sees the note, serves it and finishes: the ticket goes back to window 1.
    CHECK(h.callNext(3) == a1);
    h.now = at(9, 9);
    const auto back = h.ok(Finish{3, "completed", "已核对"});
    CHECK(eventNames(back) == std::vector<std::string>{"ticket_transferred"});
    const auto e = findEvent<TicketTransferred>(back);
    CHECK(e->fromWindow == 3);
    CHECK(e->toService == "a");
    CHECK(e->toWindow == 1);
    CHECK(e->note == "已核对");
    CHECK_FALSE(e->returnTo.has_value());
    const auto& ticket = h.ticket(a1);
    CHECK(ticket.state == TicketState::Waiting);
    CHECK(ticket.serviceId == "a");
    CHECK(ticket.targetWindow == 1);
    CHECK_FALSE(ticket.returnTo.has_value());

    // Back at window 1 the finish ends the visit.
    CHECK(h.callNext(1) == a1);
    h.ok(Finish{1});
    CHECK(h.ticket(a1).state == TicketState::Done);
    const auto stats = h.engine.statistics(h.engine.businessDay(h.now));
    CHECK(stats->hall.transferred == 2); // out from 1, back from 3
    CHECK(stats->hall.served == 1);
    h.checkReplay();
}

TEST_CASE("a ticket sent on from a window it is to return from still returns there") {
    Hall h;
    h.signIn(1, "s1");
    h.signIn(2, "s2");
    h.signIn(3, "s3");
    const auto a1 = h.issue("a");
    h.callNext(1);
    Transfer t{1, std::string("c"), std::nullopt};
    t.returnHere = true;
    h.ok(t);
    h.callNext(3);
    h.ok(Transfer{3, std::string("b"), 2}); // no return of its own
    CHECK(h.ticket(a1).returnTo == ReturnPoint{1, "a"});
    CHECK(h.callNext(2) == a1);
    // Without a note of their own, the return carries the outcome.
    CHECK(findEvent<TicketTransferred>(h.ok(Finish{2, "needs_documents"}))->note ==
          "needs_documents");
    CHECK(h.ticket(a1).targetWindow == 1);
    h.checkReplay();
}

TEST_CASE("a call out of turn gives its reason when the hall asks for one") {
    auto config = smallHall();
    config.queue.callNumberNeedsReason = true;
    Hall h(config);
    h.signIn(1, "s1");
    h.issue("a");
    h.issue("a");
    CHECK(h.refused(CallNumber{1, "A002"}) == ErrorCode::ReasonRequired);
    CallNumber call{1, "A002"};
    call.reason = std::string(kMaxActionNoteBytes + 1, 'r');
    CHECK(h.refused(call) == ErrorCode::InvalidArgument);
    call.reason = "预约改期，已核实";
    CHECK(findEvent<TicketCalled>(h.ok(call))->reason == "预约改期，已核实");
    h.checkReplay();
}

TEST_CASE("a number typed short (A1) or as digits (a keypad) names the window's waiting ticket") {
    Hall h;
    h.signIn(1, "s1");
    h.signIn(3, "s3");
    const auto a1 = h.issue("a");
    const auto b1 = h.issue("b");
    // A001 and B001 both wait for window 1: the letter is needed.
    const auto both = h.engine.decide(CallNumber{1, "1"}, h.now);
    REQUIRE_FALSE(both.ok());
    CHECK(both.error().code == ErrorCode::InvalidArgument);
    CHECK(both.error().message.find("A001, B001") != std::string::npos);
    CHECK(h.ok(CallNumber{1, "A1"}).ticket == a1); // the letter, the digits without zeros
    h.ok(Finish{1});
    CHECK(h.ok(CallNumber{1, "001"}).ticket == b1); // A001 is done: B001 alone waits
    // Window 3 serves only C: no C001 today.
    CHECK(h.refused(CallNumber{3, "1"}) == ErrorCode::UnknownTicket);
    h.checkReplay();
}

TEST_CASE("a ticket parked at this window is called back without a reason: it is not out of turn") {
    auto config = smallHall();
    config.queue.callNumberNeedsReason = true;
    Hall h(config);
    h.signIn(1, "s1");
    h.signIn(2, "s2");
    const auto a1 = h.issue("a");
    h.issue("a");
    h.callNext(1);
    h.ok(Park{1, 30});
    // Only window 1 may call it; for a ticket of the common line the reason is still asked.
    CHECK(h.refused(CallNumber{2, "A001"}) == ErrorCode::InvalidState);
    CHECK(h.refused(CallNumber{1, "A002"}) == ErrorCode::ReasonRequired);
    CHECK(h.ok(CallNumber{1, "A001"}).ticket == a1);
    h.checkReplay();
}

TEST_CASE("a no-show only after the hall's wait since the call") {
    auto config = smallHall();
    config.queue.noShowAfter = std::chrono::seconds(60);
    Hall h(config);
    h.signIn(1, "s1");
    h.issue("a");
    h.callNext(1);
    h.now = at(9, 0) + std::chrono::seconds(59);
    const auto refusal = h.engine.decide(MarkNoShow{1}, h.now);
    REQUIRE_FALSE(refusal.ok());
    CHECK(refusal.error().code == ErrorCode::TooEarly);
    CHECK(refusal.error().message.find("60 s") != std::string::npos);
    // Recalls do not start the wait again: it runs from the call.
    h.now = at(9, 0) + std::chrono::seconds(40);
    h.ok(Recall{1});
    h.now = at(9, 1);
    h.ok(MarkNoShow{1});
    h.checkReplay();
}

namespace {

// Person keys as terminals send them: the keyed hash, 64 lowercase hex digits.
const std::string kWang(64, 'a');
const std::string kLi(64, 'b');

} // namespace

TEST_CASE("identify visit: only the window's called or serving ticket, with a person key") {
    Hall h;
    h.signIn(1, "s1");
    CHECK(h.refused(IdentifyVisit{9, kWang}) == ErrorCode::UnknownWindow);
    CHECK(h.refused(IdentifyVisit{1, kWang}) == ErrorCode::WindowIdle);
    const auto a1 = h.issue("a");
    CHECK(h.refused(IdentifyVisit{1, kWang}) == ErrorCode::WindowIdle); // waiting, not called
    h.callNext(1);
    CHECK(h.refused(IdentifyVisit{1, ""}) == ErrorCode::InvalidArgument);
    CHECK(h.refused(IdentifyVisit{1, "11010119900307123X"}) == ErrorCode::InvalidArgument);
    CHECK(h.refused(IdentifyVisit{1, std::string(64, 'A')}) == ErrorCode::InvalidArgument);
    CHECK(h.refused(IdentifyVisit{1, kWang + "0"}) == ErrorCode::InvalidArgument);
    CHECK(h.ticket(a1).personKey.empty());
    h.checkReplay();
}

TEST_CASE("identify visit: the ticket takes on the person, and the call is no longer undone") {
    Hall h;
    h.signIn(1, "s1");
    const auto a1 = h.issue("a");
    h.callNext(1);
    h.now = at(9, 1);
    const auto d = h.ok(IdentifyVisit{1, kWang});
    CHECK(eventNames(d) == std::vector<std::string>{"visit_identified"});
    CHECK(d.ticket == a1);
    const auto e = findEvent<VisitIdentified>(d);
    REQUIRE(e.has_value());
    CHECK(e->ticket == a1);
    CHECK(e->window == 1);
    CHECK(e->personKey == kWang);
    const auto& t = h.ticket(a1);
    CHECK(t.personKey == kWang);
    CHECK(t.state == TicketState::Called); // nothing else of the visit changes
    CHECK(t.window == 1);
    // The citizen is at the counter: the call was no mistake.
    CHECK(h.refused(UndoCall{1}) == ErrorCode::NothingToUndo);
    // The same person cannot take a second ticket of the service meanwhile …
    IssueTicket again = issueOf("a");
    again.personKey = kWang;
    const auto refusal = h.engine.decide(again, h.now);
    REQUIRE_FALSE(refusal.ok());
    CHECK(refusal.error().code == ErrorCode::DuplicatePerson);
    CHECK(refusal.error().ticket == a1);
    // … but one of another service.
    h.issue("b", kWang);
    h.checkReplay();
}

TEST_CASE("identify visit: a ticket already identified keeps its person") {
    Hall h;
    h.signIn(1, "s1");
    h.signIn(2, "s2");
    const auto a1 = h.issue("a", kWang); // identified at the ticket machine
    h.callNext(1);
    CHECK(h.refused(IdentifyVisit{1, kWang}) == ErrorCode::InvalidState);
    const auto other = h.engine.decide(IdentifyVisit{1, kLi}, h.now);
    REQUIRE_FALSE(other.ok());
    CHECK(other.error().code == ErrorCode::InvalidState);
    CHECK(other.error().message.find("another person") != std::string::npos);
    CHECK(h.ticket(a1).personKey == kWang);

    // Identified at a window, a ticket served there is refused the same way.
    const auto b1 = h.issue("b");
    h.callNext(2);
    h.ok(StartServing{2});
    h.ok(IdentifyVisit{2, kLi});
    CHECK(h.ticket(b1).personKey == kLi);
    CHECK(h.refused(IdentifyVisit{2, kLi}) == ErrorCode::InvalidState);
    CHECK(h.refused(IdentifyVisit{2, kWang}) == ErrorCode::InvalidState);
    h.checkReplay();
}

TEST_CASE("identify visit: one active ticket per person and service, as at issuing") {
    Hall h;
    h.signIn(1, "s1");
    const auto held = h.issue("a", kWang); // waiting, for the same service
    const auto a2 = h.issue("a");
    h.callNumber(1, h.number(a2));
    const auto refusal = h.engine.decide(IdentifyVisit{1, kWang}, h.now);
    REQUIRE_FALSE(refusal.ok());
    CHECK(refusal.error().code == ErrorCode::DuplicatePerson);
    CHECK(refusal.error().ticket == held); // the number the citizen holds, as issue_ticket says
    CHECK(h.refused(IdentifyVisit{1, kWang}) == ErrorCode::DuplicatePerson);
    CHECK(h.ticket(a2).personKey.empty());

    // Another person, or the same one once the other ticket is cancelled, is identified.
    h.ok(CancelTicket{held});
    h.ok(IdentifyVisit{1, kWang});
    CHECK(h.ticket(a2).personKey == kWang);
    h.checkReplay();
}

TEST_CASE("identify visit: without the hall's one-per-person rule, any person is identified") {
    auto config = smallHall();
    config.queue.onePerPersonPerService = false;
    Hall h(config);
    h.signIn(1, "s1");
    h.issue("a", kWang);
    h.issue("a");
    h.callNumber(1, "A002");
    h.ok(IdentifyVisit{1, kWang});
    h.checkReplay();
}

TEST_CASE("identify visit: the visit's end releases the person for another ticket") {
    Hall h;
    h.signIn(1, "s1");
    h.signIn(3, "s3");
    const auto a1 = h.issue("a");
    h.callNext(1);
    h.ok(IdentifyVisit{1, kWang});
    IssueTicket again = issueOf("a");
    again.personKey = kWang;
    CHECK(h.refused(again) == ErrorCode::DuplicatePerson);
    h.ok(Finish{1});
    CHECK(h.ticket(a1).state == TicketState::Done);
    CHECK(h.ticket(a1).personKey == kWang); // the finished visit stays theirs
    const auto a2 = h.issue("a", kWang);
    CHECK(h.ticket(a2).personKey == kWang);

    // A ticket identified and transferred counts for its new service, and only for it.
    const auto c1 = h.issue("c");
    h.callNext(3);
    h.ok(IdentifyVisit{3, kLi});
    h.ok(Transfer{3, std::string("b"), std::nullopt});
    CHECK(h.ticket(c1).serviceId == "b");
    h.issue("c", kLi);
    IssueTicket secondB = issueOf("b");
    secondB.personKey = kLi;
    CHECK(h.refused(secondB) == ErrorCode::DuplicatePerson);

    // A no-show that ends the ticket releases the person too.
    auto config = smallHall();
    config.queue.noShowMaxRequeues = 0;
    Hall n(config);
    n.signIn(1, "s1");
    n.issue("a");
    n.callNext(1);
    n.ok(IdentifyVisit{1, kWang});
    n.ok(MarkNoShow{1});
    n.issue("a", kWang);
    h.checkReplay();
    n.checkReplay();
}
