// The keyboard-mode driver end to end against an emulated input device: run by CTest under
//   umockdev-run -d data/scanner.umockdev -e /dev/input/event5=data/scan.evemu
// scanner.umockdev (sysfs records; that format has no comments) describes a USB keyboard
// (046d:c31c, event3) and a Honeywell MS7120 in keyboard mode (0c2e:0204) with two input nodes:
// consumer keys (event4) and the keyboard that types codes (event5). The driver must find
// event5 through the hardware table and sysfs, open and grab it (EVIOCGRAB) and decode the
// replayed key events. Outside umockdev this test fails: it would read the machine's devices.
#include "drivers/scanner/scanner_device.h"
#include "tests/drivers/scanner/scanner_test_support.h"

#include <cstdlib>
#include <doctest/doctest.h>

using namespace hall::drivers;
using namespace hall::drivers::scanner;
using namespace std::chrono_literals;

TEST_CASE("an emulated keyboard-mode scanner: found by USB id, grabbed, codes decoded") {
    REQUIRE_MESSAGE(std::getenv("UMOCKDEV_DIR") != nullptr, "run this under umockdev-run");
    scanner_test::Recorder rec;
    HidScannerConfig config; // auto: by the table's keyboard-mode ids, grab on, /sys
    config.classifier.eIdHosts = {"eid.example.gov.cn"};
    auto device = makeHidScanner(config, rec.codeSink(), rec.eventSink());
    device->start();
    REQUIRE(rec.waitEvent(DeviceEventType::Opened, 1, 5s));
    auto codes = rec.waitCodes(2, 10s);
    for (const auto& e : rec.events())
        if (e.error) MESSAGE(eventTypeName(e.type), ": ", e.error->code, ": ", e.error->message);
    REQUIRE(codes.size() == 2);
    CHECK(codes[0].payload == "HALL-APPT:AB12CD34");
    CHECK(codes[0].kind == CodeKind::Appointment);
    CHECK(codes[0].bookingId == "AB12CD34");
    CHECK(codes[1].payload == "https://eid.example.gov.cn/v?c=AB_1");
    CHECK(codes[1].kind == CodeKind::EIdLink);
    CHECK(rec.count(DeviceEventType::Lost) == 0);
    CHECK(rec.failures().empty());
    device->stop();
}

TEST_CASE("the emulated sysfs lists the three nodes with their ids") {
    REQUIRE(std::getenv("UMOCKDEV_DIR") != nullptr);
    CHECK(resolveEvdevNode({"", 0x046d, 0xc31c}, "/sys") == "/dev/input/event3");
    CHECK(resolveEvdevNode({"", 0x0c2e, 0x0204}, "/sys") == "/dev/input/event5");
    CHECK(resolveEvdevNode({}, "/sys") == "/dev/input/event5");
}
