// enroll → a terminal enrolls with the printed code → devices lists it → revoke shuts it out.

#include "tests/daemon/daemon_process.h"
#include "tests/hallctl/hallctl_run.h"
#include "callstation/netclient/errors.h"
#include "tests/support/temp_dir.h"

#include <regex>

using namespace hall;
using namespace hall::testing;
using nlohmann::json;

namespace {

json deviceNamed(const json& devices, const std::string& name) {
    for (const auto& d : devices.at("devices"))
        if (d.at("name") == name) return d;
    return {};
}

} // namespace

TEST_CASE("hallctl: enroll prints a working code; devices lists the device; revoke shuts it out") {
    TempDir dir("hallctl-devices");
    DaemonProcess daemon(dir.path());

    auto enrolled = hallctl(dir.path(), {"enroll", "pad-3", "window_pad", "--window", "3", "--valid-hours", "2"});
    REQUIRE_MESSAGE(enrolled.exitCode == 0, describe(enrolled));
    CHECK(enrolled.out.starts_with("Enrollment code for pad-3 (window_pad, window 3):\n"));
    std::smatch match;
    const std::regex codeLine("\n    ([0-9]{10})\n");
    REQUIRE_MESSAGE(std::regex_search(enrolled.out, match, codeLine), enrolled.out);
    const std::string code = match[1];

    auto terminal = daemon.connect();
    const auto result = terminal.enroll(code);
    CHECK(result.identity.device == "pad-3");
    CHECK(result.identity.window == 3);
    terminal.hello(result.credential);

    const json pad = deviceNamed(jsonOf(hallctl(dir.path(), {"devices", "--json"})), "pad-3");
    REQUIRE_FALSE(pad.is_null());
    CHECK(pad["role"] == "window_pad");
    CHECK(pad["window"] == 3);
    CHECK(pad["online"] == true);
    auto table = hallctl(dir.path(), {"devices"});
    REQUIRE_MESSAGE(table.exitCode == 0, describe(table));
    CHECK(table.out.starts_with("NAME "));
    CHECK(table.out.find("pad-3          window_pad  window 3  yes") != std::string::npos);
    // The code is shown by enroll alone: not by devices, not in the audit log.
    CHECK(table.out.find(code) == std::string::npos);
    auto audit = hallctl(dir.path(), {"audit"});
    CHECK(audit.out.find("pad-3 as window_pad") != std::string::npos);
    CHECK(audit.out.find(code) == std::string::npos);

    auto revoked = hallctl(dir.path(), {"revoke", "pad-3"});
    REQUIRE_MESSAGE(revoked.exitCode == 0, describe(revoked));
    CHECK(revoked.out.starts_with("pad-3 revoked"));
    CHECK(deviceNamed(jsonOf(hallctl(dir.path(), {"devices", "--json"})), "pad-3").contains("revoked_at"));
    CHECK(hallctl(dir.path(), {"devices"}).out.find("revoked") != std::string::npos);
    CHECK_THROWS_AS(daemon.connect().hello(result.credential), netclient::RequestRefused);

    auto again = hallctl(dir.path(), {"revoke", "pad-3"});
    CHECK_MESSAGE(again.exitCode == 1, describe(again));
    CHECK(again.err.find("(not_found)") != std::string::npos);
}

TEST_CASE("hallctl: enroll --json for scripts; bindings the hall does not have are refused") {
    TempDir dir("hallctl-enroll");
    DaemonProcess daemon(dir.path());

    const json board = jsonOf(hallctl(dir.path(), {"enroll", "board-s", "call_board", "--zone", "south", "--json"}));
    CHECK(board["zone"] == "south");
    CHECK(board["code"].get<std::string>().size() == 10);
    auto terminal = daemon.connect();
    CHECK(terminal.enroll(board["code"].get<std::string>()).identity.zone == "south");

    auto noWindow = hallctl(dir.path(), {"enroll", "pad-9", "window_pad", "--window", "9"});
    CHECK_MESSAGE(noWindow.exitCode == 1, describe(noWindow));
    CHECK(noWindow.err.find("window 9") != std::string::npos);
    CHECK(noWindow.out.empty());
}

TEST_CASE("hallctl: redeem gives another machine an admin credential of its own") {
    TempDir dir("hallctl-redeem");
    DaemonProcess daemon(dir.path());
    const auto credentialFile = dir.path() / "remote-admin.credential";
    const auto caFile = dir.path() / "pki" / "ca.crt";
    // The remote machine has a copy of the CA and nothing else of the data directory.
    const std::vector<std::string> remote{"--host", "localhost", "--port",
                                          std::to_string(daemon.port()), "--ca", caFile.string()};
    const auto run = [&](std::vector<std::string> args) {
        std::vector<std::string> all = remote;
        all.insert(all.end(), args.begin(), args.end());
        return hallctlRaw(all);
    };

    const std::string code = daemon.enrollmentCode("desk-laptop", "admin");
    auto redeemed = run({"redeem", code, credentialFile.string()});
    REQUIRE_MESSAGE(redeemed.exitCode == 0, describe(redeemed));
    CHECK(redeemed.out.starts_with("Enrolled as desk-laptop (admin)"));
    CHECK((std::filesystem::status(credentialFile).permissions() & std::filesystem::perms::all) ==
          (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));

    auto status = run({"--credential-file", credentialFile.string(), "status", "--json"});
    CHECK(jsonOf(status)["hall"] == "Test hall");

    // A used code, or a file that exists, change nothing.
    auto again = run({"redeem", code, (dir.path() / "second").string()});
    CHECK_MESSAGE(again.exitCode == 1, describe(again));
    CHECK(again.err.find("the code was refused") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir.path() / "second"));
    const std::string other = daemon.enrollmentCode("desk-2", "admin");
    auto existing = run({"redeem", other, credentialFile.string()});
    CHECK_MESSAGE(existing.exitCode == 2, describe(existing));
    // The code was not used up: it still works.
    CHECK(run({"redeem", other, (dir.path() / "third").string()}).exitCode == 0);
}
