#include "shared/terminal/reconnect_backoff.h"

#include <doctest/doctest.h>

using hall::client::BackoffPolicy;
using hall::client::ReconnectBackoff;
using namespace std::chrono_literals;

TEST_CASE("backoff doubles from 0.5 s to the 30 s cap, each delay within ±20 %") {
    ReconnectBackoff backoff({}, 42);
    double base = 500;
    for (int i = 0; i < 12; ++i) {
        const auto delay = static_cast<double>(backoff.next().count());
        CHECK(delay >= base * 0.8 - 1);
        CHECK(delay <= base * 1.2 + 1);
        base = std::min(base * 2, 30'000.0);
    }
    CHECK(backoff.attempts() == 12);
}

TEST_CASE("backoff jitter spreads terminals apart") {
    ReconnectBackoff a({}, 1), b({}, 2);
    bool differ = false;
    for (int i = 0; i < 5; ++i)
        differ = differ || a.next() != b.next();
    CHECK(differ);
}

TEST_CASE("backoff starts over after a success") {
    ReconnectBackoff backoff({}, 7);
    for (int i = 0; i < 8; ++i)
        backoff.next();
    backoff.reset();
    CHECK(backoff.next() <= 600ms);
}

TEST_CASE("backoff refuses a policy that makes no sense") {
    CHECK_THROWS_AS(ReconnectBackoff(BackoffPolicy{0ms, 30s, 2.0, 0.2}), std::invalid_argument);
    CHECK_THROWS_AS(ReconnectBackoff(BackoffPolicy{1s, 500ms, 2.0, 0.2}), std::invalid_argument);
    CHECK_THROWS_AS(ReconnectBackoff(BackoffPolicy{1s, 30s, 2.0, 1.0}), std::invalid_argument);
}
