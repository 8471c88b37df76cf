// devsim's ticket printer as a process: its pty and TCP lines printed to by the real driver,
// paper and cover steered over the control socket, tickets written to --printer-out.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "tests/drivers/support/devsim_process.h"
#include "drivers/devsim/control_server.h"
#include "drivers/printer/ticket_printers.h"
#include "tests/drivers/printer/printer_test_support.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace hall::drivers;
using namespace hall::drivers::printer;
using namespace std::chrono_literals;
using hall::testing::waitForPath;

namespace {

// "ok …" → "…"; fails the test on an error answer.
std::string command(const std::filesystem::path& socket, const std::string& line) {
    const auto answer = hall::devsim::sendControlCommand(socket, line);
    REQUIRE_MESSAGE(answer.rfind("ok", 0) == 0, line << " -> " << answer);
    return answer.size() > 3 ? answer.substr(3) : std::string();
}

} // namespace

TEST_CASE("devsim's printer: serial and TCP lines, paper steered over the control socket") {
    hall::testing::TempDir dir{"devsim-printer"};
    const auto socket = dir.file("devsim.sock");
    const auto pty = dir.file("ttyPRINTER");
    const auto out = dir.file("tickets");
    std::filesystem::create_directory(out);
    hall::testing::DevsimProcess devsim(
        HALL_DEVSIM_BINARY, {"--control", socket.string(), "--printer-pty", pty.string(),
                             "--printer-tcp", "0", "--printer-out", out.string()});
    REQUIRE(waitForPath(socket));
    REQUIRE(waitForPath(pty));

    // The TCP port devsim picked, from its status line: "ok; tcp port N".
    const auto status = command(socket, "printer status");
    const auto at = status.find("tcp port ");
    REQUIRE(at != std::string::npos);
    const auto port = static_cast<std::uint16_t>(std::stoi(status.substr(at + 9)));

    hall::testing::PrinterHost host;
    auto network = makeTcpTicketPrinter({"127.0.0.1", port, 500ms, 1000ms}, host.sink(),
                                        host.jobs(), hall::testing::fastPrinterOptions());
    network->start();
    REQUIRE(host.next(DeviceEventType::Opened));
    // Job ids are per device: each device reports to a host of its own.
    auto print = [](TicketPrinterDevice& p, hall::testing::PrinterHost& h,
                    const std::string& number) {
        const auto s = p.print(hall::testing::ticketBytes(number));
        REQUIRE(s.accepted());
        const auto r = h.result(s.id);
        REQUIRE(r);
        return *r;
    };
    CHECK(print(*network, host, "A101").printed);
    CHECK(command(socket, "printer last-qr") == "https://hall.example.gov.cn/q/A101");
    CHECK(command(socket, "printer last").find("A101") != std::string::npos);

    command(socket, "printer paper-out");
    const auto failed = print(*network, host, "A102");
    CHECK(!failed.printed);
    CHECK(failed.error->code == "paper_out");
    CHECK(host.next(DeviceEventType::PaperOut));
    command(socket, "printer refill");
    CHECK(print(*network, host, "A103").printed);

    // The serial line feeds the same printer (one roll, one counter).
    hall::testing::PrinterHost serialHost;
    auto serial = makeSerialTicketPrinter({pty.string(), 115200}, serialHost.sink(),
                                          serialHost.jobs(), hall::testing::fastPrinterOptions());
    serial->start();
    CHECK(print(*serial, serialHost, "B201").printed);
    CHECK(command(socket, "printer count") == "printed 3 spoiled 0 discarded 0");
    CHECK(std::filesystem::exists(out / "ticket-0003.txt"));
    CHECK(std::filesystem::exists(out / "ticket-0003.png"));

    const auto bad = hall::devsim::sendControlCommand(socket, "printer cover ajar");
    CHECK(bad.rfind("error", 0) == 0);
    serial->stop();
    network->stop();
}
