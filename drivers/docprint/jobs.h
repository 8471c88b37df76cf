#pragma once
// One print job on cupsd: create it and send the document (Create-Job, then Send-Document with
// the data streamed in chunks: cupsCreateJob / cupsStartDocument / cupsWriteRequestData /
// cupsFinishDocument), read its state (Get-Job-Attributes), cancel it (Cancel-Job).
//
// Every step is bounded by the connection's io timeout (per chunk while sending). A job that was
// created but whose document did not arrive whole is cancelled before the error is thrown, so
// cupsd never prints half a document.

#include "drivers/docprint/cups_connection.h"
#include "drivers/docprint/print_types.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace hall::drivers::docprint {

struct JobSpec {
    std::string queue;
    std::string title; // job-name; cupsd logs it and lpstat shows it: no personal data in it
    DocumentFormat format = DocumentFormat::Pdf;
    // nullopt: send no job template attributes and let the queue's defaults apply (a raw ticket
    // for a thermal printer has no A4 or duplex to speak of).
    std::optional<PrintOptions> options = PrintOptions{};
};

// Returns cupsd's job id. Throws std::invalid_argument for a bad spec or an empty document
// (nothing sent then); DeviceFailure otherwise: "queue_missing", "queue_rejecting",
// "document_rejected" (the queue cannot take this format), "cups_refused" (not allowed, other
// IPP errors), "cupsd_unreachable", "stopped" (stop requested while sending; job cancelled).
int submitJob(CupsConnection& cups, const JobSpec& spec, std::span<const std::uint8_t> document);
// The same, streaming a file (a PDF written by the form renderer).
int submitFile(CupsConnection& cups, const JobSpec& spec, const std::filesystem::path& file);

// The job's state; nullopt when cupsd does not know the id (purged, or a cupsd that lost its
// spool). Throws DeviceFailure ("cupsd_unreachable").
std::optional<JobInfo> jobInfo(CupsConnection& cups, int jobId);

// The named attributes of a job as cupsd holds them (job template attributes included, so
// copies, sides, media and print-color-mode can be checked). Empty pointer when unknown.
IppPtr jobAttributes(CupsConnection& cups, int jobId, const std::vector<const char*>& names);

// Asks cupsd to cancel the job. True when cupsd took the request; false when the job is already
// finished (completed, cancelled, aborted) or unknown. Throws DeviceFailure when unreachable.
bool cancelJob(CupsConnection& cups, int jobId);

// Cancels without throwing, over a fresh connection: for clean-up after a failure, when the
// caller's connection may be broken. Bounded by `timeouts`.
void cancelJobQuietly(const CupsServer& server, int jobId, CupsTimeouts timeouts);

} // namespace hall::drivers::docprint
