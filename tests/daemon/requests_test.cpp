// Idempotent retries and the push stream's sequence numbers with snapshot resync.

#include "tests/daemon/daemon_process.h"
#include "tests/support/temp_dir.h"
#include "tests/daemon/test_requests.h"

using namespace hall;
using namespace hall::testing;
using namespace std::chrono_literals;

TEST_CASE("a retried request returns the first answer and changes nothing twice") {
    TempDir dir("daemon-retry");
    DaemonProcess daemon(dir.path());
    auto kiosk = daemon.connect();
    auto credential = kiosk.enroll(daemon.enrollmentCode("kiosk-1", "kiosk")).credential;
    kiosk.hello(credential);

    auto first = commandResult(kiosk.request(req("issue-1", issue("permits"))));
    auto again = commandResult(kiosk.request(req("issue-1", issue("permits"))));
    CHECK(again.ticket->id == first.ticket->id);
    CHECK(again.ticket->number == "A001");

    // From a new connection of the same device (a terminal replaying its outbox after a
    // reconnect), and after a restart of the daemon: still the first answer.
    auto reconnected = daemon.connect();
    reconnected.hello(credential);
    CHECK(commandResult(reconnected.request(req("issue-1", issue("permits")))).ticket->id == first.ticket->id);
    daemon.terminate();
    daemon.start();
    auto afterRestart = daemon.connect();
    afterRestart.hello(credential);
    CHECK(commandResult(afterRestart.request(req("issue-1", issue("permits")))).ticket->id == first.ticket->id);
    CHECK(daemon.status()["queues"]["services"][0]["waiting"] == 1);

    // Ids are scoped per device: another kiosk's "issue-1" is its own request.
    auto other = daemon.terminal("kiosk-2", "kiosk");
    CHECK(commandResult(other.request(req("issue-1", issue("permits")))).ticket->number == "A002");
}

TEST_CASE("pushes are numbered without gaps; get_snapshot resyncs a terminal that missed some") {
    TempDir dir("daemon-resync");
    DaemonProcess daemon(dir.path());
    auto kiosk = daemon.terminal("kiosk-1", "kiosk");
    auto board = daemon.terminal("board-north", "call_board", {}, "north");
    for (int i = 0; i < 5; ++i) commandResult(kiosk.request(req("i" + std::to_string(i), issue("taxes"))));

    std::uint64_t expected = 1;
    std::uint64_t last = 0;
    while (auto push = board.nextPush(500ms)) {
        CHECK(push->seq == expected++);
        last = push->seq;
    }
    CHECK(last >= 2); // the snapshot and at least one queue push

    // The board "missed" pushes (as if it saw a gap): a snapshot brings it up to date, with
    // the seq of the last push before it.
    auto answer = board.request(req("s1", protocol::GetSnapshot{}));
    REQUIRE(answer.ok());
    const auto& resync = std::get<protocol::SnapshotResult>(std::get<protocol::ResponseResult>(answer.outcome));
    CHECK(resync.seq == last);
    REQUIRE(resync.snapshot.queues.services.size() == 2);
    CHECK(resync.snapshot.queues.services[1].serviceId == "taxes");
    CHECK(resync.snapshot.queues.services[1].waiting == 5);

    commandResult(kiosk.request(req("i9", issue("taxes"))));
    auto next = board.nextPush(2s);
    REQUIRE(next);
    CHECK(next->seq == last + 1);
}

TEST_CASE("a burst of tickets reaches a board as a few queue pushes, the last with the final counts") {
    TempDir dir("daemon-queue-pacing");
    DaemonProcess daemon(dir.path());
    auto kiosk = daemon.terminal("kiosk-1", "kiosk");
    auto board = daemon.terminal("board-north", "call_board", {}, "north");
    REQUIRE(board.nextPush(5s)); // the snapshot

    constexpr int kTickets = 30;
    for (int i = 0; i < kTickets; ++i)
        commandResult(kiosk.request(req("b" + std::to_string(i), issue("taxes"))));

    int queuePushes = 0;
    int lastTaxes = -1;
    std::uint64_t expected = 2;
    // The counts of a burst go out at most once per 100 ms; the latest comes at the end.
    while (auto push = board.nextPush(1s)) {
        CHECK(push->seq == expected++);
        const auto* queues = std::get_if<protocol::QueueState>(&push->body);
        REQUIRE(queues);
        ++queuePushes;
        lastTaxes = queues->services.at(1).waiting;
    }
    MESSAGE(kTickets << " tickets, " << queuePushes << " queue pushes to the board");
    CHECK(lastTaxes == kTickets);
    CHECK(queuePushes >= 1);
    CHECK(queuePushes < kTickets);
    CHECK(daemon.status()["queues"]["services"][1]["waiting"] == kTickets);
}
