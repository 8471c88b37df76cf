// "Call next" routing: targeted transfers, started appointments, green channel, the starvation
// guard, then the window's own policy (ordered or smooth weighted round robin), FIFO within each.

#include "tests/core/hall_fixture.h"

#include <map>

using namespace hall::core;
using namespace hall::core::testing;

namespace {

HallConfig weightedHall(std::vector<WindowService> services) {
    auto config = smallHall();
    config.windows[0].routing = RoutingPolicy::Weighted;
    config.windows[0].services = std::move(services);
    return config;
}

} // namespace

TEST_CASE("ordered: the first service in the window's list that has someone waiting") {
    Hall h;
    h.signIn(1, "s1"); // [a, b]
    h.signIn(2, "s2"); // [b, a]
    const auto b1 = h.issue("b");
    const auto a1 = h.issue("a");
    const auto b2 = h.issue("b");
    const auto a2 = h.issue("a");
    h.now = at(9, 5);
    CHECK(h.serveNext(1) == a1);
    CHECK(h.serveNext(2) == b1);
    CHECK(h.serveNext(2) == b2);
    CHECK(h.serveNext(2) == a2);
    CHECK(h.refused(CallNext{1}) == ErrorCode::NothingToCall);
    h.checkReplay();
}

TEST_CASE("FIFO by queue time within a service") {
    Hall h;
    h.signIn(1, "s1");
    std::vector<TicketId> issued;
    for (int i = 0; i < 6; ++i) {
        h.now = at(9, i);
        issued.push_back(h.issue("a"));
    }
    h.now = at(9, 10);
    for (const auto id : issued)
        CHECK(h.serveNext(1) == id);
}

TEST_CASE("weighted: smooth weighted round robin, ties in list order") {
    Hall h(weightedHall({{"a", 3}, {"b", 1}}));
    h.signIn(1, "s1");
    for (int i = 0; i < 8; ++i) {
        h.issue("a");
        h.issue("b");
    }
    // nginx's algorithm by hand: add each weight, take the largest credit, subtract the total.
    //   a,b credits +3,+1 → 3,1 pick a → -1,1;  → 2,2 tie: a → -2,2;  → 1,3 b → 1,-1;
    //   → 4,0 a → 0,0; and round again.
    const std::vector<std::string> expectedService = {"a", "a", "b", "a", "a", "a", "b", "a"};
    const std::vector<std::vector<std::int64_t>> expectedCredit = {
        {-1, 1}, {-2, 2}, {1, -1}, {0, 0}, {-1, 1}, {-2, 2}, {1, -1}, {0, 0}};
    for (std::size_t i = 0; i < expectedService.size(); ++i) {
        CAPTURE(i);
        const auto d = h.ok(CallNext{1});
        REQUIRE(d.ticket.has_value());
        CHECK(h.ticket(*d.ticket).serviceId == expectedService[i]);
        CHECK(findEvent<TicketCalled>(d)->routingCredit == expectedCredit[i]);
        h.ok(Finish{1});
    }
    h.checkReplay();
}

TEST_CASE("weighted: only services with someone waiting take part") {
    Hall h(weightedHall({{"a", 3}, {"b", 1}}));
    h.signIn(1, "s1");
    const auto a1 = h.issue("a");
    h.issue("b");
    h.issue("b");
    h.issue("b");

    auto call = [&] {
        const auto d = h.ok(CallNext{1});
        h.ok(Finish{1});
        return std::pair{h.ticket(*d.ticket).serviceId, findEvent<TicketCalled>(d)->routingCredit};
    };
    auto [s1, c1] = call();
    CHECK(s1 == "a");
    CHECK(c1 == std::vector<std::int64_t>{-1, 1});
    CHECK(h.ticket(a1).state == TicketState::Done);
    // Only b is a candidate: its credit +1 -1; a's credit is untouched.
    auto [s2, c2] = call();
    CHECK(s2 == "b");
    CHECK(c2 == std::vector<std::int64_t>{-1, 1});
    h.issue("a");
    // a: -1+3 = 2, b: 1+1 = 2, tie goes to a; a: 2-4 = -2.
    auto [s3, c3] = call();
    CHECK(s3 == "a");
    CHECK(c3 == std::vector<std::int64_t>{-2, 2});
}

TEST_CASE("weighted: shares over many calls match the weights") {
    auto config = weightedHall({{"a", 5}, {"b", 3}, {"c", 1}});
    config.queue.starvationThreshold = 0ms; // the shares alone, without the guard
    Hall h(config);
    h.signIn(1, "s1");
    for (int i = 0; i < 60; ++i) {
        h.issue("a");
        h.issue("b");
        h.issue("c");
    }
    std::map<std::string, int> calls;
    int longestRunOfA = 0;
    int run = 0;
    for (int i = 0; i < 90; ++i) {
        h.now += 1min;
        const auto id = h.serveNext(1);
        const auto& svc = h.ticket(id).serviceId;
        ++calls[svc];
        run = svc == "a" ? run + 1 : 0;
        longestRunOfA = std::max(longestRunOfA, run);
    }
    CHECK(calls["a"] == 50);
    CHECK(calls["b"] == 30);
    CHECK(calls["c"] == 10);
    // "Smooth": a never gets more than two calls in a row with these weights.
    CHECK(longestRunOfA <= 2);
}

TEST_CASE("appointments go first once their slot has started") {
    auto config = smallHall();
    config.queue.starvationThreshold = 0ms; // the appointment rule alone
    Hall h(config);                         // window 1 serves [a, b] in order
    h.signIn(1, "s1");
    h.now = at(9, 0);
    const auto p1 = h.issueAppointment("b", at(10, 0), "YY-1");
    h.now = at(9, 1);
    const auto p2 = h.issueAppointment("b", at(9, 30), "YY-2");
    std::vector<TicketId> normals;
    for (int i = 0; i < 4; ++i) {
        h.now = at(9, 2 + i);
        normals.push_back(h.issue("a"));
    }
    // Before any slot: plain order, a first.
    h.now = at(9, 10);
    CHECK(h.serveNext(1) == normals[0]);
    // 09:30: p2's slot has started, p1's not yet.
    h.now = at(9, 30);
    CHECK(h.serveNext(1) == p2);
    CHECK(h.serveNext(1) == normals[1]);
    // 10:00: p1 goes ahead of a's tickets.
    h.now = at(10, 0);
    CHECK(h.serveNext(1) == p1);
    CHECK(h.serveNext(1) == normals[2]);
    h.checkReplay();
}

TEST_CASE("started appointments among themselves: FIFO by queue time") {
    Hall h;
    h.signIn(1, "s1");
    h.now = at(9, 0);
    const auto late = h.issueAppointment("a", at(9, 40), "YY-1");
    h.now = at(9, 5);
    const auto early = h.issueAppointment("a", at(9, 20), "YY-2");
    h.now = at(9, 45);
    CHECK(h.serveNext(1) == late);
    CHECK(h.serveNext(1) == early);
}

TEST_CASE("green channel goes ahead of normal tickets, behind started appointments") {
    Hall h;
    h.signIn(1, "s1"); // [a, b]
    h.now = at(9, 0);
    const auto a1 = h.issue("a");
    const auto a2 = h.issue("a");
    h.now = at(9, 2);
    const auto g1 = h.issueGreen("b", "disabled");
    h.now = at(9, 3);
    const auto g2 = h.issueGreen("a", "elderly");
    const auto gc = h.issueGreen("c", "military"); // window 1 does not serve c
    h.now = at(9, 4);
    const auto p = h.issueAppointment("b", at(9, 5));
    h.now = at(9, 5);
    CHECK(h.serveNext(1) == p);
    CHECK(h.serveNext(1) == g1);
    CHECK(h.serveNext(1) == g2);
    CHECK(h.serveNext(1) == a1);
    CHECK(h.serveNext(1) == a2);
    CHECK(h.refused(CallNext{1}) == ErrorCode::NothingToCall);
    CHECK(h.ticket(gc).state == TicketState::Waiting);
    h.checkReplay();
}

TEST_CASE("starvation guard: a ticket waiting past the threshold is called, oldest first") {
    auto config = smallHall();
    config.queue.starvationThreshold = 30min;
    Hall h(config);
    h.signIn(1, "s1"); // [a, b]
    h.now = at(9, 0);
    const auto b1 = h.issue("b");
    h.now = at(9, 1);
    const auto b2 = h.issue("b");
    std::vector<TicketId> as;
    h.now = at(9, 20);
    as.push_back(h.issue("a"));
    h.now = at(9, 21);
    as.push_back(h.issue("a"));
    h.now = at(9, 21, 30);
    const auto b3 = h.issue("b");
    for (int i = 2; i < 6; ++i) {
        h.now = at(9, 20 + i);
        as.push_back(h.issue("a"));
    }
    h.now = at(9, 29, 59);
    CHECK(h.serveNext(1) == as[0]); // b1 has waited 29:59
    h.now = at(9, 30);
    CHECK(h.serveNext(1) == b1);    // 30:00: the guard takes it
    CHECK(h.serveNext(1) == as[1]); // b2 has waited 29:00
    h.now = at(9, 31);
    CHECK(h.serveNext(1) == b2);
    // At 10:00 b3 (9:21:30) and as[2..5] (9:22…9:25) have all starved: the oldest goes first,
    // although the window's order puts a before b.
    h.now = at(10, 0);
    CHECK(h.serveNext(1) == b3);
    CHECK(h.serveNext(1) == as[2]);
    // The green channel still beats a starving ticket.
    h.now = at(10, 1);
    const auto g = h.issueGreen("b");
    CHECK(h.serveNext(1) == g);
    CHECK(h.serveNext(1) == as[3]);
    h.checkReplay();
}

TEST_CASE("starvation guard switched off: strict order") {
    auto config = smallHall();
    config.queue.starvationThreshold = 0ms;
    Hall h(config);
    h.signIn(1, "s1");
    h.now = at(9, 0);
    const auto b1 = h.issue("b");
    std::vector<TicketId> as;
    for (int i = 0; i < 5; ++i)
        as.push_back(h.issue("a"));
    h.now = at(12, 0);
    for (const auto id : as)
        CHECK(h.serveNext(1) == id);
    CHECK(h.serveNext(1) == b1);
}

TEST_CASE("starvation guard on a weighted window") {
    auto config = weightedHall({{"a", 10}, {"b", 1}});
    config.queue.starvationThreshold = 20min;
    Hall h(config);
    h.signIn(1, "s1");
    h.now = at(9, 0);
    const auto b1 = h.issue("b");
    for (int i = 0; i < 40; ++i)
        h.issue("a");
    // b's credit is not consulted: the guard calls b1 as soon as it has waited 20 minutes.
    for (int i = 0; i < 4; ++i) {
        h.now = at(9, 5 + i);
        CHECK(h.ticket(h.serveNext(1)).serviceId == "a");
    }
    // By 9:20 all waiting tickets have starved: FIFO by queue time, b1 was issued first.
    h.now = at(9, 20);
    const auto d = h.ok(CallNext{1});
    CHECK(d.ticket == b1);
    CHECK(findEvent<TicketCalled>(d)->routingCredit.empty()); // not a weighted choice
}

TEST_CASE("transfer to a window: only that window calls it, and before anything else") {
    Hall h;
    h.signIn(1, "s1"); // [a, b]
    h.signIn(2, "s2"); // [b, a]
    h.signIn(3, "s3"); // [c]
    h.now = at(9, 0);
    const auto a1 = h.issue("a");
    const auto a2 = h.issue("a");
    h.now = at(9, 5);
    REQUIRE(h.callNext(1) == a1);
    h.ok(Transfer{1, std::nullopt, 2});
    CHECK(h.ticket(a1).targetWindow == 2);
    CHECK(h.ticket(a1).state == TicketState::Waiting);
    // Window 1 serves a, but a1 is meant for window 2.
    CHECK(h.serveNext(1) == a2);
    CHECK(h.refused(CallNext{1}) == ErrorCode::NothingToCall);
    // Window 2 calls it ahead of the green channel.
    h.issueGreen("b");
    CHECK(h.callNext(2) == a1);
    CHECK(h.ticket(a1).window == 2);

    // To a window that does not serve the ticket's service: that window still calls it.
    h.ok(Transfer{2, std::nullopt, 3});
    h.issue("c");
    CHECK(h.callNext(3) == a1);
    h.checkReplay();
}

TEST_CASE("several tickets transferred to one window: oldest queue time first") {
    auto config = smallHall();
    config.queue.transferKeepsPlace = true;
    Hall h(config);
    h.signIn(1, "s1");
    h.signIn(2, "s2");
    h.now = at(9, 0);
    const auto a1 = h.issue("a");
    h.now = at(9, 1);
    const auto a2 = h.issue("a");
    h.now = at(9, 5);
    REQUIRE(h.callNumber(1, "A002") == a2);
    h.ok(Transfer{1, std::string("b"), 2});
    REQUIRE(h.callNext(1) == a1);
    h.ok(Transfer{1, std::string("b"), 2});
    CHECK(h.callNext(2) == a1); // issued 9:00, transferred second
    h.ok(Finish{2});
    CHECK(h.callNext(2) == a2);
}
