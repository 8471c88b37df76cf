// What the runner refuses before any driver is touched: a setting the hardware table rejects,
// a test that is not the device's, a combination this build has no test for.
#include "tests/technician/device_tests/device_test_rig.h"

#include <doctest/doctest.h>

using namespace hall;
using drivers::DeviceKind;
using drivers::Transport;
using technician::DeviceTest;

TEST_CASE("an unknown driver is not tested") {
    technician::DriverTestRunner runner(testing::fastTestOptions());
    const auto r = runner.run(DeviceTest::ReadCard,
                              testing::setting(DeviceKind::IdCardReader, "idcard.nonesuch",
                                               Transport::Serial, "/dev/ttyUSB0", 9600));
    CHECK_FALSE(r.ok);
    CHECK(r.message.rfind("not tested: ", 0) == 0);
}

TEST_CASE("a test that is not the device kind's is refused") {
    technician::DriverTestRunner runner(testing::fastTestOptions());
    const auto r = runner.run(DeviceTest::PrintTicket,
                              testing::setting(DeviceKind::IdCardReader, "idcard.sam-serial",
                                               Transport::Serial, "/dev/ttyUSB0", 9600));
    CHECK_FALSE(r.ok);
    CHECK(r.message == "print_test is not a test for a id_card_reader");
}

TEST_CASE("a keypad has no device test") {
    technician::DriverTestRunner runner(testing::fastTestOptions());
    const auto r = runner.run(DeviceTest::LightLedStrip,
                              testing::setting(DeviceKind::Keypad, "keypad.hallbus",
                                               Transport::Serial, "/dev/ttyUSB0", 9600));
    CHECK_FALSE(r.ok);
    CHECK(r.message == "light_led_strip is not a test for a keypad");
}

TEST_CASE("a device a single test has no driver for is refused by name, without a driver") {
    const auto r =
        technician::readCardTest(testing::setting(DeviceKind::TicketPrinter, "printer.escpos-tcp",
                                                  Transport::Tcp, "127.0.0.1:9100"),
                                 testing::fastTestOptions());
    CHECK_FALSE(r.ok);
    CHECK(r.message == "read_card is not available for printer.escpos-tcp over tcp in this build");
}
