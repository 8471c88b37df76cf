// The window strip's words for each window state: what the controller sends to the hall bus and
// the led-box draws.

#include "shared/protocol/window_sign.h"

#include <doctest/doctest.h>

using namespace hall;
using protocol::SignLook;

namespace {

protocol::WindowView window3(std::string staff = "s1") {
    protocol::WindowView v;
    v.number = 3;
    v.staffId = std::move(staff);
    return v;
}

protocol::TicketView ticket(core::TicketState state) {
    protocol::TicketView t;
    t.id = 7;
    t.number = "A012";
    t.state = state;
    t.window = 3;
    return t;
}

} // namespace

TEST_CASE("a called ticket blinks while fresh, then stays; serving, paused, open and closed") {
    const std::string_view name = "社保窗口";

    auto view = window3();
    view.current = ticket(core::TicketState::Called);
    CHECK(protocol::windowSign(view, name, true) ==
          protocol::WindowSign{SignLook::Calling, "请A012号", "red", true});
    CHECK(protocol::windowSign(view, name, false).blink == false);

    view.current = ticket(core::TicketState::Serving);
    CHECK(protocol::windowSign(view, name, true) ==
          protocol::WindowSign{SignLook::Serving, "A012 办理中", "green", false});

    view.paused = true;
    CHECK(protocol::windowSign(view, name, false).look == SignLook::Serving); // its ticket first
    view.current.reset();
    CHECK(protocol::windowSign(view, name, false) ==
          protocol::WindowSign{SignLook::Paused, "暂停服务", "yellow", false});

    view.paused = false;
    CHECK(protocol::windowSign(view, name, false) ==
          protocol::WindowSign{SignLook::Open, "3号 社保窗口", "green", false});
    CHECK(protocol::windowSign(window3(""), name, false) ==
          protocol::WindowSign{SignLook::Closed, "3号 社保窗口", "red", false});
    // A window without a name still says its number.
    CHECK(protocol::windowSign(window3(""), "", false).text == "3号窗口");
    CHECK(protocol::signLookName(SignLook::Paused) == "paused");
}
