#pragma once
// Printing one document and waiting for its outcome, on the calling thread, without a device:
// connect, submit, follow (job_follower.h), return how it ended. For callers that print now and
// then, and for the ticket printer's CUPS transport: an ESC/POS ticket is a raw job
// (application/vnd.cups-raw) that the queue hands to the printer untouched.
//
// Never throws for the printer's or the server's troubles: those come back as a Failed outcome
// with a technician's message (cupsJobId 0 when cupsd never took the job). Bad input (empty
// document, invalid queue name or options) throws std::invalid_argument and sends nothing.

#include "drivers/docprint/cups_connection.h"
#include "drivers/docprint/job_follower.h"
#include "drivers/docprint/jobs.h"

#include <cstdint>
#include <span>
#include <stop_token>
#include <string>

namespace hall::drivers::docprint {

struct DirectPrintSettings {
    CupsServer server = CupsServer::fromEnvironment();
    CupsTimeouts timeouts{};
    FollowPolicy follow{};
};

JobOutcome printDocument(const JobSpec& spec, std::span<const std::uint8_t> document,
                         const DirectPrintSettings& settings = {}, std::stop_token stop = {},
                         const JobEventFn& events = {});

// A raw job with the queue's default options: the bytes reach the printer as they are.
JobOutcome printRaw(const std::string& queue, std::span<const std::uint8_t> bytes,
                    const std::string& title, const DirectPrintSettings& settings = {},
                    std::stop_token stop = {}, const JobEventFn& events = {});

} // namespace hall::drivers::docprint
