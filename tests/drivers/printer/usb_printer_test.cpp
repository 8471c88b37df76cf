// The ticket printer over the USB printer class, against a printer emulated by umockdev
// (data/usb_printer.umockdev: 0416:5011 with a vendor-class interface 0 and the printer-class
// interface 1 — class 7, subclass 1, protocol 2 bidirectional — bulk IN 0x81, bulk OUT 0x02).
// The scripts (data/usb_*.ioctl, format in ../usb/data/README.md) answer the status queries and
// take the job byte for byte, in 64-byte packets. Each "umockdev:" suite runs in its own
// umockdev-run (CMakeLists.txt) and is skipped in a plain run of the binary.
#include "drivers/printer/ticket_printers.h"
#include "tests/drivers/printer/printer_test_support.h"

#include <doctest/doctest.h>

using namespace hall::drivers;
using namespace hall::drivers::printer;
using namespace std::chrono_literals;

namespace {

// The job the scripts expect: ESC @, sixty digits, LF, partial cut — 67 bytes, two packets.
std::vector<std::uint8_t> scriptedJob() {
    std::vector<std::uint8_t> job = {0x1B, 0x40};
    for (int i = 0; i < 60; ++i)
        job.push_back(static_cast<std::uint8_t>('0' + i % 10));
    job.insert(job.end(), {0x0A, 0x1D, 0x56, 0x42, 0x00});
    return job;
}

TicketPrinterOptions usbOptions() {
    auto o = hall::testing::fastPrinterOptions();
    o.idlePoll = 60s; // no idle polls: the scripts are a tape of exactly the expected queries
    return o;
}

} // namespace

TEST_SUITE("umockdev: USB ticket printer" * doctest::skip()) {
    TEST_CASE("the printer-class interface is found, a job goes out in packets, status counts") {
        hall::testing::PrinterHost host;
        // No ids given: the hardware table's (0416:5011 is one), interface class 7.
        auto printer = makeUsbTicketPrinter({}, host.sink(), host.jobs(), usbOptions());
        printer->start();
        const auto opened = host.next(DeviceEventType::Opened);
        REQUIRE(opened);
        CHECK(opened->device == "printer.escpos-usb@usb");

        const auto first = printer->print(scriptedJob());
        REQUIRE(first.accepted());
        const auto r1 = host.result(first.id);
        REQUIRE(r1);
        CHECK(r1->printed);
        // The status after the job reported the roll near its end: an event, not a failure.
        CHECK(host.next(DeviceEventType::PaperLow));

        const auto second = printer->print(scriptedJob());
        REQUIRE(second.accepted());
        const auto r2 = host.result(second.id);
        REQUIRE(r2);
        CHECK(!r2->printed);
        CHECK(r2->error->code == "paper_out");
        CHECK(host.next(DeviceEventType::PaperOut));
        printer->stop();
    }
}

TEST_SUITE("umockdev: USB ticket printer unplugged" * doctest::skip()) {
    TEST_CASE("a printer pulled during a job: the job fails as unplugged and the printer returns") {
        hall::testing::PrinterHost host;
        auto printer = makeUsbTicketPrinter({}, host.sink(), host.jobs(), usbOptions());
        printer->start();
        REQUIRE(host.next(DeviceEventType::Opened));
        const auto s = printer->print(scriptedJob());
        REQUIRE(s.accepted());
        const auto r = host.result(s.id);
        REQUIRE(r);
        CHECK(!r->printed);
        CHECK(r->error->code == "unplugged");
        CHECK(r->error->category == ErrorCategory::Device);
        const auto lost = host.next(DeviceEventType::Lost);
        REQUIRE(lost);
        CHECK(lost->error->code == "unplugged");
        // umockdev keeps the device: the re-opened stream replays the script from the top.
        CHECK(host.next(DeviceEventType::Back));
        printer->stop();
    }
}

TEST_CASE("USB settings: the table's ids and the printer class unless told otherwise") {
    // No device here: opening fails, but it fails as a printer that is absent, found by the
    // hardware table's ids.
    hall::testing::PrinterHost host;
    auto printer = makeUsbTicketPrinter({}, host.sink(), host.jobs(), usbOptions());
    printer->start();
    const auto lost = host.next(DeviceEventType::Lost);
    REQUIRE(lost);
    CHECK((lost->error->code == "not_found" || lost->error->code == "usb_unavailable"));
    if (lost->error->code == "not_found") {
        CHECK(lost->error->message.find("04b8:0202") != std::string::npos);
        CHECK(lost->error->message.find("0416:5011") != std::string::npos);
    }
    const auto refused = printer->print(scriptedJob());
    CHECK(!refused.accepted());
    printer->stop();
}
