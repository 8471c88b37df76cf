#pragma once
// Status traffic with an ESC/POS printer over any byte stream: the four real-time queries
// (DLE EOT 1–4) and their answers, and automatic status back (GS a) blocks the printer sends by
// itself. Frame-level only; what a status means for a job is the device's business.

#include "drivers/printer/printer_status.h"
#include "drivers/transport/byte_stream.h"

#include <chrono>
#include <optional>
#include <stop_token>
#include <vector>

namespace hall::drivers::printer {

class PrinterLink {
public:
    explicit PrinterLink(ByteStream& stream) : stream_(stream) {}

    // Sends 10 04 01 … 10 04 04 and waits for the four answers. nullopt when stop was
    // requested. Throws DeviceFailure: no_answer (fewer than four answers within timeout: the
    // printer is off, or has no return channel), or whatever the stream throws.
    std::optional<PrinterStatus> query(std::chrono::milliseconds timeout, std::stop_token stop);

    // GS a n = 1D 61 n with n = 0E: report changes of online state (bit 1), errors (bit 2) and
    // the paper sensors (bit 3); the drawer (bit 0) does not matter at a ticket machine. The
    // printer answers with an ASB block of its current state at once.
    void enableAutomaticStatus(std::stop_token stop);
    // Reads for up to `wait` and returns the newest ASB status that arrived, if any.
    std::optional<PrinterStatus> pollAutomaticStatus(std::chrono::milliseconds wait,
                                                     std::stop_token stop);

    // Bytes seen that were neither an answer nor an ASB block.
    std::size_t noise() const { return parser_.noise(); }

private:
    void readSome(std::chrono::milliseconds timeout, std::stop_token stop);

    ByteStream& stream_;
    StatusReplyParser parser_;
    std::vector<PrinterStatus> asb_;
};

} // namespace hall::drivers::printer
