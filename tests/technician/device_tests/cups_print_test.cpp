// PrintTicket through a real cupsd (drivers/docprint's private sandbox): the document printer's
// PDF test page and the ESC/POS ticket as a raw job, on the pass-through queue that keeps the
// bytes, and on the queue whose printer runs out of paper. Test suite "cupsd".
#include "drivers/docprint/twin/cups_sandbox.h"
#include "tests/technician/device_tests/device_test_rig.h"

#include <doctest/doctest.h>
#include <fstream>
#include <iterator>

using namespace hall;
using namespace std::chrono_literals;
using drivers::DeviceKind;
using drivers::Transport;
using drivers::docprint::twin::CupsSandbox;
using technician::DeviceTest;

namespace {

// One cupsd for the run, started from the main thread (it is told to die with that thread).
CupsSandbox& cups() {
    static CupsSandbox sandbox;
    return sandbox;
}

technician::DriverTestOptions cupsOptions() {
    auto o = testing::fastTestOptions();
    o.cupsServer = cups().socketPath().string();
    o.printTimeout = 20s;
    return o;
}

std::string fileQueueOutput() {
    std::ifstream in(cups().fileQueueOutput(), std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

TEST_SUITE("cupsd") {
    TEST_CASE("the document printer's test page is a PDF that reaches the queue's printer") {
        technician::DriverTestRunner runner(cupsOptions());
        const auto r = runner.run(DeviceTest::PrintPage,
                                  testing::setting(DeviceKind::DocumentPrinter, "docprint.cups",
                                                   Transport::Cups, CupsSandbox::kFileQueue));
        CHECK_MESSAGE(r.ok, r.message);
        CHECK(r.message == "test page printed on CUPS queue hall-file");
        const auto out = fileQueueOutput();
        CHECK(out.rfind("%PDF-1.4\n", 0) == 0);
        CHECK(out.find("(Hall terminal test page) Tj") != std::string::npos);
        CHECK(out.find("(Terminal: Ticket machine 2) Tj") != std::string::npos);
        CHECK(out.find("%%EOF") != std::string::npos);
    }

    TEST_CASE("a ticket printer behind a raw CUPS queue gets the ESC/POS test ticket") {
        technician::DriverTestRunner runner(cupsOptions());
        const auto r = runner.run(DeviceTest::PrintTicket,
                                  testing::setting(DeviceKind::TicketPrinter, "printer.escpos-cups",
                                                   Transport::Cups, CupsSandbox::kFileQueue));
        CHECK_MESSAGE(r.ok, r.message);
        const auto out = fileQueueOutput();
        CHECK(out.rfind("\x1b@", 0) == 0);                   // ESC @, the ticket's init
        CHECK(out.find("test ticket") != std::string::npos); // the ASCII line, as is
        CHECK(out.find("Ticket machine 2") != std::string::npos);
    }

    TEST_CASE("paper out at the CUPS printer: the test page fails, saying so") {
        cups().setPaperOut(true);
        technician::DriverTestRunner runner(cupsOptions());
        const auto r = runner.run(DeviceTest::PrintPage,
                                  testing::setting(DeviceKind::DocumentPrinter, "docprint.cups",
                                                   Transport::Cups, CupsSandbox::kTwinQueue));
        cups().setPaperOut(false);
        cups().resumeQueue(CupsSandbox::kTwinQueue);
        CHECK_FALSE(r.ok);
        CHECK(r.message.rfind("the test page did not print on CUPS queue hall-twin: ", 0) == 0);
        CHECK(r.message.find("paper_out") != std::string::npos);
    }
}
