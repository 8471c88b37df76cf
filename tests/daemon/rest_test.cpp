// The REST API: authentication, operations with Idempotency-Key, reports, metrics, audit log,
// and SIGHUP reloads.

#include "tests/daemon/daemon_process.h"
#include "tests/support/temp_dir.h"
#include "tests/daemon/test_requests.h"

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <thread>

using namespace hall;
using namespace hall::testing;
using namespace std::chrono_literals;
using nlohmann::json;

TEST_CASE("REST: only admins; operations are idempotent; reports, metrics and audit agree") {
    TempDir dir("daemon-rest");
    DaemonProcess daemon(dir.path());
    auto api = daemon.admin();

    CHECK(netclient::RestClient("localhost", daemon.port(), daemon.caPem()).get("/healthz").status == 200);
    CHECK(netclient::RestClient("localhost", daemon.port(), daemon.caPem()).get("/api/v1/status").status == 401);
    CHECK(netclient::RestClient("localhost", daemon.port(), daemon.caPem(), "wrong").get("/api/v1/status").status == 401);
    auto kiosk = daemon.connect();
    auto kioskCredential = kiosk.enroll(daemon.enrollmentCode("kiosk-1", "kiosk")).credential;
    CHECK(netclient::RestClient("localhost", daemon.port(), daemon.caPem(), kioskCredential)
              .get("/api/v1/status").status == 403);
    CHECK(api.get("/api/v1/nothing-here").status == 404);
    // The hall's clock is the system clock here (no --demo-clock).
    const auto systemMs = std::chrono::duration_cast<std::chrono::milliseconds>(
                              std::chrono::system_clock::now().time_since_epoch())
                              .count();
    CHECK(std::abs(daemon.status()["now_ms"].get<std::int64_t>() - systemMs) < 5000);

    auto issued = api.post("/api/v1/operations/issue_ticket", R"({"service":"permits"})");
    REQUIRE(issued.status == 200);
    CHECK(json::parse(issued.body)["ticket"]["number"] == "A001");
    CHECK(json::parse(issued.body)["ahead"] == 0);
    CHECK(api.post("/api/v1/operations/issue_ticket", R"({"service":"nope"})").status == 404);
    CHECK(api.post("/api/v1/operations/issue_ticket", R"({"service":"permits","x":1})").status == 400);
    CHECK(api.post("/api/v1/operations/issue_ticket", R"({"id":"sneaky","service":"permits"})").status == 400);
    CHECK(api.post("/api/v1/operations/rate", R"({"ticket":1,"level":"satisfied"})").status == 403);
    CHECK(api.post("/api/v1/operations/hello", R"({})").status == 404);

    CHECK(api.post("/api/v1/operations/sign_in", R"({"window":1,"staff":"s1"})").status == 200);
    CHECK(api.post("/api/v1/operations/call_next", R"({"window":1})").status == 200);
    CHECK(api.post("/api/v1/operations/call_next", R"({"window":1})").status == 409); // window busy
    CHECK(api.post("/api/v1/operations/finish", R"({"window":1})").status == 200);

    auto report = api.get("/api/v1/reports?by=service");
    REQUIRE(report.status == 200);
    auto rows = json::parse(report.body)["rows"];
    REQUIRE(rows.size() == 1);
    CHECK(rows[0]["key"] == "permits");
    CHECK(rows[0]["issued"] == 1);
    CHECK(rows[0]["served"] == 1);
    auto csv = api.get("/api/v1/reports?by=window&format=csv");
    CHECK(csv.contentType.starts_with("text/csv"));
    CHECK(csv.body.starts_with("key,issued,served,"));
    CHECK(csv.body.find("\n1,") != std::string::npos); // window 1 served the ticket
    CHECK(api.get("/api/v1/reports?from=2026-13-01").status == 400);

    auto metrics = api.get("/metrics");
    CHECK(metrics.contentType.starts_with("text/plain"));
    CHECK(metrics.body.find("hall_waiting_tickets{service=\"permits\"} 0") != std::string::npos);
    CHECK(metrics.body.find("hall_refusals_total") != std::string::npos);

    auto audit = json::parse(api.get("/api/v1/audit").body)["entries"];
    REQUIRE(audit.size() >= 4);
    CHECK(audit[0]["action"] == "finish");
    CHECK(audit[0]["actor"] == "hallctl-local");

    auto devices = json::parse(api.get("/api/v1/devices").body)["devices"];
    bool listed = false;
    for (const auto& d : devices) listed = listed || d["name"] == "kiosk-1";
    CHECK(listed);
}

TEST_CASE("SIGHUP: a bad configuration changes nothing; a good one is applied") {
    TempDir dir("daemon-reload");
    DaemonProcess daemon(dir.path());
    const auto original = [&] {
        std::ifstream in(daemon.configFile());
        return std::string(std::istreambuf_iterator<char>(in), {});
    }();
    std::ofstream(daemon.configFile()) << "name = 42\n";
    daemon.signal(SIGHUP);
    std::this_thread::sleep_for(300ms);
    CHECK(daemon.running());
    CHECK(daemon.status()["hall"] == "Test hall");

    std::string renamed = original;
    const std::string before = "name = \"Test hall\"";
    renamed.replace(renamed.find(before), before.size(), "name = \"Renamed hall\"");
    std::ofstream(daemon.configFile()) << renamed;
    daemon.signal(SIGHUP);
    bool applied = false;
    for (int i = 0; i < 50 && !applied; ++i) {
        std::this_thread::sleep_for(100ms);
        applied = daemon.status()["hall"] == "Renamed hall";
    }
    CHECK(applied);
    CHECK(daemon.terminate() == 0);
}
