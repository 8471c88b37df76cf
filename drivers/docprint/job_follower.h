#pragma once
// Following a job from cupsd's acceptance to its end, by polling (Get-Job-Attributes for the
// job, Get-Printer-Attributes for its queue) until it completes, is cancelled, or fails.
//
// Failure is decided here, not left to cupsd, because cupsd never gives up on its own: a job on
// a stopped queue or an out-of-paper printer waits for days, and would come out long after the
// citizen left. So:
//   - blocked (queue stopped, paper out, cover open, printer offline, job held) for longer than
//     stallTimeout → Failed with the blocking problem;
//   - not finished within jobTimeout → Failed ("job_timeout", with what the printer last said);
//   - cupsd unreachable for longer than unreachableTimeout → Failed ("cupsd_unreachable"; the
//     job could not be cancelled, and the device cancels it once cupsd is back).
// A job that fails is cancelled at cupsd, so "failed" always means "will not print".
// Events (JobEvent) go to `events` on the calling thread: Processing, Waiting (each new
// problem), Processing again when a problem clears, then exactly one Completed / Failed /
// Cancelled, which is also what the function returns.

#include "drivers/docprint/cups_connection.h"
#include "drivers/docprint/print_types.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <stop_token>
#include <string>

namespace hall::drivers::docprint {

struct FollowPolicy {
    std::chrono::milliseconds poll{250};
    std::chrono::milliseconds stallTimeout{15000};
    std::chrono::milliseconds jobTimeout{180000};
    std::chrono::milliseconds unreachableTimeout{10000};
    std::chrono::milliseconds cancelTimeout{5000}; // for cupsd to confirm a requested cancel
};

using JobEventFn = std::function<void(const JobEvent&)>;

// `cancelRequested` is asked on every poll; once it says yes the job is cancelled at cupsd and
// the outcome is Cancelled. A stop request cancels the job too (outcome Cancelled, code
// "stopped"). `ticket` is copied into the events.
JobOutcome followJob(CupsConnection& cups, const std::string& queue, int jobId,
                     const FollowPolicy& policy, std::stop_token stop,
                     const std::function<bool()>& cancelRequested, const JobEventFn& events,
                     std::uint64_t ticket = 0);

} // namespace hall::drivers::docprint
