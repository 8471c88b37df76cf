#include "drivers/printer/cups_ticket_printer.h"

#include "drivers/base/registry.h"
#include "drivers/docprint/queues.h"

namespace hall::drivers::printer {

namespace {

// docprint words its reasons for A4 printers and files them all as Device errors. For a ticket
// printer, paper and cover are what a clerk fixes at the machine, Retry as on the other
// transports, with a thermal roll's advice; everything else (stopped queue, offline printer,
// cupsd unreachable, job timeout) keeps docprint's code, category and message.
DeviceError forTickets(DeviceError e, const std::string& queue) {
    // cupsd stops a queue whose backend gives up on a printer without paper; a clerk's refill
    // then needs the queue enabled again.
    const std::string resume =
        " (if CUPS stopped the queue, enable it again: cupsenable " + queue + ")";
    if (e.code == "paper_out")
        return retryError("paper_out", "the ticket printer on CUPS queue " + queue +
                                           " is out of paper: put in a new roll" + resume);
    if (e.code == "cover_open")
        return retryError("cover_open", "the ticket printer on CUPS queue " + queue +
                                            " has its cover open: close it" + resume);
    return e;
}

} // namespace

std::unique_ptr<TicketPrinterDevice> makeCupsTicketPrinter(const std::string& queue,
                                                           DeviceEventSink events, JobSink jobs,
                                                           docprint::DirectPrintSettings settings,
                                                           TicketPrinterOptions options) {
    // Checked here, once: printRaw would otherwise throw it on the worker at every job.
    docprint::validateQueueName(queue);
    auto send = [queue, settings](std::span<const std::uint8_t> bytes, JobId id,
                                  std::stop_token stop) -> std::optional<DeviceError> {
        // The job title shows in lpstat and cupsd's log: the device's job number, nothing from
        // the ticket itself.
        const docprint::JobOutcome outcome =
            docprint::printRaw(queue, bytes, "ticket " + std::to_string(id), settings, stop);
        if (outcome.result == docprint::JobResult::Completed) return std::nullopt;
        return forTickets(
            outcome.error.value_or(
                deviceError("job_failed", "the CUPS queue " + queue + " did not print the ticket")),
            queue);
    };
    return std::make_unique<TicketPrinterDevice>(requireDescriptor("printer.escpos-cups"), queue,
                                                 std::move(send), std::move(events),
                                                 std::move(jobs), options);
}

} // namespace hall::drivers::printer
