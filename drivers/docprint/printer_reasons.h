#pragma once
// From what cupsd says about a queue or a job to what a technician can act on.
//
// printer-state-reasons (RFC 8011 §5.4.12, PWG 5100.9) are keywords with an optional severity
// suffix: "-report" (information), "-warning" (printing goes on), "-error" (printing cannot go
// on). A keyword without a suffix is an error by the RFC's rule. Backends set them: the ipp
// backend copies the printer's own reasons (media-empty-error, offline-report), others write
// "STATE: +media-empty-error" lines, cupsd adds "paused" when the queue is stopped.
//
// What blocks printing: an error-severity reason, except the "low"/"almost" family which only
// warns; and the unreachable family (offline, connecting-to-device, timed-out, shutdown) at any
// severity, since the ipp backend reports an unreachable printer as "offline-report".
//
// Reasons are live only while a backend runs or the queue is stopped. cupsd keeps the last
// reasons a backend reported after it exits, so an idle queue may still show media-empty-error
// from a job long gone, until the next job's backend clears it: on an idle queue they are
// history and block nothing (else a refilled printer would never get the job that clears them).

#include "drivers/base/device_error.h"
#include "drivers/docprint/print_types.h"

#include <optional>
#include <string>
#include <string_view>

namespace hall::drivers::docprint {

enum class ReasonSeverity { Report, Warning, Error };

struct Reason {
    std::string_view keyword; // without its suffix: "media-empty"
    ReasonSeverity severity = ReasonSeverity::Error;
};

Reason parseReason(std::string_view text);

// True when the reason keeps jobs from printing (see above).
bool blocksPrinting(const Reason& reason);

// What keeps a queued job from printing on this queue: the most specific blocking reason
// (paper out says more than "paused"), else a stopped queue; nullopt when it can print. The
// error's code is stable ("paper_out", "paper_jam", "cover_open", "toner_empty", "tray_missing",
// "output_full", "printer_offline", "missing_filter", "printer_fault", "queue_stopped"); its
// message names the queue and says what to do.
std::optional<DeviceError> printingProblem(const QueueInfo& queue);

// printingProblem, and also a queue that refuses new jobs ("queue_rejecting").
std::optional<DeviceError> queueProblem(const QueueInfo& queue);

// Why a job that cupsd ended without printing did not print, from its job-state-reasons
// ("document_rejected", "job_aborted").
DeviceError abortedJobError(const std::string& queue, const JobInfo& job);

} // namespace hall::drivers::docprint
