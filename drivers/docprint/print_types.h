#pragma once
// What the document printer talks about: CUPS queues and their state, print options, jobs and
// how they end. Plain data, no libcups, so the reason rules (printer_reasons.h) and the host
// code can be tested and used without a print server.

#include "drivers/base/device_error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hall::drivers::docprint {

// IPP printer-state (RFC 8011 §5.4.11): idle 3, processing 4, stopped 5. "Stopped" is what
// cupsdisable / Pause-Printer does, and what cupsd does on its own when a backend reports a
// fault with exit code 4 (out of paper on a printer whose backend stops the queue).
enum class QueueState { Idle = 3, Processing = 4, Stopped = 5 };

struct QueueInfo {
    std::string name;      // printer-name: the queue's name in CUPS ("hall-a4")
    std::string info;      // printer-info: the description an installer typed
    std::string location;  // printer-location
    std::string makeModel; // printer-make-and-model
    std::string deviceUri; // device-uri (empty when cupsd does not show it to us)
    QueueState state = QueueState::Idle;
    bool accepting = true;            // printer-is-accepting-jobs (cupsaccept / cupsreject)
    std::vector<std::string> reasons; // printer-state-reasons, "none" left out
    std::string message;              // printer-state-message: the last thing the backend said
    bool isDefault = false;           // the server's default destination
    int queuedJobs = 0;               // queued-job-count
    bool colour = false;              // color-supported
    bool duplex = false;              // sides-supported lists a two-sided value
};

std::string_view queueStateName(QueueState state);

// Job options the kiosk uses, as IPP job template attributes (PWG 5100.x keywords):
//   media             iso_a4_210x297mm (cupsd maps it to the PPD's A4 page size)
//   copies            1..kMaxCopies
//   sides             one-sided | two-sided-long-edge | two-sided-short-edge
//   print-color-mode  color | monochrome (left out on Auto: the queue's default)
enum class Sides { OneSided, TwoSidedLongEdge, TwoSidedShortEdge };
enum class ColourMode { Auto, Colour, Monochrome };

struct PrintOptions {
    static constexpr int kMaxCopies = 99;
    std::string media = "iso_a4_210x297mm";
    int copies = 1;
    Sides sides = Sides::OneSided;
    ColourMode colour = ColourMode::Auto;
};

std::string_view sidesKeyword(Sides sides);
std::string_view colourKeyword(ColourMode mode); // empty for Auto

// Throws std::invalid_argument with a message saying what is wrong (copies out of range, a
// media name that is not a keyword). Called before anything is sent.
void validate(const PrintOptions& options);

// The document-format sent with the job. Raw goes through the queue's filters untouched
// (application/vnd.cups-raw): ESC/POS tickets, or a PDF for a printer that takes PDF itself.
enum class DocumentFormat { Pdf, Raw, PostScript, Text };
std::string_view mimeType(DocumentFormat format);

// IPP job-state (RFC 8011 §5.3.7).
enum class JobState {
    Pending = 3,
    Held = 4,
    Processing = 5,
    Stopped = 6,
    Cancelled = 7,
    Aborted = 8,
    Completed = 9,
};
std::string_view jobStateName(JobState state);
bool isTerminal(JobState state);

struct JobInfo {
    int id = 0;
    JobState state = JobState::Pending;
    std::vector<std::string> reasons; // job-state-reasons
    std::string printerMessage;       // job-printer-state-message (CUPS)
    int impressionsCompleted = 0;     // job-impressions-completed
};

// How a job ended, as the host sees it. Completed: cupsd delivered every byte to the printer
// (or its file). Failed: it will not print; error says why and what a technician can do, and the
// job was removed from cupsd so it cannot come out later for nobody. Cancelled: on request.
enum class JobResult { Completed, Failed, Cancelled };
std::string_view jobResultName(JobResult result);

struct JobOutcome {
    JobResult result = JobResult::Failed;
    int cupsJobId = 0;                // 0 when cupsd never accepted the job
    std::optional<DeviceError> error; // Failed: always; Cancelled: why, when known
};

// What happens to a job on its way, in order: Queued (in the device's own queue, waiting for the
// printer), Submitted (cupsd accepted it), Processing (the printer is working on it; again after
// a Waiting that cleared), Waiting (blocked: problem says on what — paper out, queue stopped,
// printer offline), then exactly one of Completed, Failed, Cancelled.
enum class JobEventType { Queued, Submitted, Processing, Waiting, Completed, Failed, Cancelled };
std::string_view jobEventName(JobEventType type);

struct JobEvent {
    std::uint64_t ticket = 0; // the device's number for the job (0 for a direct printRaw)
    int cupsJobId = 0;
    JobEventType type = JobEventType::Queued;
    std::optional<DeviceError> problem;
};

} // namespace hall::drivers::docprint
