// How hallctl fails: exit 4 for credentials, 3 when callstationd cannot be reached, 2 for usage
// errors (with nothing sent) — each with one line on stderr that never shows a credential.

#include "tests/daemon/daemon_process.h"
#include "tests/hallctl/hallctl_run.h"
#include "tests/support/temp_dir.h"

#include <arpa/inet.h>
#include <chrono>
#include <fstream>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace hall::testing;
using nlohmann::json;

namespace {

// A loopback port nobody listens on: bound to find a free one, then closed again.
std::uint16_t unusedPort() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    socklen_t length = sizeof address;
    REQUIRE(getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    close(fd);
    return ntohs(address.sin_port);
}

bool oneLine(const std::string& text) {
    return text.starts_with("hallctl: ") && text.ends_with("\n") && text.find('\n') == text.size() - 1;
}

} // namespace

TEST_CASE("hallctl: a wrong or missing credential exits 4") {
    TempDir dir("hallctl-auth");
    DaemonProcess daemon(dir.path());

    auto wrong = hallctl(dir.path(), {"status"}, {{"HALLCTL_CREDENTIAL", "SeCrEt-but-wrong"}});
    CHECK_MESSAGE(wrong.exitCode == 4, describe(wrong));
    CHECK(oneLine(wrong.err));
    CHECK(wrong.err.find("(unauthenticated)") != std::string::npos);
    CHECK(wrong.err.find("SeCrEt") == std::string::npos);

    // A real credential of a device that is not an admin: 403.
    auto kiosk = daemon.connect();
    const std::string kioskCredential = kiosk.enroll(daemon.enrollmentCode("kiosk-1", "kiosk")).credential;
    std::ofstream(dir.file("kiosk.credential")) << kioskCredential;
    auto forbidden = hallctl(dir.path(), {"--credential-file", dir.file("kiosk.credential").string(), "issue", "permits"});
    CHECK_MESSAGE(forbidden.exitCode == 4, describe(forbidden));
    CHECK(forbidden.err.find("(forbidden)") != std::string::npos);
    CHECK(forbidden.err.find(kioskCredential) == std::string::npos);

    auto missing = hallctl(dir.path(), {"--credential-file", dir.file("nothing-here").string(), "status"});
    CHECK_MESSAGE(missing.exitCode == 4, describe(missing));
    CHECK(missing.err.find("nothing-here") != std::string::npos);

    // A data directory without admin.credential (not the queue host): says where it looked.
    TempDir empty("hallctl-noadmin");
    auto noDefault = hallctl(empty.path(), {"--port", std::to_string(daemon.port()), "status"});
    CHECK_MESSAGE(noDefault.exitCode == 4, describe(noDefault));
    CHECK(oneLine(noDefault.err));
    CHECK(noDefault.err.find("admin.credential not readable") != std::string::npos);
    CHECK(noDefault.err.find("--credential-file") != std::string::npos);
    CHECK(daemon.status()["queues"]["services"][0]["waiting"] == 0); // the kiosk's attempt did nothing
}

TEST_CASE("hallctl: callstationd not reachable exits 3") {
    TempDir dir("hallctl-down");
    DaemonProcess daemon(dir.path());
    const auto port = unusedPort();

    auto down = hallctl(dir.path(), {"--port", std::to_string(port), "status"});
    CHECK_MESSAGE(down.exitCode == 3, describe(down));
    CHECK(oneLine(down.err));
    CHECK(down.err.starts_with("hallctl: cannot reach callstationd at localhost:" + std::to_string(port) + ": "));
    CHECK(down.out.empty());

    // Stopped, with the defaults: whatever port hallctl then tries (the stale port file's, or
    // 7443 where another hall's daemon with another CA may listen), it cannot get an answer.
    daemon.terminate();
    auto stopped = hallctl(dir.path(), {"health"});
    CHECK_MESSAGE(stopped.exitCode == 3, describe(stopped));
    CHECK(oneLine(stopped.err));

    // No CA certificate to check the server with: nothing is sent, also exit 3.
    auto noCa = hallctl(dir.path(), {"--ca", dir.file("missing.crt").string(), "health"});
    CHECK_MESSAGE(noCa.exitCode == 3, describe(noCa));
    CHECK(noCa.err.find("missing.crt") != std::string::npos);
}

TEST_CASE("hallctl: a server that never answers times out with exit 3") {
    TempDir dir("hallctl-timeout");
    DaemonProcess daemon(dir.path()); // for its CA only
    // Listening but never accepting: the kernel completes the TCP handshake, TLS then hangs.
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(fd >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(listen(fd, 4) == 0);
    REQUIRE(getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);

    const auto started = std::chrono::steady_clock::now();
    auto silent = hallctl(dir.path(), {"--host", "127.0.0.1", "--port", std::to_string(ntohs(address.sin_port)),
                                       "--timeout", "0.5", "status"});
    const auto took = std::chrono::steady_clock::now() - started;
    close(fd);
    CHECK_MESSAGE(silent.exitCode == 3, describe(silent));
    CHECK(silent.err.starts_with("hallctl: no answer from callstationd at 127.0.0.1:"));
    CHECK(took < std::chrono::seconds(5));
}

TEST_CASE("hallctl: usage errors exit 2 and send nothing") {
    TempDir dir("hallctl-usage");
    DaemonProcess daemon(dir.path());
    const std::vector<std::vector<std::string>> mistakes{
        {},                                              // no command
        {"fly"},                                         // no such command
        {"call-next"},                                   // WINDOW missing
        {"call-next", "three"},                          // not a number
        {"call-next", "0"},                              // out of range
        {"call", "A001"},                                // --window missing
        {"issue", "permits", "--request-id", "two words"}, // not a valid key
        {"issue", "permits", "--priority", "vip"},
        {"transfer", "1"},                               // neither service nor window
        {"enroll", "pad-9", "toaster"},                  // no such role
        {"enroll", "pad/9", "kiosk"},                    // name outside [A-Za-z0-9_-]
        {"report", "--from", "yesterday"},
        {"audit", "--limit", "0"},
        {"status", "--timeout", "-1"},
        {"status", "--no-such-option"},
    };
    for (const auto& args : mistakes) {
        auto r = hallctl(dir.path(), args);
        std::string line;
        for (const auto& a : args) line += a + " ";
        CHECK_MESSAGE(r.exitCode == 2, line << "\n" << describe(r));
        CHECK_MESSAGE(oneLine(r.err), line << "\n" << describe(r));
        CHECK(r.out.empty());
    }
    CHECK(daemon.status()["queues"]["services"][0]["waiting"] == 0);

    auto help = hallctl(dir.path(), {"--help"});
    CHECK(help.exitCode == 0);
    CHECK(help.out.find("call-next") != std::string::npos);
    CHECK(help.out.find("Exit codes") != std::string::npos);
}
