// The ticket printer end to end: TicketPrinterDevice over SerialStream on a real pty and over
// TcpStream on a real TCP port, the thermal printer twin at the other end decoding the bytes
// and answering status queries.
#include "drivers/printer/ticket_printers.h"
#include "drivers/printer/twin/thermal_printer_twin.h"
#include "tests/drivers/printer/printer_test_support.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <thread>

using namespace hall::drivers;
using namespace hall::drivers::printer;
using namespace std::chrono_literals;
using hall::testing::ticketBytes;

namespace {

enum class Via { Serial, Tcp };

struct Rig {
    hall::testing::TempDir dir{"printer"};
    ThermalPrinterTwin twin;
    hall::testing::PrinterHost host;
    std::unique_ptr<TicketPrinterDevice> printer;

    explicit Rig(Via via, TicketPrinterOptions options = hall::testing::fastPrinterOptions()) {
        if (via == Via::Serial) {
            twin.addPty(dir.file("ttyPRINTER"));
            twin.start();
            printer = makeSerialTicketPrinter({dir.file("ttyPRINTER").string(), 115200},
                                              host.sink(), host.jobs(), options);
        } else {
            const auto port = twin.addTcp(0);
            twin.start();
            printer = makeTcpTicketPrinter({"127.0.0.1", port, 500ms, 1000ms}, host.sink(),
                                           host.jobs(), options);
        }
        printer->start();
        REQUIRE(host.next(DeviceEventType::Opened));
    }

    JobResult printAndWait(const std::string& number) {
        const auto s = printer->print(ticketBytes(number));
        REQUIRE_MESSAGE(s.accepted(), s.refused->message);
        const auto r = host.result(s.id);
        REQUIRE(r);
        return *r;
    }
};

std::vector<Via> bothTransports() {
    return {Via::Serial, Via::Tcp};
}

const char* name(Via v) {
    return v == Via::Serial ? "serial (pty)" : "TCP";
}

} // namespace

TEST_CASE("a ticket prints whole through serial and TCP, QR payload and all") {
    for (auto via : bothTransports()) {
        CAPTURE(name(via));
        Rig rig(via);
        const auto r = rig.printAndWait("A012");
        CHECK(r.printed);
        CHECK(!r.error);
        REQUIRE(rig.twin.waitForPrinted(1, 2s));
        const auto t = rig.twin.lastTicket();
        REQUIRE(t);
        CHECK(t->text.find("A012") != std::string::npos);
        CHECK(t->text.find("社保医保综合窗口") != std::string::npos);
        bool qr = false;
        for (const auto& e : t->elements)
            if (const auto* q = std::get_if<QrCode>(&e))
                qr = q->payload == "https://hall.example.gov.cn/q/A012";
        CHECK(qr);
        // Two status rounds per job (before and after), four answers each, plus the one at open.
        CHECK(rig.twin.statusAnswers() >= 12);
        const auto second = rig.printAndWait("A013");
        CHECK(second.printed);
        CHECK(rig.twin.waitForPrinted(2, 2s));
    }
}

TEST_CASE("paper running out in the middle of a job fails that job; after a refill the next "
          "one prints") {
    for (auto via : bothTransports()) {
        CAPTURE(name(via));
        Rig rig(via);
        rig.twin.paperAfter(6); // the roll ends a few lines into the ticket
        const auto torn = rig.printAndWait("A020");
        CHECK(!torn.printed);
        REQUIRE(torn.error);
        CHECK(torn.error->code == "paper_out");
        CHECK(torn.error->category == ErrorCategory::Retry);
        CHECK(torn.error->message.find("incomplete") != std::string::npos);
        CHECK(rig.host.next(DeviceEventType::PaperOut));
        CHECK(rig.twin.printed() == 0);
        CHECK(rig.twin.spoiled() == 1);

        // Still out: the next job fails before a byte of it is sent.
        const int discarded = rig.twin.discarded();
        const auto refused = rig.printAndWait("A021");
        CHECK(!refused.printed);
        REQUIRE(refused.error);
        CHECK(refused.error->code == "paper_out");
        CHECK(refused.error->message.find("incomplete") == std::string::npos);
        CHECK(rig.twin.discarded() == discarded);

        rig.twin.refill();
        CHECK(rig.host.next(DeviceEventType::PrinterOk));
        const auto ok = rig.printAndWait("A022");
        CHECK(ok.printed);
        REQUIRE(rig.twin.waitForPrinted(1, 2s));
        CHECK(rig.twin.lastTicket()->text.find("A022") != std::string::npos);
    }
}

TEST_CASE("paper near end is reported and printing goes on") {
    Rig rig(Via::Tcp);
    rig.twin.paperLow(true);
    CHECK(rig.host.next(DeviceEventType::PaperLow)); // seen by the idle poll
    CHECK(rig.printAndWait("B001").printed);
    CHECK(rig.twin.waitForPrinted(1, 2s));
    CHECK(!rig.host.seen(DeviceEventType::PaperOut));
}

TEST_CASE("an open cover and a jammed cutter fail jobs with the right category") {
    Rig rig(Via::Serial);
    rig.twin.coverOpen(true);
    const auto cover = rig.printAndWait("C001");
    CHECK(!cover.printed);
    CHECK(cover.error->code == "cover_open");
    CHECK(cover.error->category == ErrorCategory::Retry);
    CHECK(rig.host.next(DeviceEventType::CoverOpen));
    rig.twin.coverOpen(false);
    CHECK(rig.host.next(DeviceEventType::PrinterOk));

    rig.twin.cutterFault(true);
    const auto cutter = rig.printAndWait("C002");
    CHECK(!cutter.printed);
    CHECK(cutter.error->code == "cutter_error");
    CHECK(cutter.error->category == ErrorCategory::Device);
    const auto fault = rig.host.next(DeviceEventType::PrinterFault);
    REQUIRE(fault);
    CHECK(fault->error->code == "cutter_error");
    rig.twin.cutterFault(false);
    CHECK(rig.host.next(DeviceEventType::PrinterOk));
    CHECK(rig.printAndWait("C003").printed);
    CHECK(rig.twin.printed() == 1);
}

TEST_CASE("a job on an unplugged printer fails clearly, and the printer comes back") {
    for (auto via : bothTransports()) {
        CAPTURE(name(via));
        Rig rig(via);
        rig.twin.unplug();
        REQUIRE(rig.host.next(DeviceEventType::Lost)); // the idle poll notices
        const auto s = rig.printer->print(ticketBytes("D001"));
        REQUIRE(!s.accepted()); // refused at once: nobody waits for a ticket that cannot come
        CHECK(s.refused->category == ErrorCategory::Device);
        CHECK(s.refused->message.find("not available") != std::string::npos);

        rig.twin.plug();
        REQUIRE(rig.host.next(DeviceEventType::Back));
        CHECK(rig.printAndWait("D002").printed);
        CHECK(rig.twin.waitForPrinted(1, 2s));
    }
}

TEST_CASE("a printer that stops answering fails the job in flight and the queued ones") {
    Rig rig(Via::Serial);
    rig.twin.mute(true);
    std::vector<JobId> ids;
    for (int i = 0; i < 3; ++i) {
        const auto s = rig.printer->print(ticketBytes("E00" + std::to_string(i)));
        if (s.accepted()) ids.push_back(s.id);
    }
    REQUIRE(!ids.empty());
    for (auto id : ids) {
        const auto r = rig.host.result(id);
        REQUIRE(r);
        CHECK(!r->printed);
        CHECK(r->error->code == "no_answer");
    }
    const auto lost = rig.host.next(DeviceEventType::Lost);
    REQUIRE(lost);
    CHECK(lost->error->code == "no_answer");
    rig.twin.mute(false);
    REQUIRE(rig.host.next(DeviceEventType::Back));
    CHECK(rig.printAndWait("E009").printed);
}

TEST_CASE("the queue is bounded, and stop reports what was still waiting") {
    auto options = hall::testing::fastPrinterOptions();
    options.queueLimit = 2;
    Rig rig(Via::Tcp, options);
    rig.twin.mute(true); // jobs wait for status answers that never come… until the timeout
    std::vector<Submission> subs;
    for (int i = 0; i < 6; ++i)
        subs.push_back(rig.printer->print(ticketBytes("F00" + std::to_string(i))));
    int refusedFull = 0;
    for (const auto& s : subs)
        if (!s.accepted() && s.refused->code == "queue_full") ++refusedFull;
    CHECK(refusedFull >= 3);
    rig.printer->stop();
    // Every accepted job got exactly one result (PrinterHost checks "exactly").
    for (const auto& s : subs)
        if (s.accepted()) CHECK(rig.host.result(s.id, 1s));
    const auto after = rig.printer->print(ticketBytes("F009"));
    CHECK(!after.accepted());
    CHECK(after.refused->code == "not_started");
    CHECK(rig.printer->print({}).refused->code == "empty_job");
}

TEST_CASE("a printer without a return line: status queries off, written means printed") {
    auto options = hall::testing::fastPrinterOptions();
    options.statusQueries = false;
    Rig rig(Via::Serial, options);
    rig.twin.mute(true);
    CHECK(rig.printAndWait("G001").printed);
    CHECK(rig.twin.waitForPrinted(1, 2s));
    CHECK(rig.twin.statusAnswers() == 0);
}

TEST_CASE("automatic status back: paper out while idle arrives without a poll") {
    auto options = hall::testing::fastPrinterOptions();
    options.automaticStatus = true;
    options.idlePoll = 60s; // no poll within the test: only ASB can bring the news
    Rig rig(Via::Tcp, options);
    std::this_thread::sleep_for(100ms); // the twin has taken GS a
    rig.twin.paperOut(true);
    const auto e = rig.host.next(DeviceEventType::PaperOut, 2s);
    REQUIRE(e);
    CHECK(e->error->code == "paper_out");
    rig.twin.refill();
    CHECK(rig.host.next(DeviceEventType::PrinterOk, 2s));
    CHECK(rig.printAndWait("H001").printed);
}
