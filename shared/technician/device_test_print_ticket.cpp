// PrintTicket and PrintPage: a test ticket on the configured thermal printer, or a test page on
// the document printer's CUPS queue. The printer's own answer decides the result: the job result
// the driver reports after its status query (paper out, cover open, cutter jammed, no answer).
#include "drivers/printer/escpos_writer.h"
#include "shared/technician/driver_test_support.h"
#include "shared/technician/test_page_pdf.h"

#include <ctime>
#include <map>
#include <string>
#include <vector>

namespace hall::technician {
namespace {

using detail::DeviceWatch;
using drivers::DeviceEventType;

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

} // namespace

DeviceTestResult printTicketTest(const DeviceSetting& device, const DriverTestOptions& options) {
    using namespace drivers::printer;
    if (auto no = detail::notAvailable(DeviceTest::PrintTicket, device)) return *no;
    DeviceWatch watch;
    // Results by job id: the printer may report the job before print() has returned its id.
    std::map<JobId, JobResult> results;
    drivers::DeviceSinks sinks;
    sinks.events = watch.sink();
    sinks.tickets = [&](const JobResult& r) { watch.note([&] { results[r.id] = r; }); };
    const auto built =
        drivers::makeDevice(device, std::move(sinks), detail::deviceOptions(device, options));
    auto& printer = dynamic_cast<TicketPrinterDevice&>(*built);
    const std::string what = detail::describe(device);

    printer.start();
    if (!watch.waitOpened(options.openTimeout)) {
        printer.stop();
        return {false, detail::openFailure(watch, what, options.openTimeout)};
    }
    const auto submission = printer.print(testTicket(options.terminalName, localTimeText()));
    if (!submission.accepted()) {
        printer.stop();
        return {false, "the " + what +
                           " refused the test ticket: " + detail::errorText(*submission.refused)};
    }
    const bool done =
        watch.waitFor(options.printTimeout, [&] { return results.contains(submission.id); });
    bool paperLow = false;
    watch.note([&] { paperLow = watch.seen(DeviceEventType::PaperLow); });
    printer.stop();
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

DeviceTestResult printPageTest(const DeviceSetting& device, const DriverTestOptions& options) {
    using namespace drivers::docprint;
    if (auto no = detail::notAvailable(DeviceTest::PrintPage, device)) return *no;
    const auto page = testPagePdf({"Hall terminal test page", "Terminal: " + options.terminalName,
                                   "Printed: " + localTimeText(), "Queue: " + device.address});
    JobSpec spec;
    spec.queue = device.address;
    spec.title = "hall test page";
    spec.format = DocumentFormat::Pdf;
    // Bounded by docprint's CUPS timeouts and the follow policy: a queue that stops, a printer
    // out of paper or an unreachable cupsd ends the job as Failed (and cancelled at cupsd).
    const auto outcome = printDocument(spec, page, detail::deviceOptions(device, options).cups);
    if (outcome.result == JobResult::Completed)
        return {true, "test page printed on CUPS queue " + device.address};
    return {false, "the test page did not print on CUPS queue " + device.address + ": " +
                       (outcome.error ? detail::errorText(*outcome.error)
                                      : std::string(jobResultName(outcome.result)))};
}

} // namespace hall::technician
