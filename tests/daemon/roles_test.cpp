// Roles limit what a device may do; a refusal changes nothing.

#include "tests/daemon/daemon_process.h"
#include "tests/support/temp_dir.h"
#include "tests/daemon/test_requests.h"

using namespace hall;
using namespace hall::testing;
using namespace std::chrono_literals;

namespace {

int waiting(const DaemonProcess& daemon, int service) {
    return daemon.status()["queues"]["services"][static_cast<std::size_t>(service)]["waiting"].get<int>();
}

} // namespace

TEST_CASE("kiosks issue, call boards listen, window pads act for their own window only") {
    TempDir dir("daemon-roles");
    DaemonProcess daemon(dir.path());
    auto kiosk = daemon.terminal("kiosk-1", "kiosk");
    auto board = daemon.terminal("board-north", "call_board", {}, "north");
    auto boardSouth = daemon.terminal("board-south", "call_board", {}, "south");
    auto pad = daemon.terminal("pad-1", "window_pad", 1);

    auto ticket = commandResult(kiosk.request(req("k1", issue("permits")))).ticket;
    REQUIRE(ticket);
    CHECK(ticket->number == "A001");
    CHECK(waiting(daemon, 0) == 1);

    CHECK(errorCode(kiosk.request(req("k2", core::CallNext{1, false}))) == "forbidden");
    CHECK(errorCode(board.request(req("b1", issue("permits")))) == "forbidden");
    CHECK(errorCode(pad.request(req("p1", core::SignIn{2, "s1"}))) == "forbidden");
    CHECK(errorCode(pad.request(req("p2", core::CallNext{2, false}))) == "forbidden");
    CHECK(waiting(daemon, 0) == 1);

    commandResult(pad.request(req("p3", core::SignIn{1, "s1"})));
    auto called = commandResult(pad.request(req("p4", core::CallNext{1, false}))).ticket;
    REQUIRE(called);
    CHECK(called->number == "A001");
    CHECK(waiting(daemon, 0) == 0);

    // The north board hears the call; the south board does not (window 1 is in the north).
    bool heard = false;
    while (auto push = board.nextPush(2s)) {
        if (auto* call = std::get_if<protocol::Call>(&push->body)) {
            CHECK(call->window == 1);
            CHECK(call->ticket.number == "A001");
            CHECK_FALSE(call->silent);
            heard = true;
            break;
        }
    }
    CHECK(heard);
    while (auto push = boardSouth.nextPush(300ms)) {
        CHECK_FALSE(std::holds_alternative<protocol::Call>(push->body));
        CHECK_FALSE(std::holds_alternative<protocol::WindowView>(push->body));
    }

    SUBCASE("a pad identifies the visit at its own window only") {
        const std::string key(64, 'd');
        auto pad2 = daemon.terminal("pad-2", "window_pad", 2);
        CHECK(errorCode(pad2.request(req("q2", core::IdentifyVisit{1, key}))) == "forbidden");
        CHECK(errorCode(board.request(req("b2", core::IdentifyVisit{1, key}))) == "forbidden");
        auto identified = commandResult(pad.request(req("p7", core::IdentifyVisit{1, key}))).ticket;
        REQUIRE(identified);
        CHECK(identified->id == called->id);
        CHECK(identified->identified);
        // The same request again is answered from the first; a second reading is refused.
        CHECK(
            commandResult(pad.request(req("p7", core::IdentifyVisit{1, key}))).ticket->identified);
        CHECK(errorCode(pad.request(req("p8", core::IdentifyVisit{1, key}))) == "invalid_state");
        // The person now holds A001: a second ticket of the service is refused, naming it.
        core::IssueTicket again = issue("permits");
        again.personKey = key;
        const auto refused = kiosk.request(req("k3", again));
        CHECK(errorCode(refused) == "duplicate_person");
        const auto& error = std::get<protocol::Error>(refused.outcome);
        REQUIRE(error.ticket);
        CHECK(error.ticket->number == "A001");
    }

    SUBCASE("a pad rates only what its window served") {
        commandResult(pad.request(req("p5", core::Finish{1})));
        auto pad2 = daemon.terminal("pad-2", "window_pad", 2);
        CHECK(errorCode(pad2.request(req("q1", core::Rate{called->id, core::RatingLevel::VerySatisfied, {}, {}}))) ==
              "forbidden");
        auto rated = commandResult(pad.request(req("p6", core::Rate{called->id, core::RatingLevel::VerySatisfied, {}, {}})));
        CHECK(rated.ticket->id == called->id);
    }
}

TEST_CASE("a board's snapshot: the way to each window from where it hangs, and the missed list") {
    TempDir dir("daemon-board-view");
    DaemonProcess daemon(dir.path());
    auto board = daemon.terminal("board-north", "call_board", {}, "north");
    auto boardSouth = daemon.terminal("board-south", "call_board", {}, "south");
    auto pad = daemon.terminal("pad-1", "window_pad", 1);
    auto kiosk = daemon.terminal("kiosk-1", "kiosk");
    auto snapshotOf = [](netclient::TerminalConnection& terminal, const std::string& id) {
        auto answer = terminal.request(req(id, protocol::GetSnapshot{}));
        return std::get<protocol::SnapshotResult>(std::get<protocol::ResponseResult>(answer.outcome))
            .snapshot;
    };
    auto directionTo = [](const protocol::Snapshot& s, int window) {
        for (const auto& w : s.hall.windows)
            if (w.number == window) return w.direction;
        return std::optional<core::Direction>();
    };

    const auto north = snapshotOf(board, "n1");
    REQUIRE(directionTo(north, 1));
    CHECK(directionTo(north, 1)->arrow == "left"); // the board's own
    CHECK_FALSE(directionTo(north, 2));             // none configured
    CHECK(directionTo(north, 3)->textZh == "二楼"); // the window's
    const auto south = snapshotOf(boardSouth, "s1");
    CHECK_FALSE(directionTo(south, 1)); // board-north's hints are its own

    // Called and not come: on the boards' missed list with the window, until called again.
    commandResult(pad.request(req("p1", core::SignIn{1, "s1"})));
    commandResult(kiosk.request(req("k1", issue("permits"))));
    auto called = commandResult(pad.request(req("p3", core::CallNext{1, false}))).ticket;
    REQUIRE(called);
    commandResult(pad.request(req("p4", core::MarkNoShow{1})));
    const auto missed = snapshotOf(board, "n2").queues.missed;
    REQUIRE(missed.size() == 1);
    CHECK(missed[0].number == called->number);
    CHECK(missed[0].window == 1);
    CHECK(missed[0].requeued);
}
