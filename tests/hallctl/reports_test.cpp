// report (table, JSON, CSV), notices set/clear, audit and health.

#include "tests/daemon/daemon_process.h"
#include "tests/hallctl/hallctl_run.h"
#include "tests/support/temp_dir.h"

#include <chrono>
#include <thread>

using namespace hall::testing;
using nlohmann::json;

TEST_CASE("hallctl report: the day's figures as a table, JSON and CSV") {
    TempDir dir("hallctl-report");
    DaemonProcess daemon(dir.path());
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"sign-in", "1", "s1"}, {"issue", "permits"}, {"issue", "permits"}, {"call-next", "1"}, {"finish", "1"}})
        REQUIRE(hallctl(dir.path(), args).exitCode == 0);

    auto csv = hallctl(dir.path(), {"report", "--csv"});
    REQUIRE_MESSAGE(csv.exitCode == 0, describe(csv));
    CHECK(csv.out.starts_with("key,issued,served,no_show,transferred,cancelled,"));
    CHECK(csv.out.find("\npermits,2,1,0,0,0,") != std::string::npos);

    const json report = jsonOf(hallctl(dir.path(), {"report", "--by", "window", "--json"}));
    CHECK(report["by"] == "window");
    REQUIRE(report["rows"].size() == 1);
    CHECK(report["rows"][0]["key"] == "1");
    CHECK(report["rows"][0]["served"] == 1);

    auto table = hallctl(dir.path(), {"report"});
    REQUIRE_MESSAGE(table.exitCode == 0, describe(table));
    CHECK(table.out.starts_with("Report "));
    CHECK(table.out.find("by service (1 day(s) with data)") != std::string::npos);
    CHECK(table.out.find("\npermits       2       1") != std::string::npos);

    // A date of the right shape that does not exist: the server refuses it (400 → exit 1).
    auto badDate = hallctl(dir.path(), {"report", "--from", "2026-13-01"});
    CHECK_MESSAGE(badDate.exitCode == 1, describe(badDate));
    CHECK(badDate.err.find("(bad_request)") != std::string::npos);
}

TEST_CASE("hallctl notices: set, replace and clear round trip") {
    TempDir dir("hallctl-notices");
    DaemonProcess daemon(dir.path());

    auto none = hallctl(dir.path(), {"notices"});
    CHECK_MESSAGE(none.out == "No notices.\n", describe(none));

    auto set = hallctl(dir.path(), {"notices", "set", "lunch", "Windows 1–3 close 12:00–13:00"});
    REQUIRE_MESSAGE(set.exitCode == 0, describe(set));
    CHECK(set.out == "Notice lunch added; 1 notice(s) now shown.\n");
    REQUIRE(hallctl(dir.path(), {"notices", "set", "parking", "The car park is full"}).exitCode == 0);
    CHECK(hallctl(dir.path(), {"notices", "set", "lunch", "No lunch break today"}).out ==
          "Notice lunch replaced; 2 notice(s) now shown.\n");

    const json listed = jsonOf(hallctl(dir.path(), {"notices", "--json"}));
    CHECK(listed == json::parse(R"({"notices":[{"id":"lunch","text":"No lunch break today"},
                                               {"id":"parking","text":"The car park is full"}]})"));
    CHECK(daemon.status()["notices"] == listed["notices"]); // what every terminal shows
    CHECK(hallctl(dir.path(), {"notices"}).out.find("parking  The car park is full") != std::string::npos);

    const json cleared = jsonOf(hallctl(dir.path(), {"notices", "clear", "lunch", "--json"}));
    CHECK(cleared == json::parse(R"({"notices":[{"id":"parking","text":"The car park is full"}]})"));
    auto missing = hallctl(dir.path(), {"notices", "clear", "lunch"});
    CHECK_MESSAGE(missing.exitCode == 1, describe(missing));
    CHECK(missing.err.find("lunch") != std::string::npos);
    REQUIRE(hallctl(dir.path(), {"notices", "clear", "parking"}).exitCode == 0);
    CHECK(daemon.status()["notices"].empty());

    const json audit = jsonOf(hallctl(dir.path(), {"audit", "--limit", "2", "--json"}));
    REQUIRE(audit["entries"].size() == 2);
    CHECK(audit["entries"][0]["action"] == "notices");
    CHECK(audit["entries"][0]["detail"] == "0 notice(s)");
}

TEST_CASE("hallctl health needs no credential") {
    TempDir dir("hallctl-health");
    DaemonProcess daemon(dir.path());
    auto health = hallctl(dir.path(), {"--credential-file", dir.file("none").string(), "health"});
    REQUIRE_MESSAGE(health.exitCode == 0, describe(health));
    CHECK(health.out.starts_with("callstationd at localhost:" + std::to_string(daemon.port()) + ": ok — "));
    CHECK(health.out.find("not shown without the admin credential") != std::string::npos);
    CHECK(jsonOf(hallctl(dir.path(), {"health", "--json"}))["status"] == "ok");
}

TEST_CASE("hallctl health names the terminal whose printer is out of paper, then all clear") {
    TempDir dir("hallctl-health-devices");
    DaemonProcess daemon(dir.path());
    CHECK(hallctl(dir.path(), {"health"}).out.find("no device needs attention") != std::string::npos);

    auto machine = daemon.terminal("ticket-1", "ticket_machine");
    hall::protocol::Heartbeat beat;
    beat.faults = {hall::protocol::DeviceFault::PaperOut};
    REQUIRE(machine.request(beat).ok());
    const auto out = hallctl(dir.path(), {"health"});
    REQUIRE_MESSAGE(out.exitCode == 0, describe(out));
    CHECK(out.out.find("ticket-1 (ticket_machine): paper_out\n") != std::string::npos);
    CHECK(jsonOf(hallctl(dir.path(), {"health", "--json"}))["devices"]["terminals"][0]["faults"][0] ==
          "paper_out");

    REQUIRE(machine.request(hall::protocol::Heartbeat{}).ok()); // refilled
    CHECK(hallctl(dir.path(), {"health"}).out.find("no device needs attention") != std::string::npos);
}

TEST_CASE("hallctl health names an LED line whose adapter is missing") {
    TempDir dir("hallctl-health-bus");
    DaemonProcess daemon(dir.path(), "[[led_lines]]\nport = \"/dev/ttyHALLNONE\"\n"
                                     "strips = [{ window = 1, unit = 1 }]\n");
    std::string out;
    for (int i = 0; i < 100 && out.find("not answering") == std::string::npos; ++i) {
        out = hallctl(dir.path(), {"health"}).out;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    CHECK_MESSAGE(out.find("LED strip line /dev/ttyHALLNONE: not answering since ") != std::string::npos, out);
}
