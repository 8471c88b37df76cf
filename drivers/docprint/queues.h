#pragma once
// The print queues cupsd offers and the state of each (IPP CUPS-Get-Printers,
// Get-Printer-Attributes, CUPS-Get-Default).

#include "drivers/docprint/cups_connection.h"
#include "drivers/docprint/print_types.h"

#include <optional>
#include <string>
#include <vector>

namespace hall::drivers::docprint {

// Every queue (printers and classes), the default one marked. Throws DeviceFailure
// ("cupsd_unreachable").
std::vector<QueueInfo> listQueues(CupsConnection& cups);

// One queue's state. Throws DeviceFailure: "queue_missing" when cupsd has no such queue (a
// message that says how to list them), "cupsd_unreachable".
QueueInfo queueInfo(CupsConnection& cups, const std::string& name);

// The server's default queue, if one is set.
std::optional<std::string> defaultQueue(CupsConnection& cups);

// CUPS queue names: 1 to 127 printable characters, none of space / \ ? ' " #. Throws
// std::invalid_argument otherwise, before anything is sent.
void validateQueueName(const std::string& name);

} // namespace hall::drivers::docprint
