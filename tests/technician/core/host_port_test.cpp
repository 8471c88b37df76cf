#include "shared/technician/host_port.h"

#include <doctest/doctest.h>

using namespace hall::technician;

TEST_CASE("controller and printer addresses parse") {
    auto a = std::get<HostPort>(parseHostPort("callstation.hall.local:8443"));
    CHECK(a.host == "callstation.hall.local");
    CHECK(a.port == 8443);
    a = std::get<HostPort>(parseHostPort("192.168.1.50:9100"));
    CHECK(a.host == "192.168.1.50");
    a = std::get<HostPort>(parseHostPort("[fd00::1]:443"));
    CHECK(a.host == "fd00::1");
    CHECK(a.port == 443);
}

TEST_CASE("bad addresses are refused with a reason") {
    for (const char* bad : {"", "callstation", "host:", "host:0", "host:65536", "host:80x",
                            "-bad-.local:80", "bad_name:80", "300.1.1.1:80", "fd00::1:443",
                            "[fd00::zz]:443", "[fd00::1]443", "a..b:80"}) {
        CAPTURE(bad);
        const auto r = parseHostPort(bad);
        REQUIRE(std::holds_alternative<std::string>(r));
        CHECK_FALSE(std::get<std::string>(r).empty());
    }
}
