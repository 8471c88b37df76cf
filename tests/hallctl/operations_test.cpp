// Operations through hallctl: a ticket's whole visit, the other window operations, idempotent
// retries with --request-id, and refusals.

#include "tests/daemon/daemon_process.h"
#include "tests/hallctl/hallctl_run.h"
#include "tests/support/temp_dir.h"

using namespace hall::testing;
using nlohmann::json;

namespace {

json windowOf(const json& status, int number) {
    for (const auto& w : status.at("windows"))
        if (w.at("number") == number) return w;
    FAIL("no window " << number);
    return {};
}

int waiting(const json& status, const std::string& service) {
    for (const auto& q : status.at("queues").at("services"))
        if (q.at("service") == service) return q.at("waiting").get<int>();
    FAIL("no queue " << service);
    return -1;
}

} // namespace

TEST_CASE("hallctl: issue, call-next, start and finish") {
    TempDir dir("hallctl-flow");
    DaemonProcess daemon(dir.path());
    auto run = [&](const std::vector<std::string>& args) { return hallctl(dir.path(), args); };

    auto signIn = run({"sign-in", "1", "s1"});
    REQUIRE_MESSAGE(signIn.exitCode == 0, describe(signIn));
    CHECK(signIn.out == "s1 signed in at window 1\n");

    const json issued = jsonOf(run({"issue", "permits", "--json"}));
    CHECK(issued["ticket"]["number"] == "A001");
    CHECK(issued["ticket"]["state"] == "waiting");
    CHECK(issued["ahead"] == 0);

    auto human = run({"issue", "permits"});
    REQUIRE_MESSAGE(human.exitCode == 0, describe(human));
    CHECK(human.out.starts_with("A002  permits  (ticket id "));
    CHECK(human.out.find("people ahead:    1\n") != std::string::npos);
    CHECK(human.out.find("estimated wait:  ") != std::string::npos);

    auto call = run({"call-next", "1"});
    REQUIRE_MESSAGE(call.exitCode == 0, describe(call));
    CHECK(call.out == "A001 → window 1\n");
    json window = windowOf(daemon.status(), 1);
    CHECK(window["current"]["number"] == "A001");
    CHECK(window["current"]["state"] == "called");

    auto start = run({"start", "1"});
    CHECK_MESSAGE(start.out == "A001 serving at window 1\n", describe(start));
    const json finished = jsonOf(run({"finish", "1", "--json"}));
    CHECK(finished["ticket"]["number"] == "A001");
    CHECK(finished["ticket"]["state"] == "done");
    CHECK_FALSE(windowOf(daemon.status(), 1).contains("current"));
}

TEST_CASE("hallctl: call by number, recall, no-show, transfer, undo, pause, cancel, sign-out") {
    TempDir dir("hallctl-ops");
    DaemonProcess daemon(dir.path());
    auto run = [&](const std::vector<std::string>& args) { return hallctl(dir.path(), args); };
    auto ok = [&](const std::vector<std::string>& args) {
        auto r = run(args);
        CHECK_MESSAGE(r.exitCode == 0, describe(r));
        return r;
    };

    ok({"sign-in", "1", "s1"});
    ok({"sign-in", "2", "s2"});
    ok({"issue", "permits"}); // A001
    ok({"issue", "permits"}); // A002
    ok({"issue", "permits"}); // A003

    CHECK(ok({"call", "A002", "--window", "1"}).out == "A002 → window 1\n");
    CHECK(ok({"recall", "1", "--silent"}).out == "A002 → window 1 (recalled) (silent)\n");
    // The test hall requeues a no-show (the engine's default policy): waiting again, window free.
    CHECK(ok({"no-show", "1"}).out == "A002 did not come to window 1: it queues again after the hall's delay\n");
    CHECK_FALSE(windowOf(daemon.status(), 1).contains("current"));

    CHECK(ok({"call-next", "1"}).out == "A001 → window 1\n");
    const json moved = jsonOf(run({"transfer", "1", "taxes", "--json"}));
    CHECK(moved["ticket"]["number"] == "A001");
    CHECK(moved["ticket"]["service"] == "taxes");
    CHECK(moved["ticket"]["state"] == "waiting");
    CHECK(waiting(daemon.status(), "taxes") == 1);

    CHECK(ok({"call-next", "2"}).out.ends_with("→ window 2\n"));
    const json undone = jsonOf(run({"undo", "2", "--json"}));
    CHECK(undone["ticket"]["state"] == "waiting");
    CHECK_FALSE(windowOf(daemon.status(), 2).contains("current"));

    CHECK(ok({"pause", "2", "--reason", "lunch"}).out == "window 2 paused\n");
    CHECK(windowOf(daemon.status(), 2)["pause_reason"] == "lunch");
    CHECK(ok({"status"}).out.find("paused: lunch") != std::string::npos);
    auto paused = run({"call-next", "2"});
    CHECK_MESSAGE(paused.exitCode == 1, describe(paused));
    CHECK(paused.err.find("(window_paused)") != std::string::npos);
    CHECK(ok({"resume", "2"}).out == "window 2 resumed\n");

    const json issued = jsonOf(run({"issue", "taxes", "--json"}));
    const auto id = issued["ticket"]["id"].get<std::uint64_t>();
    auto cancelled = ok({"cancel", std::to_string(id), "--reason", "staff"});
    CHECK(cancelled.out == issued["ticket"]["number"].get<std::string>() + " cancelled\n");

    CHECK(ok({"sign-out", "2"}).out == "window 2 signed out\n");
    CHECK(windowOf(daemon.status(), 2)["staff"] == "");
}

TEST_CASE("hallctl: park, call back, and a transfer that comes back with its note") {
    TempDir dir("hallctl-visit");
    DaemonProcess daemon(dir.path());
    auto run = [&](const std::vector<std::string>& args) { return hallctl(dir.path(), args); };
    auto ok = [&](const std::vector<std::string>& args) {
        auto r = run(args);
        CHECK_MESSAGE(r.exitCode == 0, describe(r));
        return r;
    };
    ok({"sign-in", "1", "s1"});
    ok({"sign-in", "3", "s2"});
    ok({"issue", "permits"}); // A001
    ok({"call-next", "1"});
    CHECK(ok({"park", "1", "--minutes", "10"}).out.starts_with("A001 parked: window 1"));
    CHECK_FALSE(windowOf(daemon.status(), 1).contains("current"));
    auto early = run({"call-next", "1"}); // its time is not up
    CHECK(early.err.find("(nothing_to_call)") != std::string::npos);
    CHECK(ok({"call", "A001", "--window", "1", "--reason", "回来了"}).out == "A001 → window 1\n");

    auto sent = ok({"transfer", "1", "taxes", "--to-window", "3", "--note", "核对完税证明",
                    "--return-here"});
    CHECK(sent.out.find("comes back to window 1") != std::string::npos);
    CHECK(ok({"call-next", "3"}).out == "A001 → window 3\n");
    const json back = jsonOf(run({"finish", "3", "--note", "已核对", "--json"}));
    CHECK(back["ticket"]["state"] == "waiting"); // on its way back to window 1
    CHECK(back["ticket"]["service"] == "permits");
    CHECK(ok({"call-next", "1"}).out == "A001 → window 1\n");
    CHECK(jsonOf(run({"finish", "1", "--json"}))["ticket"]["state"] == "done");
    CHECK(run({"park", "1", "--minutes", "0"}).exitCode != 0); // out of range: refused locally
}

TEST_CASE("hallctl: the same --request-id gives the first answer and does nothing twice") {
    TempDir dir("hallctl-idempotent");
    DaemonProcess daemon(dir.path());

    const std::vector<std::string> retried{"issue", "permits", "--request-id", "script-run-7", "--json"};
    const json first = jsonOf(hallctl(dir.path(), retried));
    const json again = jsonOf(hallctl(dir.path(), retried));
    CHECK(first == again);
    CHECK(first["ticket"]["number"] == "A001");
    CHECK(waiting(daemon.status(), "permits") == 1);
    // The human form of the same retry names the same ticket.
    auto human = hallctl(dir.path(), {"issue", "permits", "--request-id", "script-run-7"});
    CHECK_MESSAGE(human.out.starts_with("A001  permits"), describe(human));
    CHECK(waiting(daemon.status(), "permits") == 1);

    // Without --request-id every invocation is a new operation.
    CHECK(jsonOf(hallctl(dir.path(), {"issue", "permits", "--json"}))["ticket"]["number"] == "A002");
    CHECK(jsonOf(hallctl(dir.path(), {"issue", "permits", "--json"}))["ticket"]["number"] == "A003");
    CHECK(waiting(daemon.status(), "permits") == 3);
}

TEST_CASE("hallctl: a refused operation exits 1 with the server's code on stderr") {
    TempDir dir("hallctl-refused");
    DaemonProcess daemon(dir.path());
    REQUIRE(hallctl(dir.path(), {"sign-in", "1", "s1"}).exitCode == 0);

    auto empty = hallctl(dir.path(), {"call-next", "1"});
    CHECK_MESSAGE(empty.exitCode == 1, describe(empty));
    CHECK(empty.out.empty());
    CHECK(empty.err.starts_with("hallctl: "));
    CHECK(empty.err.find("(nothing_to_call)\n") != std::string::npos);

    auto unknown = hallctl(dir.path(), {"issue", "passports", "--json"});
    CHECK_MESSAGE(unknown.exitCode == 1, describe(unknown));
    CHECK(unknown.out.empty()); // --json prints nothing on stdout for a refusal
    CHECK(unknown.err.find("(unknown_service)") != std::string::npos);

    auto staff = hallctl(dir.path(), {"sign-in", "2", "nobody"});
    CHECK(staff.exitCode == 1);
    CHECK(staff.err.find("(unknown_staff)") != std::string::npos);
    CHECK(waiting(daemon.status(), "permits") == 0);
}
