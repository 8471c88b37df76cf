// Enrollment, hello and revocation against the real daemon.

#include "tests/daemon/daemon_process.h"
#include "tests/support/temp_dir.h"
#include "tests/daemon/test_requests.h"

using namespace hall;
using namespace hall::testing;
using namespace std::chrono_literals;

TEST_CASE("an enrolled terminal says hello, gets its identity and a snapshot as push 1") {
    TempDir dir("daemon-enroll");
    DaemonProcess daemon(dir.path());
    auto board = daemon.connect();
    auto enrolled = board.enroll(daemon.enrollmentCode("board-north", "call_board", {}, "north"));
    CHECK(enrolled.identity.device == "board-north");
    CHECK(enrolled.identity.zone == "north");
    CHECK(enrolled.credential.size() >= 32);

    auto hello = board.hello(enrolled.credential);
    CHECK(hello.version == 1);
    CHECK(hello.identity.role == protocol::Role::CallBoard);
    auto first = board.nextPush(5s);
    REQUIRE(first);
    CHECK(first->seq == 1);
    const auto& snapshot = std::get<protocol::Snapshot>(first->body);
    REQUIRE(snapshot.windows.size() == 2); // windows 1 and 2 are in the north zone
    CHECK(snapshot.windows[0].number == 1);
    CHECK(snapshot.windows[1].number == 2);
    CHECK(snapshot.queues.services.size() == 2);

    SUBCASE("the code works once") {
        auto reused = daemon.connect();
        auto code = daemon.enrollmentCode("kiosk-9", "kiosk");
        reused.enroll(code);
        CHECK_THROWS_AS(reused.enroll(code), netclient::RequestRefused);
    }
    SUBCASE("revocation closes the device's connections and refuses its credential at once") {
        auto reply = daemon.admin().post("/api/v1/devices/board-north/revoke", "");
        CHECK(reply.status == 200);
        // The open connection is closed by the server.
        bool closed = false;
        try {
            for (int i = 0; i < 50 && !closed; ++i) board.readFrame(100ms);
        } catch (const netclient::ConnectionError&) {
            closed = true;
        }
        CHECK(closed);
        auto again = daemon.connect();
        try {
            again.hello(enrolled.credential);
            FAIL("hello with a revoked credential succeeded");
        } catch (const netclient::RequestRefused& e) {
            CHECK(e.error().code == "unauthenticated");
        }
        CHECK(daemon.admin().post("/api/v1/devices/board-north/revoke", "").status == 404);
    }
}

TEST_CASE("nothing but hello or enroll before authentication") {
    TempDir dir("daemon-unauth");
    DaemonProcess daemon(dir.path());
    auto stranger = daemon.connect();
    auto answer = stranger.request(req("r1", issue("permits")));
    CHECK(errorCode(answer) == "unauthenticated");
    try {
        stranger.hello("not-a-credential");
        FAIL("hello with a made-up credential succeeded");
    } catch (const netclient::RequestRefused& e) {
        CHECK(e.error().code == "unauthenticated");
    }
    CHECK(daemon.status()["queues"]["services"][0]["waiting"] == 0);
}
