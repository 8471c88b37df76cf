// LightLedStrip through the real LED strip bus driver: the bus twin on a pty and on TCP, with
// strips at some addresses, one missing and one whose font has no hanzi.
#include "drivers/bus/twin/bus_twin.h"
#include "drivers/led/twin/led_strip_unit.h"
#include "tests/support/temp_dir.h"
#include "tests/technician/device_tests/device_test_rig.h"

#include <doctest/doctest.h>

using namespace hall;
using namespace std::chrono_literals;
using drivers::DeviceKind;
using drivers::Transport;
using technician::DeviceTest;

namespace {

technician::DriverTestOptions withUnits(std::vector<std::uint8_t> units) {
    auto o = testing::fastTestOptions();
    o.ledUnits = std::move(units);
    return o;
}

void addStrips(drivers::bus::BusTwin& twin, std::initializer_list<std::uint8_t> addresses) {
    for (const auto a : addresses)
        twin.add(a, std::make_unique<drivers::led::LedStripUnit>());
}

} // namespace

TEST_CASE("every unit on a serial line shows the test text") {
    testing::TempDir dir{"ledtest"};
    drivers::bus::BusTwin twin(dir.file("ttyLED"));
    addStrips(twin, {1, 2, 3});
    twin.start();
    technician::DriverTestRunner runner(withUnits({1, 2, 3}));
    const auto r =
        runner.run(DeviceTest::LightLedStrip,
                   testing::setting(DeviceKind::LedStrip, "led.hallbus", Transport::Serial,
                                    std::filesystem::canonical(twin.link()).string(), 115200));
    CAPTURE(r.message);
    CHECK(r.ok);
    CHECK(r.message.rfind("test text shown on unit(s) 1, 2, 3 (LED strip line on ", 0) == 0);
    for (std::uint8_t a = 1; a <= 3; ++a) {
        CAPTURE(twin.render(a));
        CHECK(twin.render(a).find("测试 TEST") != std::string::npos);
    }
    twin.stop();
}

TEST_CASE("a unit that does not answer and one that refuses are named") {
    drivers::bus::BusTwin twin(drivers::bus::TcpListen{0});
    addStrips(twin, {1, 2});
    twin.withUnit(2, [](drivers::bus::BusUnit& u) {
        dynamic_cast<drivers::led::LedStripUnit&>(u).asciiOnly(true);
    });
    twin.start();
    technician::DriverTestRunner runner(withUnits({1, 2, 4}));
    const auto r = runner.run(DeviceTest::LightLedStrip,
                              testing::setting(DeviceKind::LedStrip, "led.hallbus", Transport::Tcp,
                                               "127.0.0.1:" + std::to_string(twin.tcpPort())));
    CHECK_FALSE(r.ok);
    CHECK(r.message.find("test text shown on unit(s) 1;") == 0);
    CHECK(r.message.find("no answer from unit(s) 4") != std::string::npos);
    CHECK(r.message.find("refused by unit(s) 2") != std::string::npos);
    CHECK(twin.render(1).find("测试 TEST") != std::string::npos);
    twin.stop();
}
