// Offline issuing over a real connection: a ticket machine leases numbers, reports them out of
// order in time, and the tickets are called in issue-time order; retries are answered again
// without a second ticket, wrong reports are refused, and leases survive a restart. And the
// technician audit: written once to the audit log even when an outbox replays it.

#include "tests/daemon/daemon_process.h"
#include "tests/support/temp_dir.h"
#include "tests/daemon/test_requests.h"

#include <chrono>
#include <thread>

using namespace hall;
using namespace hall::testing;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

std::int64_t nowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

protocol::LeaseView leaseOf(const protocol::Response& r) {
    REQUIRE_MESSAGE(r.ok(), (r.ok() ? "" : std::get<protocol::Error>(r.outcome).message));
    return std::get<protocol::LeaseResult>(std::get<protocol::ResponseResult>(r.outcome)).lease;
}

core::IssueLeasedTicket leased(core::LeaseId lease, std::string number, std::int64_t issuedAtMs) {
    core::IssueLeasedTicket c;
    c.lease = lease;
    c.number = std::move(number);
    c.issuedAt = core::Timestamp(core::Millis(issuedAtMs));
    return c;
}

protocol::TechnicianAudit audit(protocol::TechnicianAction action, std::string detail,
                                std::int64_t atMs) {
    return protocol::TechnicianAudit{action, std::move(detail),
                                     core::Timestamp(core::Millis(atMs))};
}

int auditRows(const DaemonProcess& daemon, const std::string& action, const std::string& actor) {
    int rows = 0;
    const auto listing = json::parse(daemon.admin().get("/api/v1/audit?limit=1000").body);
    for (const auto& e : listing["entries"])
        if (e["action"] == action && e["actor"] == actor) ++rows;
    return rows;
}

} // namespace

TEST_CASE("leased numbers reported late join the queue in issue-time order, exactly once") {
    TempDir dir("daemon-leases");
    DaemonProcess daemon(dir.path());
    auto machine = daemon.connect();
    const auto credential =
        machine.enroll(daemon.enrollmentCode("machine-1", "ticket_machine")).credential;
    machine.hello(credential);
    auto pad = daemon.terminal("pad-01", "window_pad", 1);

    const auto lease = leaseOf(machine.request(req("l-1", core::LeaseNumbers{"permits", 3, ""})));
    CHECK(lease.serviceId == "permits");
    CHECK(lease.numbers == std::vector<std::string>{"A001", "A002", "A003"});
    CHECK(lease.businessDay.size() == 10);
    // A retried lease request is the same lease, not a second block.
    CHECK(leaseOf(machine.request(req("l-1", core::LeaseNumbers{"permits", 3, ""}))) == lease);

    // Handed out offline at tA and tA + 50 ms; a ticket issued online after both.
    std::this_thread::sleep_for(50ms);
    const auto tA = nowMs();
    std::this_thread::sleep_for(150ms);
    const auto online = commandResult(machine.request(req("i-1", issue("permits"))));
    CHECK(online.ticket->number == "A004"); // after the leased block

    // Reported in the wrong order: the later one first.
    const auto second =
        commandResult(machine.request(req("t-2", leased(lease.id, "A002", tA + 50))));
    CHECK(second.ticket->number == "A002");
    CHECK(second.ticket->state == core::TicketState::Waiting);
    CHECK(second.ahead == 0); // ahead of A004, issued online after it
    const auto first = commandResult(machine.request(req("t-1", leased(lease.id, "A001", tA))));
    CHECK(first.ahead == 0);

    // The outbox replays with the original ids: same answers, no second ticket.
    CHECK(
        commandResult(machine.request(req("t-2", leased(lease.id, "A002", tA + 50)))).ticket->id ==
        second.ticket->id);
    auto replayer = daemon.connect();
    replayer.hello(credential);
    CHECK(commandResult(replayer.request(req("t-1", leased(lease.id, "A001", tA)))).ticket->id ==
          first.ticket->id);
    CHECK(daemon.status()["queues"]["services"][0]["waiting"] == 3);

    // Wrong reports change nothing.
    CHECK(errorCode(machine.request(req("t-9", leased(lease.id, "A001", tA)))) == "number_used");
    CHECK(errorCode(machine.request(req("t-10", leased(lease.id, "A004", tA)))) ==
          "number_not_leased");
    CHECK(errorCode(machine.request(req("t-11", leased(lease.id + 7, "A003", tA)))) ==
          "unknown_lease");
    auto other = daemon.terminal("machine-2", "ticket_machine");
    CHECK(errorCode(other.request(req("t-1", leased(lease.id, "A003", tA)))) == "lease_not_held");
    auto board = daemon.terminal("board-1", "call_board", {}, "north");
    CHECK(errorCode(board.request(req("l-9", core::LeaseNumbers{"permits", 3, ""}))) ==
          "forbidden");
    CHECK(daemon.status()["queues"]["services"][0]["waiting"] == 3);

    // Called in issue-time order: A001 (tA), A002 (tA + 50 ms), then A004.
    commandResult(pad.request(req("s", core::SignIn{1, "s1"})));
    std::vector<std::string> called;
    for (int i = 0; i < 3; ++i) {
        called.push_back(
            commandResult(pad.request(req("c" + std::to_string(i), core::CallNext{1, false})))
                .ticket->number);
        commandResult(pad.request(req("f" + std::to_string(i), core::Finish{1})));
    }
    CHECK(called == std::vector<std::string>{"A001", "A002", "A004"});

    // Leases and leased tickets are in the journal: after a restart the lease still holds A003,
    // the used numbers stay used and the replayed answers stay the same.
    daemon.terminate();
    daemon.start();
    auto after = daemon.connect();
    after.hello(credential);
    CHECK(commandResult(after.request(req("t-2", leased(lease.id, "A002", tA + 50)))).ticket->id ==
          second.ticket->id);
    CHECK(errorCode(after.request(req("t-12", leased(lease.id, "A002", tA)))) == "number_used");
    const auto third = commandResult(after.request(req("t-3", leased(lease.id, "A003", nowMs()))));
    CHECK(third.ticket->number == "A003");
    CHECK(leaseOf(after.request(req("l-1", core::LeaseNumbers{"permits", 3, ""}))) == lease);
    CHECK(commandResult(after.request(req("i-2", issue("permits")))).ticket->number == "A005");
}

TEST_CASE("technician_audit is written to the audit log once, even when replayed") {
    TempDir dir("daemon-technician-audit");
    DaemonProcess daemon(dir.path());
    auto machine = daemon.connect();
    const auto credential =
        machine.enroll(daemon.enrollmentCode("machine-1", "ticket_machine")).credential;
    machine.hello(credential);

    const auto at = nowMs() - 60'000; // an outbox entry from a minute ago
    const auto answer =
        machine.request(req("a-1", audit(protocol::TechnicianAction::PinRejected, "", at)));
    REQUIRE(answer.ok());
    CHECK(
        std::holds_alternative<protocol::Ack>(std::get<protocol::ResponseResult>(answer.outcome)));
    CHECK(machine.request(req("a-1", audit(protocol::TechnicianAction::PinRejected, "", at))).ok());
    auto replayer = daemon.connect();
    replayer.hello(credential);
    CHECK(
        replayer.request(req("a-1", audit(protocol::TechnicianAction::PinRejected, "", at))).ok());
    CHECK(auditRows(daemon, "technician_pin_rejected", "machine-1") == 1);

    // A new id is a new entry, from every role; the detail is kept as sent.
    CHECK(machine.request(req("a-2", audit(protocol::TechnicianAction::PinRejected, "", at))).ok());
    auto board = daemon.terminal("board-1", "call_board", {}, "north");
    CHECK(
        board
            .request(req("a-1", audit(protocol::TechnicianAction::SettingChanged, "volume 80", at)))
            .ok());
    CHECK(auditRows(daemon, "technician_pin_rejected", "machine-1") == 2);
    bool found = false;
    const auto listing = json::parse(daemon.admin().get("/api/v1/audit").body);
    for (const auto& e : listing["entries"])
        found = found || (e["actor"] == "board-1" && e["action"] == "technician_setting_changed" &&
                          e["detail"] == "volume 80");
    CHECK(found);

    // Still once after a restart.
    daemon.terminate();
    daemon.start();
    auto after = daemon.connect();
    after.hello(credential);
    CHECK(after.request(req("a-1", audit(protocol::TechnicianAction::PinRejected, "", at))).ok());
    CHECK(auditRows(daemon, "technician_pin_rejected", "machine-1") == 2);
}
