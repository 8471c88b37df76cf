// The led-box's strip: the window's words and colour as the controller's bus strips show them,
// from the pushes the terminal gets; a call blinks for the hall's hold time, then stays.
#include "callstation/app/window_strip.h"
#include "shared/client/mock_backend.h"
#include "tests/support/qt_event_wait.h"

#include <doctest/doctest.h>

using hall::callstation::WindowStrip;
using namespace std::chrono_literals;

namespace {

void request(hall::client::MockBackend& backend, hall::protocol::RequestBody body) {
    bool ok = false;
    backend.send(std::move(body), [&](const hall::protocol::Response& r) { ok = r.ok(); });
    REQUIRE(hall::testing::waitUntil([&] { return ok; }, 2s));
}

} // namespace

TEST_CASE("the strip follows its window: closed, open, calling (blinking, then steady), serving, paused") {
    hall::client::MockBackend backend;
    WindowStrip strip;
    strip.setWindow(1);
    strip.setBackend(&backend);
    CHECK(strip.look() == "closed");
    CHECK(strip.text().startsWith("1号"));
    CHECK(strip.colour() == "red");

    request(backend, hall::core::SignIn{1, "s01"});
    CHECK(strip.look() == "open");
    CHECK(strip.colour() == "green");

    hall::core::IssueTicket issue;
    issue.serviceId = "social_security";
    request(backend, issue);
    request(backend, hall::core::CallNext{1});
    REQUIRE(strip.look() == "calling");
    CHECK(strip.text().startsWith("请"));
    CHECK(strip.text().endsWith("号"));
    CHECK(strip.blink());
    // The demo hall holds a call 5 s: then the call stays on the strip, steady.
    CHECK(hall::testing::waitUntil([&] { return !strip.blink(); }, 8s));
    CHECK(strip.look() == "calling");

    request(backend, hall::core::Recall{1});
    CHECK(strip.blink());
    request(backend, hall::core::StartServing{1});
    CHECK(strip.look() == "serving");
    CHECK(strip.text().endsWith(" 办理中"));
    CHECK_FALSE(strip.blink());

    request(backend, hall::core::Finish{1});
    request(backend, hall::core::PauseWindow{1, "午休"});
    CHECK(strip.text() == "暂停服务");
    CHECK(strip.colour() == "yellow");

    // Another window's call does not touch this strip.
    strip.setWindow(2);
    CHECK(strip.look() == "closed");
}
