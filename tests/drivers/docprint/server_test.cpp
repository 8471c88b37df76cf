// Where the driver looks for cupsd when the configuration does not say: libcups' own rules,
// starting with CUPS_SERVER. libcups reads the variable once per thread, so each case asks from
// a fresh thread.

#include "drivers/docprint/cups_connection.h"

#include <cstdlib>
#include <doctest/doctest.h>
#include <thread>

using hall::drivers::docprint::CupsServer;

namespace {

CupsServer fromEnvironmentIn(const char* value) {
    CupsServer server;
    std::thread([&] {
        setenv("CUPS_SERVER", value, 1);
        server = CupsServer::fromEnvironment();
    }).join();
    unsetenv("CUPS_SERVER");
    return server;
}

} // namespace

TEST_CASE("CUPS_SERVER names a socket path or a host with a port") {
    const CupsServer socket = fromEnvironmentIn("/tmp/hall-test/cups.sock");
    CHECK(socket.host == "/tmp/hall-test/cups.sock");
    CHECK(socket.describe() == "/tmp/hall-test/cups.sock");

    const CupsServer host = fromEnvironmentIn("printhost:8631");
    CHECK(host.host == "printhost");
    CHECK(host.port == 8631);
    CHECK(host.describe() == "printhost:8631");
}
