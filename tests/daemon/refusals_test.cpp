// Bad input, floods and stalled readers: each refused with a code, nothing changed, the daemon up.

#include "tests/daemon/daemon_process.h"
#include "tests/support/temp_dir.h"
#include "tests/daemon/test_requests.h"

#include "shared/protocol/codec.h"

using namespace hall;
using namespace hall::testing;
using namespace std::chrono_literals;

namespace {

protocol::Response responseOf(const std::string& frame) {
    auto decoded = protocol::decodeResponse(frame);
    REQUIRE(decoded.ok());
    return decoded.value();
}

int waitingPermits(const DaemonProcess& daemon) {
    return daemon.status()["queues"]["services"][0]["waiting"].get<int>();
}

} // namespace

TEST_CASE("malformed, binary and unknown frames are refused and the connection goes on") {
    TempDir dir("daemon-malformed");
    DaemonProcess daemon(dir.path());
    auto kiosk = daemon.terminal("kiosk-1", "kiosk");
    REQUIRE(kiosk.nextPush(5s)); // the snapshot; from here on only responses come

    const std::vector<std::pair<std::string, std::string>> cases{
        {"{not json", "bad_frame"},
        {R"({"v":1,"type":"issue_ticket","id":"a","service":"permits","service":"taxes"})", "bad_frame"},
        {R"({"v":1,"type":"issue_ticket","id":"a","service":"permits","extra":1})", "bad_frame"},
        {R"({"v":2,"type":"issue_ticket","id":"a","service":"permits"})", "unsupported_version"},
        {R"({"v":1,"type":"launch_rockets","id":"a"})", "unknown_type"},
        {R"([1,2,3])", "bad_frame"},
    };
    for (const auto& [frame, code] : cases) {
        CAPTURE(frame);
        kiosk.sendText(frame);
        auto reply = kiosk.readFrame(5s);
        REQUIRE(reply);
        auto response = responseOf(*reply);
        CHECK(errorCode(response) == code);
    }
    kiosk.sendBinary("\x01\x02");
    auto reply = kiosk.readFrame(5s);
    REQUIRE(reply);
    CHECK(errorCode(responseOf(*reply)) == "bad_frame");

    CHECK(waitingPermits(daemon) == 0);
    CHECK(commandResult(kiosk.request(req("ok-1", issue("permits")))).ticket->number == "A001");
}

TEST_CASE("a frame over 64 KiB closes the connection with 1009; the daemon stays up") {
    TempDir dir("daemon-oversize");
    DaemonProcess daemon(dir.path());
    auto kiosk = daemon.terminal("kiosk-1", "kiosk");
    kiosk.takePushes();
    const std::string huge = R"({"v":1,"type":"issue_ticket","id":"big","service":")" +
                             std::string(70 * 1024, 'x') + "\"}";
    try {
        kiosk.sendText(huge);
        for (int i = 0; i < 50; ++i) kiosk.readFrame(100ms);
        FAIL("the connection stayed open");
    } catch (const netclient::ConnectionError&) {
        CHECK(kiosk.closedByPeer());
    }
    CHECK(daemon.running());
    CHECK(waitingPermits(daemon) == 0);
}

TEST_CASE("more than the request rate is refused with rate_limited") {
    TempDir dir("daemon-rate");
    DaemonProcess daemon(dir.path());
    auto kiosk = daemon.terminal("kiosk-1", "kiosk");
    int limited = 0;
    for (int i = 0; i < 80; ++i) {
        auto answer = kiosk.request(req("h" + std::to_string(i), protocol::Heartbeat{}));
        if (!answer.ok()) {
            CHECK(errorCode(answer) == "rate_limited");
            CHECK(answer.id == "h" + std::to_string(i));
            ++limited;
        }
    }
    // A burst of 40 (enroll and hello took two of it), then about 20 a second.
    CHECK(limited >= 10);
    CHECK(limited <= 42);
}

TEST_CASE("a terminal that stops reading is dropped, not buffered without end") {
    TempDir dir("daemon-slow");
    DaemonProcess daemon(dir.path());
    netclient::ConnectOptions small;
    small.receiveBufferBytes = 4096;
    auto slow = netclient::TerminalConnection::connect("localhost", daemon.port(), daemon.caPem(), small);
    slow.hello(slow.enroll(daemon.enrollmentCode("board-slow", "call_board", {}, "north")).credential);

    // Every call at window 1 pushes the call and the window's state to the board; it reads none
    // of them. (Queue pushes alone would not do: a waiting one is replaced by the next.) Through
    // the REST API, which an admin tool may drive faster than a terminal's request rate.
    auto api = daemon.admin();
    REQUIRE(api.post("/api/v1/operations/sign_in", R"({"window":1,"staff":"s1"})").status == 200);
    for (int i = 0; i < 600; ++i) {
        REQUIRE(api.post("/api/v1/operations/issue_ticket", R"({"service":"permits"})").status == 200);
        REQUIRE(api.post("/api/v1/operations/call_next", R"({"window":1})").status == 200);
        REQUIRE(api.post("/api/v1/operations/finish", R"({"window":1})").status == 200);
    }
    auto metrics = api.get("/metrics");
    CHECK(metrics.body.find("hall_slow_consumers_dropped_total 1") != std::string::npos);
    bool closed = false;
    try {
        while (slow.readFrame(200ms)) {
        }
    } catch (const netclient::ConnectionError&) {
        closed = true;
    }
    CHECK(closed);
    CHECK(daemon.running());
}
