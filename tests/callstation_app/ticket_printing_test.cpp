// The ticket machine printing through the real driver to the thermal-printer twin on TCP: the
// printed ticket carries the number shown and a QR that a scanner reads as the ticket's
// identity; out of paper, the ticket stays on screen, unprinted, and the fault is paper_out for
// the heartbeat; refilled, the next one prints, and the last one can be reprinted.
#include "callstation/app/ticket_machine.h"
#include "drivers/kinds/device_factory.h"
#include "drivers/printer/twin/thermal_printer_twin.h"
#include "shared/client/mock_backend.h"
#include "shared/client/ticket_issuer.h"
#include "shared/client/ticket_printing.h"
#include "tests/support/qr_scan.h"
#include "tests/support/qt_event_wait.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>

using hall::callstation::TicketMachine;
using hall::client::TicketPrinting;
using hall::testing::waitUntil;
using PrintState = TicketMachine::PrintState;
using Stage = TicketMachine::Stage;
using namespace std::chrono_literals;

namespace {

struct PrintingMachine {
    hall::testing::TempDir dir{"callstation-printing"};
    hall::drivers::printer::ThermalPrinterTwin twin{{48, 576, 64, dir.path()}};
    hall::client::MockBackend backend;
    hall::client::TicketIssuer issuer;
    TicketPrinting printing;
    TicketMachine machine;

    PrintingMachine() {
        const auto port = twin.addTcp(0);
        twin.start();
        backend.playMorning();
        issuer.setClient(&backend);
        hall::drivers::DeviceSetting setting{hall::drivers::DeviceKind::TicketPrinter,
                                             "printer.escpos-tcp", hall::drivers::Transport::Tcp,
                                             "127.0.0.1:" + std::to_string(port), std::nullopt};
        hall::drivers::DeviceSinks sinks;
        sinks.events = printing.eventSink();
        sinks.tickets = printing.jobSink();
        printing.setDevice(hall::drivers::makeDevice(setting, std::move(sinks)));
        REQUIRE(waitUntil([&] { return printing.state() == TicketPrinting::State::Ready; }));
        machine.setIssuer(&issuer);
        machine.setPrinting(&printing);
    }
    void take(const char* service) {
        machine.choose(QString::fromLatin1(service));
        REQUIRE(waitUntil([&] { return machine.stage() == Stage::Showing; }));
        REQUIRE(waitUntil([&] { return machine.printState() != PrintState::Printing; }));
    }
};

} // namespace

TEST_CASE("a number taken is printed with its number and a QR that scans as the ticket") {
    PrintingMachine m;
    m.take("household");
    CHECK(m.machine.printState() == PrintState::Printed);
    const auto ticket = m.twin.lastTicket();
    REQUIRE(ticket);
    CHECK(ticket->text.find(m.machine.number().toStdString()) != std::string::npos);
    CHECK(ticket->text.find("户籍与出入境") != std::string::npos);
    CHECK(ticket->text.find("滨江区政务服务中心") != std::string::npos);
    const auto png = m.dir.path() / "ticket-0001.png";
    REQUIRE(std::filesystem::exists(png));
    CHECK(hall::testing::scanQr(png) == m.machine.ticketCode().toStdString());
    CHECK(m.printing.faults().isEmpty());
}

TEST_CASE("out of paper: the ticket stays on screen, the fault goes out; refilled, it prints") {
    PrintingMachine m;
    m.twin.paperOut(true);
    REQUIRE(waitUntil([&] { return m.printing.state() == TicketPrinting::State::PaperOut; }));
    CHECK(m.printing.faults() == QStringList{QStringLiteral("paper_out")});
    const int printedBefore = m.twin.printed();
    m.take("household");
    CHECK(m.machine.printState() == PrintState::NotPrinted);
    CHECK(m.machine.stage() == Stage::Showing); // the screen is the ticket now
    CHECK_FALSE(m.machine.number().isEmpty());
    CHECK(m.twin.printed() == printedBefore);

    m.twin.refill();
    REQUIRE(waitUntil([&] { return m.printing.state() == TicketPrinting::State::Ready; }));
    CHECK(m.printing.faults().isEmpty());
    const QString unprinted = m.machine.number();
    m.machine.finish();
    // The citizen whose ticket did not print asks for it again.
    REQUIRE(m.machine.canReprint());
    m.machine.reprintLast();
    REQUIRE(waitUntil([&] { return m.machine.printState() == PrintState::Printed; }));
    REQUIRE(m.twin.lastTicket());
    CHECK(m.twin.lastTicket()->text.find(unprinted.toStdString()) != std::string::npos);

    m.take("household");
    CHECK(m.machine.printState() == PrintState::Printed);
    CHECK(m.twin.lastTicket()->text.find(m.machine.number().toStdString()) != std::string::npos);
}
