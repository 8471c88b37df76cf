// The board's full-width call: each call held, one after the other; a burst collapses to the
// newest call of each window so the board never lags; calls come from the backend's pushes.
#include "callstation/app/call_spotlight.h"
#include "shared/client/mock_backend.h"
#include "tests/support/qt_event_wait.h"

#include <doctest/doctest.h>

using hall::callstation::CallSpotlight;
using namespace std::chrono_literals;

namespace {

hall::protocol::Call call(const std::string& number, int window, bool recall = false) {
    hall::protocol::Call c;
    c.ticket.number = number;
    c.window = window;
    c.recall = recall;
    return c;
}

} // namespace

TEST_CASE("a call pushed by the hall is shown with its window") {
    hall::client::MockBackend backend;
    backend.playMorning();
    CallSpotlight spotlight;
    spotlight.setBackend(&backend);
    CHECK_FALSE(spotlight.active());
    backend.callNextAt(5);
    REQUIRE(spotlight.active());
    CHECK(spotlight.window() == 5);
    CHECK_FALSE(spotlight.number().isEmpty());
    CHECK_FALSE(spotlight.recall());
    // The way to window 5, as the demo hall configures it.
    CHECK(spotlight.direction().value("arrow").toString() == "right");
    CHECK(spotlight.direction().value("zh").toString() == "右侧");
}

TEST_CASE("calls are held one after the other; none is cut short") {
    CallSpotlight spotlight;
    spotlight.setHoldMs(1000); // clamped to the 4 s minimum
    CHECK(spotlight.holdMs() == CallSpotlight::kMinHoldMs);
    spotlight.show(call("A001", 1));
    spotlight.show(call("A002", 2));
    CHECK(spotlight.number() == QStringLiteral("A001"));
    CHECK(spotlight.backlog() == 1);
    hall::testing::spin(3500ms);
    CHECK(spotlight.number() == QStringLiteral("A001")); // still held
    REQUIRE(hall::testing::waitUntil([&] { return spotlight.number() == QStringLiteral("A002"); },
                                     2s));
    CHECK(spotlight.window() == 2);
    CHECK(spotlight.backlog() == 0);
}

TEST_CASE("a burst collapses to the newest call of each window, in order") {
    CallSpotlight spotlight;
    spotlight.setMaxBacklog(3);
    spotlight.show(call("A001", 1)); // shown at once
    // 30 calls in a moment over three windows.
    for (int i = 2; i <= 31; ++i)
        spotlight.show(call("A" + std::to_string(100 + i), 1 + i % 3));
    CHECK(spotlight.number() == QStringLiteral("A001"));
    // The last call of every window is still to come, oldest first; nothing older of theirs.
    CHECK(spotlight.queuedNumbers() ==
          QStringList{QStringLiteral("A129"), QStringLiteral("A130"), QStringLiteral("A131")});
}
