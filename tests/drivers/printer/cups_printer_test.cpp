// The ticket printer through a CUPS queue (printer.escpos-cups), against the private cupsd of
// docprint's twin (cups_sandbox.h), started by this program: a ticket's ESC/POS bytes reach the
// pass-through queue's file byte for byte; paper out on the hall-twin queue fails the job (and
// the job never prints later); after a refill the next ticket prints. Every wait is bounded.
#include "drivers/docprint/twin/cups_sandbox.h"
#include "drivers/printer/cups_ticket_printer.h"
#include "tests/drivers/printer/printer_test_support.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <fstream>
#include <stdexcept>
#include <thread>

using namespace hall::drivers;
using namespace hall::drivers::printer;
using namespace std::chrono_literals;
using docprint::twin::CupsSandbox;
using hall::testing::ticketBytes;

namespace {

CupsSandbox& cups() {
    static CupsSandbox sandbox; // first use is on the main thread (doctest runs tests there)
    return sandbox;
}

std::vector<std::uint8_t> readBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Short follow timeouts: the twin's queue stops at once when paper runs out.
docprint::DirectPrintSettings fast() {
    docprint::DirectPrintSettings s;
    s.server = cups().server();
    s.timeouts.io = 5s;
    s.follow.poll = 50ms;
    s.follow.stallTimeout = 1s;
    s.follow.jobTimeout = 20s;
    s.follow.unreachableTimeout = 2s;
    return s;
}

struct Rig {
    hall::testing::PrinterHost host;
    std::unique_ptr<TicketPrinterDevice> printer;

    explicit Rig(const std::string& queue) {
        printer = makeCupsTicketPrinter(queue, host.sink(), host.jobs(), fast(),
                                        hall::testing::fastPrinterOptions());
        printer->start();
        REQUIRE(host.next(DeviceEventType::Opened));
    }

    JobResult printAndWait(std::vector<std::uint8_t> bytes) {
        const auto s = printer->print(std::move(bytes));
        REQUIRE_MESSAGE(s.accepted(), s.refused->message);
        const auto r = host.result(s.id, 30s);
        REQUIRE(r);
        return *r;
    }
};

} // namespace

TEST_CASE("CUPS: a queue name CUPS would refuse is refused before anything starts") {
    hall::testing::PrinterHost host;
    CHECK_THROWS_AS(makeCupsTicketPrinter("", host.sink(), host.jobs()), std::invalid_argument);
    CHECK_THROWS_AS(makeCupsTicketPrinter("two words", host.sink(), host.jobs()),
                    std::invalid_argument);
}

TEST_CASE("CUPS: a ticket's ESC/POS bytes reach the pass-through queue byte for byte") {
    Rig rig(CupsSandbox::kFileQueue);
    CHECK(rig.printer->instanceId() == "printer.escpos-cups@hall-file");
    CHECK(rig.printer->descriptor().kind == DeviceKind::TicketPrinter);

    const auto ticket = ticketBytes("A012");
    const auto r = rig.printAndWait(ticket);
    CHECK(r.printed);
    CHECK_MESSAGE(!r.error, r.error.value_or(DeviceError{}).message);
    CHECK(readBytes(cups().fileQueueOutput()) == ticket);

    // A second ticket replaces the file: it is the second job's bytes, not the first's again.
    const auto second = ticketBytes("B207");
    CHECK(rig.printAndWait(second).printed);
    CHECK(readBytes(cups().fileQueueOutput()) == second);
    CHECK(rig.host.resultCount == 2);
}

TEST_CASE("CUPS: paper out fails the job, which never prints; after a refill the next prints") {
    auto& sandbox = cups();
    Rig rig(CupsSandbox::kTwinQueue);
    const std::size_t printedBefore = sandbox.twinOutputs().size();

    sandbox.setPaperOut(true);
    const auto torn = ticketBytes("C031");
    const auto failed = rig.printAndWait(torn);
    CHECK_FALSE(failed.printed);
    REQUIRE(failed.error);
    CHECK(failed.error->code == "paper_out");
    CHECK(failed.error->category == ErrorCategory::Retry);
    const auto paperOut = rig.host.next(DeviceEventType::PaperOut);
    REQUIRE(paperOut);
    REQUIRE(paperOut->error);
    CHECK(paperOut->error->code == "paper_out");
    CHECK(paperOut->error->message.find("new roll") != std::string::npos);

    // The clerk puts in a new roll and re-enables the queue (cupsd stopped it, as for a real
    // printer's backend reporting media-empty-error).
    sandbox.setPaperOut(false);
    sandbox.resumeQueue(CupsSandbox::kTwinQueue);
    const auto next = ticketBytes("C032");
    const auto ok = rig.printAndWait(next);
    CHECK(ok.printed);
    CHECK_MESSAGE(!ok.error, ok.error.value_or(DeviceError{}).message);
    CHECK(rig.host.next(DeviceEventType::PrinterOk));

    // Exactly one more job came out of the twin, the refilled one; the failed ticket was
    // cancelled at cupsd and did not print after the queue resumed.
    std::this_thread::sleep_for(500ms);
    const auto outputs = sandbox.twinOutputs();
    REQUIRE(outputs.size() == printedBefore + 1);
    CHECK(readBytes(outputs.back()) == next);
    CHECK(std::none_of(outputs.begin(), outputs.end(),
                       [&](const auto& p) { return readBytes(p) == torn; }));
    CHECK(rig.host.resultCount == 2);
}

TEST_CASE("CUPS: stop() while a job waits on an empty printer reports it and the queued one "
          "stopped, once each") {
    auto& sandbox = cups();
    Rig rig(CupsSandbox::kTwinQueue);
    const std::size_t printedBefore = sandbox.twinOutputs().size();
    sandbox.setPaperOut(true);
    const auto first = rig.printer->print(ticketBytes("D001"));
    const auto second = rig.printer->print(ticketBytes("D002"));
    REQUIRE(first.accepted());
    REQUIRE(second.accepted());
    std::this_thread::sleep_for(300ms); // the first is at cupsd, blocked (stall timeout is 1 s)
    rig.printer->stop();
    for (const auto id : {first.id, second.id}) {
        const auto r = rig.host.result(id, 10s);
        REQUIRE(r);
        CHECK_FALSE(r->printed);
        REQUIRE(r->error);
        CHECK(r->error->code == "stopped");
    }
    CHECK(rig.host.resultCount == 2);

    sandbox.setPaperOut(false);
    sandbox.resumeQueue(CupsSandbox::kTwinQueue);
    std::this_thread::sleep_for(1s); // a job left at cupsd would print now
    CHECK(sandbox.twinOutputs().size() == printedBefore);
    CHECK(rig.printer->print(ticketBytes("D003")).refused.value_or(DeviceError{}).code ==
          "not_started");
}
