#include "shared/terminal/request_tracker.h"

#include <doctest/doctest.h>

using hall::client::RequestTracker;
using hall::protocol::RequestType;
using namespace std::chrono_literals;

TEST_CASE("responses are matched by id, once") {
    RequestTracker tracker;
    const auto t0 = std::chrono::steady_clock::now();
    int a = 0, b = 0;
    CHECK(tracker.add("a", RequestType::Heartbeat, t0 + 1s, [&](auto&) { ++a; }));
    CHECK(tracker.add("b", RequestType::Rate, t0 + 1s, [&](auto&) { ++b; }));
    CHECK_FALSE(tracker.add("a", RequestType::Rate, t0 + 1s, nullptr));
    auto handler = tracker.take("b");
    REQUIRE(handler);
    (*handler)(hall::protocol::Response{});
    CHECK(b == 1);
    CHECK_FALSE(tracker.take("b"));
    CHECK(tracker.size() == 1);
}

TEST_CASE("a deadline fails that request alone, with a local timeout") {
    RequestTracker tracker;
    const auto t0 = std::chrono::steady_clock::now();
    tracker.add("slow", RequestType::Rate, t0 + 1s, nullptr);
    tracker.add("later", RequestType::Rate, t0 + 5s, nullptr);
    CHECK(tracker.expire(t0).empty());
    auto due = tracker.expire(t0 + 2s);
    REQUIRE(due.size() == 1);
    CHECK(due[0].second.id == "slow");
    CHECK_FALSE(due[0].second.ok());
    CHECK(std::get<hall::protocol::Error>(due[0].second.outcome).code == "timeout");
    CHECK(tracker.contains("later"));
}

TEST_CASE("a lost link fails every request in flight") {
    RequestTracker tracker;
    const auto t0 = std::chrono::steady_clock::now();
    tracker.add("x", RequestType::Rate, t0 + 1s, nullptr);
    tracker.add("y", RequestType::Finish, t0 + 1s, nullptr);
    auto failed = tracker.failAll("connection_lost", "gone");
    CHECK(failed.size() == 2);
    CHECK(tracker.size() == 0);
    for (auto& [h, r] : failed)
        CHECK(std::get<hall::protocol::Error>(r.outcome).code == "connection_lost");
}
