#include "drivers/docprint/jobs.h"

#include "drivers/base/device_error.h"
#include "drivers/docprint/ipp_attributes.h"
#include "drivers/docprint/queues.h"

#include <array>
#include <fstream>
#include <functional>
#include <stdexcept>

namespace hall::drivers::docprint {

namespace {

constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kMaxTitle = 200; // bytes; cupsd takes job-name up to 255

// A job-name cupsd will take: control characters replaced, cut on a UTF-8 character boundary.
std::string cleanTitle(const std::string& title) {
    std::string t = title.empty() ? std::string("document") : title;
    for (char& c : t)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
    if (t.size() > kMaxTitle) {
        std::size_t cut = kMaxTitle;
        while (cut > 0 && (static_cast<unsigned char>(t[cut]) & 0xC0) == 0x80)
            --cut;
        t.resize(cut);
    }
    return t;
}

struct Options {
    int count = 0;
    cups_option_t* list = nullptr;
    ~Options() { cupsFreeOptions(count, list); }
    void add(const char* name, const std::string& value) {
        count = cupsAddOption(name, value.c_str(), count, &list);
    }
};

[[noreturn]] void rethrowCreateError(const CupsConnection& cups, const JobSpec& spec) {
    try {
        cups.throwLastError("creating a job on queue '" + spec.queue + "'");
    } catch (const IppError& e) {
        switch (e.status()) {
        case IPP_STATUS_ERROR_NOT_FOUND:
            throw DeviceFailure(deviceError(
                "queue_missing", "the print server at " + cups.server().describe() +
                                     " has no queue '" + spec.queue +
                                     "': add it (lpadmin) or correct the queue name in the "
                                     "configuration (lpstat -p lists the queues)"));
        case IPP_STATUS_ERROR_NOT_ACCEPTING_JOBS:
            throw DeviceFailure(
                deviceError("queue_rejecting", "the CUPS queue '" + spec.queue +
                                                   "' refuses new jobs: let it accept them again "
                                                   "(cupsaccept " +
                                                   spec.queue + ")"));
        case IPP_STATUS_ERROR_DOCUMENT_FORMAT_NOT_SUPPORTED:
            throw DeviceFailure(deviceError("document_rejected",
                                            "the CUPS queue '" + spec.queue + "' cannot print " +
                                                std::string(mimeType(spec.format)) +
                                                " documents: install the printer's driver or use a "
                                                "queue that takes this format"));
        case IPP_STATUS_ERROR_NOT_AUTHORIZED:
        case IPP_STATUS_ERROR_FORBIDDEN:
            throw DeviceFailure(
                deviceError("cups_refused", "the print server does not let this terminal's user "
                                            "print on queue '" +
                                                spec.queue + "': check the queue's policy"));
        default:
            throw DeviceFailure(deviceError("cups_refused", e.what()));
        }
    }
}

// Create-Job, then Send-Document fed by `next` (returns the next chunk, empty at the end).
int createAndSend(CupsConnection& cups, const JobSpec& spec,
                  const std::function<std::span<const std::uint8_t>()>& next) {
    validateQueueName(spec.queue);
    Options options;
    if (spec.options) {
        validate(*spec.options);
        options.add("media", spec.options->media);
        options.add("copies", std::to_string(spec.options->copies));
        options.add("sides", std::string(sidesKeyword(spec.options->sides)));
        if (const auto mode = colourKeyword(spec.options->colour); !mode.empty())
            options.add("print-color-mode", std::string(mode));
    }
    const std::string title = cleanTitle(spec.title);
    const std::string format(mimeType(spec.format));

    // Asked first because libcups' cupsCreateJob reports an unknown queue as an internal
    // error, indistinguishable from a lost connection; this also names a closed queue.
    const QueueInfo target = queueInfo(cups, spec.queue);
    if (!target.accepting)
        throw DeviceFailure(
            deviceError("queue_rejecting", "the CUPS queue '" + spec.queue +
                                               "' refuses new jobs: let it accept them again "
                                               "(cupsaccept " +
                                               spec.queue + ")"));

    cups.arm();
    const int id =
        cupsCreateJob(cups.http(), spec.queue.c_str(), title.c_str(), options.count, options.list);
    if (id <= 0) rethrowCreateError(cups, spec);

    try {
        cups.arm();
        if (cupsStartDocument(cups.http(), spec.queue.c_str(), id, title.c_str(), format.c_str(),
                              1) != HTTP_STATUS_CONTINUE)
            rethrowCreateError(cups, spec);
        for (auto chunk = next(); !chunk.empty(); chunk = next()) {
            if (cups.stopRequested())
                throw DeviceFailure(deviceError("stopped", "sending interrupted: stopping"));
            cups.arm();
            if (cupsWriteRequestData(cups.http(), reinterpret_cast<const char*>(chunk.data()),
                                     chunk.size()) != HTTP_STATUS_CONTINUE)
                cups.throwLastError("sending the document to queue '" + spec.queue + "'");
        }
        cups.arm();
        if (cupsFinishDocument(cups.http(), spec.queue.c_str()) > IPP_STATUS_OK_EVENTS_COMPLETE)
            rethrowCreateError(cups, spec);
    } catch (...) {
        // The job exists but its document did not arrive whole: it must not print.
        cancelJobQuietly(cups.server(), id, cups.timeouts());
        throw;
    }
    return id;
}

} // namespace

int submitJob(CupsConnection& cups, const JobSpec& spec, std::span<const std::uint8_t> document) {
    if (document.empty()) throw std::invalid_argument("nothing to print: the document is empty");
    std::size_t at = 0;
    return createAndSend(cups, spec, [&]() -> std::span<const std::uint8_t> {
        const std::size_t n = std::min(kChunk, document.size() - at);
        auto chunk = document.subspan(at, n);
        at += n;
        return chunk;
    });
}

int submitFile(CupsConnection& cups, const JobSpec& spec, const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::invalid_argument("cannot open the document file " + file.string());
    if (in.peek() == std::ifstream::traits_type::eof())
        throw std::invalid_argument("nothing to print: the document file is empty");
    std::array<std::uint8_t, kChunk> buffer{};
    return createAndSend(cups, spec, [&]() -> std::span<const std::uint8_t> {
        in.read(reinterpret_cast<char*>(buffer.data()), static_cast<std::streamsize>(kChunk));
        if (in.bad())
            throw DeviceFailure(
                deviceError("document_unreadable", "reading the document file failed midway"));
        return std::span<const std::uint8_t>(buffer.data(), static_cast<std::size_t>(in.gcount()));
    });
}

IppPtr jobAttributes(CupsConnection& cups, int jobId, const std::vector<const char*>& names) {
    IppPtr request = CupsConnection::newRequest(IPP_OP_GET_JOB_ATTRIBUTES);
    cups.addJobUri(request.get(), jobId);
    ipp::requestAttributes(request.get(), names);
    try {
        return cups.send(std::move(request));
    } catch (const IppError& e) {
        if (e.status() == IPP_STATUS_ERROR_NOT_FOUND) return nullptr;
        throw DeviceFailure(deviceError("cups_refused", e.what()));
    }
}

std::optional<JobInfo> jobInfo(CupsConnection& cups, int jobId) {
    IppPtr r = jobAttributes(cups, jobId,
                             {"job-id", "job-state", "job-state-reasons",
                              "job-printer-state-message", "job-impressions-completed"});
    if (!r) return std::nullopt;
    JobInfo job;
    job.id = jobId;
    const int state = ipp::integer(r.get(), "job-state", IPP_JSTATE_PENDING);
    job.state = state >= IPP_JSTATE_PENDING && state <= IPP_JSTATE_COMPLETED
                    ? static_cast<JobState>(state)
                    : JobState::Pending;
    job.reasons = ipp::texts(r.get(), "job-state-reasons");
    job.printerMessage = ipp::text(r.get(), "job-printer-state-message");
    job.impressionsCompleted = ipp::integer(r.get(), "job-impressions-completed");
    return job;
}

bool cancelJob(CupsConnection& cups, int jobId) {
    IppPtr request = CupsConnection::newRequest(IPP_OP_CANCEL_JOB);
    cups.addJobUri(request.get(), jobId);
    try {
        cups.send(std::move(request));
        return true;
    } catch (const IppError& e) {
        // not-possible: already completed, cancelled or aborted; not-found: purged.
        if (e.status() == IPP_STATUS_ERROR_NOT_POSSIBLE || e.status() == IPP_STATUS_ERROR_NOT_FOUND)
            return false;
        throw DeviceFailure(deviceError("cups_refused", e.what()));
    }
}

void cancelJobQuietly(const CupsServer& server, int jobId, CupsTimeouts timeouts) {
    try {
        CupsConnection fresh(server, timeouts);
        cancelJob(fresh, jobId);
    } catch (...) {
        // Best effort: the caller is already reporting a failure.
    }
}

} // namespace hall::drivers::docprint
