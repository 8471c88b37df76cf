// PrintTicket: a test ticket on the configured thermal printer, or a test page on the document
// printer's CUPS queue. The printer's own answer decides the result: the job result the driver
// reports after its status query (paper out, cover open, cutter jammed, no answer).
#include "drivers/base/registry.h"
#include "drivers/docprint/direct_print.h"
#include "drivers/printer/cups_ticket_printer.h"
#include "drivers/printer/escpos_writer.h"
#include "drivers/printer/ticket_printers.h"
#include "shared/technician/driver_test_runner.h"
#include "shared/technician/driver_test_support.h"
#include "shared/technician/test_page_pdf.h"

#include <ctime>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace hall::technician {
namespace {

using detail::DeviceWatch;
using drivers::DeviceEventType;
using drivers::Transport;

// "2026-11-23 21:40:05", the terminal's local time: what the technician's watch shows.
std::string localTimeText() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &local);
    return text;
}

// The ticket: who printed it and when, and a QR, so the QR path of the printer is tested too
// (a printer whose firmware lacks GS ( k prints nothing where the code should be).
std::vector<std::uint8_t> testTicket(const std::string& terminalName, const std::string& when) {
    using namespace drivers::printer;
    EscPosWriter w;
    w.init().align(Align::Centre).bold(true).size(2, 2).line("测试票");
    w.size(1, 1).bold(false).line("test ticket");
    w.newline().line(terminalName).line(when);
    w.qr("hall test ticket " + when, QrOptions{});
    w.newline().line("打印正常 / printer OK");
    w.feed(2).cut();
    return w.take();
}

// Where the CUPS transports send their jobs: the options' server, else CUPS_SERVER / the
// system's cupsd; each job followed no longer than the test's print timeout.
drivers::docprint::DirectPrintSettings cupsSettings(const DriverTestOptions& options) {
    drivers::docprint::DirectPrintSettings settings;
    if (!options.cupsServer.empty()) settings.server = {options.cupsServer, 631};
    settings.follow.jobTimeout = options.printTimeout;
    return settings;
}

std::unique_ptr<drivers::printer::TicketPrinterDevice>
makeTicketPrinter(const DeviceSetting& device, const DriverTestOptions& options,
                  drivers::DeviceEventSink events, drivers::printer::JobSink jobs,
                  std::string& what) {
    using namespace drivers::printer;
    switch (device.transport) {
    case Transport::Serial: {
        const auto serial = detail::serialSettings(device, 9600);
        what = "ticket printer on " + serial.path;
        return makeSerialTicketPrinter(serial, std::move(events), std::move(jobs));
    }
    case Transport::Tcp: {
        const auto tcp = detail::tcpSettings(device, 9100);
        what = "ticket printer at " + tcp.host + ":" + std::to_string(tcp.port);
        return makeTcpTicketPrinter(tcp, std::move(events), std::move(jobs));
    }
    case Transport::Usb:
        what = "USB ticket printer (" + device.address + ")";
        return makeUsbTicketPrinter(detail::usbSettings(device), std::move(events),
                                    std::move(jobs));
    case Transport::Cups:
        what = "ticket printer queue " + device.address;
        return makeCupsTicketPrinter(device.address, std::move(events), std::move(jobs),
                                     cupsSettings(options));
    default:
        return nullptr;
    }
}

DeviceTestResult ticketPrinterTest(const DeviceSetting& device, const DriverTestOptions& options) {
    using namespace drivers::printer;
    DeviceWatch watch;
    // Results by job id: the printer may report the job before print() has returned its id.
    std::map<JobId, JobResult> results;
    std::string what;
    auto printer = makeTicketPrinter(
        device, options, watch.sink(),
        [&](const JobResult& r) { watch.note([&] { results[r.id] = r; }); }, what);
    if (!printer) return detail::unsupported(DeviceTest::PrintTicket, device);

    printer->start();
    if (!watch.waitOpened(options.openTimeout)) {
        printer->stop();
        return {false, detail::openFailure(watch, what, options.openTimeout)};
    }
    const auto submission = printer->print(testTicket(options.terminalName, localTimeText()));
    if (!submission.accepted()) {
        printer->stop();
        return {false, "the " + what +
                           " refused the test ticket: " + detail::errorText(*submission.refused)};
    }
    const bool done =
        watch.waitFor(options.printTimeout, [&] { return results.contains(submission.id); });
    bool paperLow = false;
    watch.note([&] { paperLow = watch.seen(DeviceEventType::PaperLow); });
    printer->stop();
    if (!done)
        return {false, "the " + what + " did not finish the test ticket within " +
                           detail::seconds(options.printTimeout) + " (timeout)"};
    const JobResult result = results.at(submission.id);
    if (!result.printed)
        return {false, "the test ticket did not print: " + (result.error
                                                                ? detail::errorText(*result.error)
                                                                : std::string("no reason given"))};
    std::string message = "test ticket printed on the " + what;
    if (paperLow) message += "; paper is running low: bring a new roll";
    return {true, message};
}

DeviceTestResult documentPrinterTest(const DeviceSetting& device,
                                     const DriverTestOptions& options) {
    using namespace drivers::docprint;
    const auto page = testPagePdf({"Hall terminal test page", "Terminal: " + options.terminalName,
                                   "Printed: " + localTimeText(), "Queue: " + device.address});
    JobSpec spec;
    spec.queue = device.address;
    spec.title = "hall test page";
    spec.format = DocumentFormat::Pdf;
    // Bounded by docprint's CUPS timeouts and the follow policy: a queue that stops, a printer
    // out of paper or an unreachable cupsd ends the job as Failed (and cancelled at cupsd).
    const auto outcome = printDocument(spec, page, cupsSettings(options));
    if (outcome.result == JobResult::Completed)
        return {true, "test page printed on CUPS queue " + device.address};
    return {false, "the test page did not print on CUPS queue " + device.address + ": " +
                       (outcome.error ? detail::errorText(*outcome.error)
                                      : std::string(jobResultName(outcome.result)))};
}

} // namespace

DeviceTestResult printTicketTest(const DeviceSetting& device, const DriverTestOptions& options) {
    const auto* descriptor = drivers::findDescriptor(device.driver);
    if (!descriptor) return detail::unsupported(DeviceTest::PrintTicket, device);
    if (descriptor->kind == drivers::DeviceKind::TicketPrinter)
        return ticketPrinterTest(device, options);
    if (descriptor->kind == drivers::DeviceKind::DocumentPrinter &&
        device.transport == Transport::Cups)
        return documentPrinterTest(device, options);
    return detail::unsupported(DeviceTest::PrintTicket, device);
}

} // namespace hall::technician
