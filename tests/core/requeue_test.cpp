// Where a ticket queues again: a no-show after its delay (keeping its place or at the back), a
// transfer (by original issue time or not), and an undone call (exactly where it was).

#include "tests/core/hall_fixture.h"

using namespace hall::core;
using namespace hall::core::testing;

namespace {

HallConfig requeueHall(NoShowPlacement placement) {
    auto config = smallHall();
    config.queue.noShowPlacement = placement;
    config.queue.noShowRequeueDelay = 5min;
    config.queue.noShowMaxRequeues = 1;
    return config;
}

} // namespace

TEST_CASE("a no-show waits out its delay, then keeps its place") {
    Hall h(requeueHall(NoShowPlacement::KeepPlace));
    h.signIn(1, "s1");
    h.now = at(9, 0);
    const auto a1 = h.issue("a");
    h.now = at(9, 1);
    const auto a2 = h.issue("a");
    h.now = at(9, 2);
    const auto a3 = h.issue("a");

    h.now = at(9, 10);
    REQUIRE(h.callNext(1) == a1);
    const auto e = findEvent<NoShowMarked>(h.ok(MarkNoShow{1}));
    REQUIRE(e.has_value());
    CHECK(e->queuedAt == at(9, 0));
    CHECK(e->eligibleAt == at(9, 15));
    CHECK(h.ticket(a1).queuedAt == at(9, 0));
    CHECK(h.ticket(a1).eligibleAt == at(9, 15));

    h.now = at(9, 14, 59);
    CHECK(h.serveNext(1) == a2);
    h.now = at(9, 15);
    CHECK(h.serveNext(1) == a1);
    CHECK(h.serveNext(1) == a3);
    h.checkReplay();
}

TEST_CASE("a no-show placed at the back of the line") {
    Hall h(requeueHall(NoShowPlacement::BackOfLine));
    h.signIn(1, "s1");
    h.now = at(9, 0);
    const auto a1 = h.issue("a");
    h.now = at(9, 2);
    const auto a2 = h.issue("a");
    h.now = at(9, 10);
    REQUIRE(h.callNext(1) == a1);
    h.now = at(9, 11);
    const auto e = findEvent<NoShowMarked>(h.ok(MarkNoShow{1}));
    REQUIRE(e.has_value());
    CHECK(e->queuedAt == at(9, 11));
    CHECK(e->eligibleAt == at(9, 16));
    CHECK(h.ticket(a1).queuedAt == at(9, 11));
    h.now = at(9, 12);
    const auto a3 = h.issue("a");
    h.now = at(9, 20);
    CHECK(h.serveNext(1) == a2);
    CHECK(h.serveNext(1) == a1);
    CHECK(h.serveNext(1) == a3);
    h.checkReplay();
}

TEST_CASE("a requeued no-show can be called by number before its delay is over") {
    Hall h(requeueHall(NoShowPlacement::KeepPlace));
    h.signIn(1, "s1");
    const auto a1 = h.issue("a");
    h.callNext(1);
    h.ok(MarkNoShow{1});
    h.now += 1min;
    CHECK(h.refused(CallNext{1}) == ErrorCode::NothingToCall);
    // The citizen came back to the counter: the clerk calls the number.
    CHECK(h.callNumber(1, "A001") == a1);
    CHECK(h.ticket(a1).noShows == 1);
    h.checkReplay();
}

TEST_CASE("transfer keeps the original place when configured") {
    auto config = smallHall();
    config.queue.transferKeepsPlace = true;
    Hall h(config);
    h.signIn(1, "s1"); // [a, b]
    h.signIn(2, "s2"); // [b, a]
    h.now = at(9, 0);
    const auto a1 = h.issue("a");
    h.now = at(9, 5);
    REQUIRE(h.callNext(1) == a1);
    h.ok(StartServing{1});
    h.now = at(9, 10);
    const auto b1 = h.issue("b");
    h.now = at(9, 20);
    const auto e = findEvent<TicketTransferred>(h.ok(Transfer{1, std::string("b"), std::nullopt}));
    REQUIRE(e.has_value());
    CHECK(e->queuedAt == at(9, 0));
    CHECK(h.ticket(a1).queuedAt == at(9, 0));
    CHECK(h.ticket(a1).visitStartedAt == at(9, 20));
    CHECK(h.serveNext(2) == a1);
    CHECK(h.serveNext(2) == b1);
    h.checkReplay();
}

TEST_CASE("transfer queues at the back when not keeping the place") {
    auto config = smallHall();
    config.queue.transferKeepsPlace = false;
    Hall h(config);
    h.signIn(1, "s1");
    h.signIn(2, "s2");
    h.now = at(9, 0);
    const auto a1 = h.issue("a");
    h.now = at(9, 5);
    REQUIRE(h.callNext(1) == a1);
    h.now = at(9, 10);
    const auto b1 = h.issue("b");
    h.now = at(9, 20);
    const auto e = findEvent<TicketTransferred>(h.ok(Transfer{1, std::string("b"), std::nullopt}));
    REQUIRE(e.has_value());
    CHECK(e->queuedAt == at(9, 20));
    CHECK(h.ticket(a1).queuedAt == at(9, 20));
    h.now = at(9, 21);
    const auto b2 = h.issue("b");
    CHECK(h.serveNext(2) == b1);
    CHECK(h.serveNext(2) == a1);
    CHECK(h.serveNext(2) == b2);
    h.checkReplay();
}

TEST_CASE("undo restores the ticket, the window and the weighted credit exactly") {
    auto config = smallHall();
    config.windows[0].routing = RoutingPolicy::Weighted;
    config.windows[0].services = {{"a", 2}, {"b", 1}};
    Hall h(config);
    h.signIn(1, "s1");
    for (int i = 0; i < 4; ++i) {
        h.issue("a");
        h.issue("b");
    }
    h.now = at(9, 5);
    h.serveNext(1); // move the credits away from zero first

    h.now = at(9, 6);
    const auto before = h.engine.fingerprint();
    const auto first = h.ok(CallNext{1});
    const auto firstCredit = findEvent<TicketCalled>(first)->routingCredit;
    h.now = at(9, 7);
    h.ok(UndoCall{1});
    CHECK(h.engine.fingerprint() == before);
    const auto& t = h.ticket(*first.ticket);
    CHECK(t.state == TicketState::Waiting);
    CHECK_FALSE(t.calledAt.has_value());
    CHECK_FALSE(t.window.has_value());
    CHECK(t.staffId.empty());
    CHECK_FALSE(h.windowState(1).current.has_value());

    // Calling again decides exactly as the undone call did.
    const auto again = h.ok(CallNext{1});
    CHECK(again.ticket == first.ticket);
    CHECK(findEvent<TicketCalled>(again)->routingCredit == firstCredit);
    h.checkReplay();
}

TEST_CASE("undo of a requeued no-show's call restores its delay and count") {
    Hall h(requeueHall(NoShowPlacement::BackOfLine));
    h.signIn(1, "s1");
    const auto a1 = h.issue("a");
    h.callNext(1);
    h.now = at(9, 3);
    h.ok(MarkNoShow{1});
    h.now = at(9, 4);
    const auto before = h.engine.fingerprint();
    REQUIRE(h.callNumber(1, "A001") == a1);
    h.ok(UndoCall{1});
    CHECK(h.engine.fingerprint() == before);
    CHECK(h.ticket(a1).eligibleAt == at(9, 8));
    CHECK(h.ticket(a1).noShows == 1);
    CHECK(h.refused(CallNext{1}) == ErrorCode::NothingToCall);
    h.checkReplay();
}

TEST_CASE("undo of a transferred ticket's call keeps it at its target window") {
    Hall h;
    h.signIn(1, "s1");
    h.signIn(2, "s2");
    const auto a1 = h.issue("a");
    h.callNext(1);
    h.ok(Transfer{1, std::nullopt, 2});
    h.now = at(9, 10);
    const auto before = h.engine.fingerprint();
    REQUIRE(h.callNext(2) == a1);
    h.ok(UndoCall{2});
    CHECK(h.engine.fingerprint() == before);
    CHECK(h.ticket(a1).targetWindow == 2);
    CHECK(h.refused(CallNext{1}) == ErrorCode::NothingToCall);
    h.checkReplay();
}

TEST_CASE("the missed list: a no-show until it is called again, final ones until the day ends") {
    Hall h(requeueHall(NoShowPlacement::KeepPlace));
    h.signIn(1, "s1");
    h.now = at(9, 0);
    const auto a1 = h.issue("a");
    const auto a2 = h.issue("a");
    const auto a3 = h.issue("a");
    auto missedIds = [&] {
        std::vector<TicketId> ids;
        for (const Ticket* t : h.engine.missed(10)) ids.push_back(t->id);
        return ids;
    };

    h.now = at(9, 10);
    REQUIRE(h.callNext(1) == a1);
    h.ok(MarkNoShow{1});
    CHECK(missedIds() == std::vector{a1});
    CHECK(h.ticket(a1).missedWindow == 1);
    CHECK(h.ticket(a1).missedAt == at(9, 10));

    h.now = at(9, 11);
    REQUIRE(h.callNext(1) == a2);
    h.ok(MarkNoShow{1});
    CHECK(missedIds() == std::vector{a2, a1}); // newest first
    CHECK(h.engine.missed(1).size() == 1);

    // Called again: off the list; an undone call puts it back as it was.
    h.now = at(9, 20);
    REQUIRE(h.callNumber(1, h.ticket(a1).number) == a1);
    CHECK(missedIds() == std::vector{a2});
    CHECK_FALSE(h.ticket(a1).missedWindow);
    h.ok(UndoCall{1});
    CHECK(missedIds() == std::vector{a2, a1});

    // A final no-show stays listed; a cancelled ticket does not.
    REQUIRE(h.callNumber(1, h.ticket(a1).number) == a1);
    h.ok(MarkNoShow{1});
    CHECK(h.ticket(a1).state == TicketState::NoShow);
    h.ok(CancelTicket{a2});
    CHECK(missedIds() == std::vector{a1});
    h.checkReplay();

    // The next day starts with an empty list.
    h.now = at(9, 0, 0, 1);
    h.issue("a");
    CHECK(missedIds().empty());
    CHECK(h.ticket(a3).state == TicketState::Cancelled);
    h.checkReplay();
}
