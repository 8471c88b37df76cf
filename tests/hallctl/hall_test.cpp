// status and config against the test hall (tests/daemon/test-hall.toml: services permits "A" and
// taxes "B"; windows 1 and 2 in zone north, 3 in south; staff s1–s3), and where hallctl's
// defaults come from.

#include "tests/daemon/daemon_process.h"
#include "tests/hallctl/hallctl_run.h"
#include "tests/support/temp_dir.h"

#include <fstream>

using namespace hall::testing;
using nlohmann::json;

TEST_CASE("hallctl status shows the configured services and windows") {
    TempDir dir("hallctl-status");
    DaemonProcess daemon(dir.path());

    auto human = hallctl(dir.path(), {"status"});
    REQUIRE_MESSAGE(human.exitCode == 0, describe(human));
    CHECK(human.err.empty());
    CHECK(human.out.find("Test hall") != std::string::npos);
    CHECK(human.out.find("permits  A") != std::string::npos);
    CHECK(human.out.find("taxes    B") != std::string::npos);
    CHECK(human.out.find("\n1       一号窗口  north  closed") != std::string::npos);
    CHECK(human.out.find("\n3       三号窗口  south  closed") != std::string::npos);

    const json status = jsonOf(hallctl(dir.path(), {"status", "--json"}));
    REQUIRE(status.at("queues").at("services").size() == 2);
    CHECK(status["queues"]["services"][0]["service"] == "permits");
    CHECK(status["queues"]["services"][1]["service"] == "taxes");
    REQUIRE(status.at("windows").size() == 3);
    for (int i = 0; i < 3; ++i) CHECK(status["windows"][static_cast<std::size_t>(i)]["number"] == i + 1);
    // --json is the server's answer unchanged (connection counts aside, which include hallctl's).
    const json direct = daemon.status();
    CHECK(status["queues"] == direct["queues"]);
    CHECK(status["windows"] == direct["windows"]);

    const json config = jsonOf(hallctl(dir.path(), {"--json", "config"})); // global option first
    CHECK(config["services"][0]["prefix"] == "A");
    CHECK(config["services"][1]["prefix"] == "B");
    CHECK(config["windows"][2]["zone"] == "south");
    REQUIRE(config["staff"].size() == 3);
    CHECK(config["staff"][2]["id"] == "s3");

    auto configText = hallctl(dir.path(), {"config"});
    REQUIRE_MESSAGE(configText.exitCode == 0, describe(configText));
    CHECK(configText.out.find("证照办理") != std::string::npos);
    CHECK(configText.out.find("permits, taxes") != std::string::npos); // window 2 serves both
}

TEST_CASE("hallctl finds the daemon through its data directory's defaults") {
    TempDir dir("hallctl-defaults");
    DaemonProcess daemon(dir.path());

    // No option at all: $STATE_DIRECTORY names the data directory as it does for callstationd.
    const json status = jsonOf(hallctlRaw({"status", "--json"}, {{"STATE_DIRECTORY", dir.path().string()}}));
    CHECK(status["hall"] == "Test hall");
    // …and $XDG_STATE_HOME/callstationd when that is unset.
    TempDir xdg("hallctl-xdg");
    std::filesystem::create_directory_symlink(dir.path(), xdg.file("callstationd"));
    CHECK(jsonOf(hallctlRaw({"health", "--json"}, {{"XDG_STATE_HOME", xdg.path().string()}}))["status"] == "ok");

    // Elsewhere, with the CA, the port and the credential given explicitly (the credential by
    // $HALLCTL_CREDENTIAL): nothing is read from the (empty) data directory.
    TempDir elsewhere("hallctl-elsewhere");
    auto explicitSettings = hallctl(elsewhere.path(),
                                    {"--host", "127.0.0.1", "--port", std::to_string(daemon.port()), "--ca",
                                     (dir.path() / "pki/ca.crt").string(), "status", "--json"},
                                    {{"HALLCTL_CREDENTIAL", daemon.adminCredential()}});
    CHECK(jsonOf(explicitSettings)["windows"].size() == 3);

    // --credential-file wins over $HALLCTL_CREDENTIAL.
    std::ofstream(elsewhere.file("admin.txt")) << daemon.adminCredential() << "\n";
    auto fromFile = hallctl(dir.path(), {"--credential-file", elsewhere.file("admin.txt").string(), "status"},
                            {{"HALLCTL_CREDENTIAL", "not-the-credential"}});
    CHECK_MESSAGE(fromFile.exitCode == 0, describe(fromFile));
}
