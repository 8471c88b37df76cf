// Queries for boards and kiosks: position and people ahead, estimated wait, waiting counts.

#include "tests/core/hall_fixture.h"

using namespace hall::core;
using namespace hall::core::testing;

namespace {

int countOf(const std::map<std::string, int>& m, const std::string& key) {
    const auto it = m.find(key);
    return it == m.end() ? 0 : it->second;
}

int ahead(const Hall& h, TicketId id) {
    const auto p = h.engine.position(id, h.now);
    REQUIRE(p.ok());
    return p->ahead;
}

} // namespace

TEST_CASE("position: the waiting tickets of the same service called before it") {
    Hall h;
    const auto a1 = h.issue("a");
    const auto a2 = h.issue("a");
    const auto a3 = h.issue("a");
    const auto b1 = h.issue("b");
    CHECK(ahead(h, a1) == 0);
    CHECK(ahead(h, a2) == 1);
    CHECK(ahead(h, a3) == 2);
    CHECK(ahead(h, b1) == 0); // other services do not count

    const auto g = h.issueGreen("a");
    CHECK(ahead(h, g) == 0);
    CHECK(ahead(h, a1) == 1);
    CHECK(ahead(h, a3) == 3);

    h.ok(CancelTicket{a2, CancelReason::Citizen});
    CHECK(ahead(h, a3) == 2);

    h.signIn(1, "s1");
    REQUIRE(h.callNext(1) == g);
    CHECK(ahead(h, a1) == 0); // the called ticket is no longer ahead
    CHECK(ahead(h, a3) == 1);

    const auto unknown = h.engine.position(999, h.now);
    REQUIRE_FALSE(unknown.ok());
    CHECK(unknown.error().code == ErrorCode::UnknownTicket);
}

TEST_CASE("position: a requeued no-show keeps its place") {
    auto config = smallHall();
    config.queue.noShowRequeueDelay = 5min;
    config.queue.noShowMaxRequeues = 1;
    Hall h(config);
    h.signIn(1, "s1");
    h.now = at(9, 0);
    const auto a1 = h.issue("a");
    h.now = at(9, 1);
    const auto a2 = h.issue("a");
    h.now = at(9, 2);
    REQUIRE(h.callNext(1) == a1);
    h.ok(MarkNoShow{1});
    // Once callable again, a1 keeps its place by queue time (9:00), ahead of a2.
    h.now = at(9, 7);
    CHECK(ahead(h, a2) == 1);
    CHECK(ahead(h, a1) == 0);
}

TEST_CASE("estimated wait: only with an open window serving the service") {
    Hall h;
    const auto a1 = h.issue("a");
    CHECK_FALSE(h.engine.estimatedWait("a", h.now).has_value());
    CHECK_FALSE(h.engine.position(a1, h.now)->estimatedWait.has_value());

    h.signIn(3, "s3"); // serves c only
    CHECK_FALSE(h.engine.estimatedWait("a", h.now).has_value());
    CHECK(h.engine.estimatedWait("c", h.now).has_value());

    h.signIn(1, "s1");
    CHECK(h.engine.estimatedWait("a", h.now).has_value());
    CHECK(h.engine.position(a1, h.now)->estimatedWait.has_value());

    h.ok(PauseWindow{1, "break"});
    CHECK_FALSE(h.engine.estimatedWait("a", h.now).has_value());
    CHECK_FALSE(h.engine.position(a1, h.now)->estimatedWait.has_value());
    h.ok(ResumeWindow{1});
    CHECK(h.engine.estimatedWait("a", h.now).has_value());
    h.ok(SignOut{1});
    CHECK_FALSE(h.engine.estimatedWait("a", h.now).has_value());
}

TEST_CASE("estimated wait: people waiting × recent service time ÷ open windows") {
    auto config = smallHall();
    config.queue.starvationThreshold = 0ms;
    Hall h(config);
    h.signIn(1, "s1");
    for (int i = 0; i < 3; ++i) {
        h.issue("a");
        h.serveNext(1, 5min);
    }
    for (int i = 0; i < 4; ++i)
        h.issue("a");
    const auto one = h.engine.estimatedWait("a", h.now);
    REQUIRE(one.has_value());
    // Histogram resolution is 10 s: allow that much per person.
    CHECK(*one >= 20min);
    CHECK(*one <= 20min + 4 * 10s);

    h.signIn(2, "s2"); // also serves a
    const auto two = h.engine.estimatedWait("a", h.now);
    REQUIRE(two.has_value());
    CHECK(*two >= 10min);
    CHECK(*two <= 10min + 4 * 10s);
}

TEST_CASE("waiting counts by service and by zone") {
    auto config = smallHall();
    config.windows.push_back(window(4, {{"a", 1}}, RoutingPolicy::Ordered, "east"));
    Hall h(config);
    h.signIn(1, "s1");
    for (int i = 0; i < 4; ++i)
        h.issue("a");
    h.issue("b");
    h.issue("b");
    h.issue("c");
    h.callNext(1); // one a is called: no longer waiting
    CHECK(h.engine.waitingCount("a") == 3);
    CHECK(h.engine.waitingCount("b") == 2);
    CHECK(h.engine.waitingCount("c") == 1);
    CHECK(h.engine.waitingCount("nope") == 0);

    const auto byService = h.engine.waitingByService();
    CHECK(countOf(byService, "a") == 3);
    CHECK(countOf(byService, "b") == 2);
    CHECK(countOf(byService, "c") == 1);

    // main: windows 1, 2 serve a and b; east: window 3 serves c, window 4 serves a.
    const auto byZone = h.engine.waitingByZone();
    CHECK(countOf(byZone, "main") == 5);
    CHECK(countOf(byZone, "east") == 4);
}
