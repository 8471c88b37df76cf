// The twin's PNG picture of a printed ticket, read back by a real QR scanner library (zbarimg):
// the QR a citizen scans carries the URL the layout was given.
#include "drivers/printer/ticket_printers.h"
#include "drivers/printer/twin/thermal_printer_twin.h"
#include "drivers/printer/twin/ticket_png.h"
#include "tests/drivers/printer/printer_test_support.h"
#include "tests/support/qr_scan.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <fstream>

using namespace hall::drivers;
using namespace hall::drivers::printer;
using namespace std::chrono_literals;

using hall::testing::scanQr;

namespace {

bool isPng(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    char magic[8] = {};
    in.read(magic, 8);
    return std::string(magic, 8) == "\x89PNG\r\n\x1a\n";
}

} // namespace

TEST_CASE("a ticket's QR is read back from the twin's PNG by a scanner library") {
    hall::testing::TempDir dir{"printer-png"};
    ThermalPrinterTwinOptions options;
    options.outputDir = dir.path();
    ThermalPrinterTwin twin(options);
    const auto port = twin.addTcp(0);
    twin.start();
    hall::testing::PrinterHost host;
    auto printer = makeTcpTicketPrinter({"127.0.0.1", port, 500ms, 1000ms}, host.sink(),
                                        host.jobs(), hall::testing::fastPrinterOptions());
    printer->start();
    const auto s = printer->print(hall::testing::ticketBytes("Q007"));
    REQUIRE(s.accepted());
    const auto r = host.result(s.id);
    REQUIRE(r);
    CHECK(r->printed);
    REQUIRE(twin.waitForPrinted(1, 2s));
    const auto png = dir.file("ticket-0001.png");
    REQUIRE(std::filesystem::exists(png));
    CHECK(isPng(png));
    CHECK(std::filesystem::exists(dir.file("ticket-0001.txt")));
    CHECK(scanQr(png) == "https://hall.example.gov.cn/q/Q007");
}

TEST_CASE("every error level and a long payload scan back; no QR, nothing to scan") {
    hall::testing::TempDir dir{"printer-png"};
    const std::string longUrl =
        "https://hall.example.gov.cn/q/A012?d=20240506&s=7f3a&hall=" + std::string(300, 'x');
    int i = 0;
    for (auto level : {QrErrorLevel::L, QrErrorLevel::M, QrErrorLevel::Q, QrErrorLevel::H}) {
        const auto file = dir.file("qr" + std::to_string(i++) + ".png");
        writeTicketPng({TextLine{"A012", {Align::Centre, 4, 4, true}},
                        QrCode{longUrl, 2, 3, level, Align::Centre}},
                       file);
        CHECK(scanQr(file) == longUrl);
    }
    const auto none = dir.file("none.png");
    writeTicketPng({TextLine{"A012", {}}, Feed{3}}, none);
    CHECK(isPng(none));
    CHECK(scanQr(none).empty());
}
