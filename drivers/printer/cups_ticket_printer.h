#pragma once
// The ticket printer through a CUPS queue (printer.escpos-cups): for a printer an installer has
// already set up in CUPS (a USB printer the kiosk's CUPS owns, a shared network printer). Each
// ticket is one raw job (application/vnd.cups-raw), so the queue hands its ESC/POS bytes to the
// printer untouched; the queue must be a raw or pass-through queue, not one with a driver that
// renders documents.
//
// CUPS is one-way for the suite: no DLE EOT. The device runs without status queries and takes
// each job's result from docprint's printRaw (direct_print.h), which follows the job at cupsd
// and folds in the queue's printer-state-reasons: paper out, cover open, a stopped queue, an
// offline printer or an unreachable cupsd fail the job within settings.follow's timeouts, and a
// failed job is cancelled at cupsd, so it never prints later. One job at a time, each on its own
// connection. Paper out and cover open are Retry errors with a thermal roll's advice (docprint
// words them for A4 printers); every other failure keeps docprint's error. The device never
// goes Lost (there is no link to lose), the failures are the jobs'.
// Instance id: "printer.escpos-cups@<queue>".

#include "drivers/docprint/direct_print.h"
#include "drivers/printer/ticket_printer_device.h"

#include <memory>
#include <string>

namespace hall::drivers::printer {

// Throws std::invalid_argument for a queue name CUPS would not accept (docprint/queues.h).
std::unique_ptr<TicketPrinterDevice>
makeCupsTicketPrinter(const std::string& queue, DeviceEventSink events, JobSink jobs,
                      docprint::DirectPrintSettings settings = {},
                      TicketPrinterOptions options = {});

} // namespace hall::drivers::printer
