// PrintTicket through the real ticket printer driver: raw TCP and a serial pty, the thermal
// printer twin at the other end decoding the ESC/POS bytes and answering status queries.
#include "drivers/printer/twin/thermal_printer_twin.h"
#include "tests/support/temp_dir.h"
#include "tests/technician/device_tests/device_test_rig.h"

#include <doctest/doctest.h>

using namespace hall;
using namespace std::chrono_literals;
using drivers::DeviceKind;
using drivers::Transport;
using technician::DeviceTest;

namespace {

struct PrinterRig {
    testing::TempDir dir{"printtest"};
    drivers::printer::ThermalPrinterTwin twin;
    std::uint16_t port = 0;
    technician::DriverTestRunner runner{testing::fastTestOptions()};

    PrinterRig() {
        port = twin.addTcp(0);
        twin.addPty(dir.file("ttyPRINTER"));
        twin.start();
    }
    technician::DeviceSetting overTcp() const {
        return testing::setting(DeviceKind::TicketPrinter, "printer.escpos-tcp", Transport::Tcp,
                                "127.0.0.1:" + std::to_string(port));
    }
    technician::DeviceSetting overSerial() const {
        return testing::setting(
            DeviceKind::TicketPrinter, "printer.escpos-serial", Transport::Serial,
            std::filesystem::canonical(dir.file("ttyPRINTER")).string(), 115200);
    }
};

std::string qrPayload(const drivers::printer::PrintedTicket& ticket) {
    for (const auto& e : ticket.elements)
        if (const auto* q = std::get_if<drivers::printer::QrCode>(&e)) return q->payload;
    return {};
}

} // namespace

TEST_CASE("the test ticket prints over TCP and over serial with its text and a QR") {
    PrinterRig rig;
    for (const auto& device : {rig.overTcp(), rig.overSerial()}) {
        CAPTURE(device.driver);
        const int before = rig.twin.printed();
        const auto r = rig.runner.run(DeviceTest::PrintTicket, device);
        CHECK_MESSAGE(r.ok, r.message);
        CHECK(r.message.rfind("test ticket printed on the ticket printer", 0) == 0);
        REQUIRE(rig.twin.waitForPrinted(before + 1, 2s));
        const auto t = rig.twin.lastTicket();
        REQUIRE(t);
        CHECK(t->text.find("测试票") != std::string::npos);
        CHECK(t->text.find("test ticket") != std::string::npos);
        CHECK(t->text.find("Ticket machine 2") != std::string::npos);
        CHECK(qrPayload(*t).rfind("hall test ticket 20", 0) == 0);
    }
}

TEST_CASE("paper out: the test fails with the printer's reason and nothing prints") {
    PrinterRig rig;
    rig.twin.paperOut(true);
    const auto r = rig.runner.run(DeviceTest::PrintTicket, rig.overTcp());
    CHECK_FALSE(r.ok);
    CHECK(r.message.rfind("the test ticket did not print: ", 0) == 0);
    CHECK(r.message.find("paper") != std::string::npos);
    CHECK(rig.twin.printed() == 0);
}

TEST_CASE("cover open is reported as such") {
    PrinterRig rig;
    rig.twin.coverOpen(true);
    const auto r = rig.runner.run(DeviceTest::PrintTicket, rig.overTcp());
    CHECK_FALSE(r.ok);
    CHECK(r.message.find("cover") != std::string::npos);
}

TEST_CASE("paper low: the ticket prints and the technician is told to bring a roll") {
    PrinterRig rig;
    rig.twin.paperLow(true);
    const auto r = rig.runner.run(DeviceTest::PrintTicket, rig.overTcp());
    CHECK(r.ok);
    CHECK(r.message.find("paper is running low") != std::string::npos);
}

TEST_CASE("no printer at the address: the connection failure is the message") {
    PrinterRig rig;
    rig.twin.unplug();
    const auto r = rig.runner.run(DeviceTest::PrintTicket, rig.overTcp());
    CHECK_FALSE(r.ok);
    CHECK(r.message.find("did not answer") != std::string::npos);
}
