#include "drivers/docprint/direct_print.h"

#include "drivers/base/device_error.h"
#include "drivers/docprint/queues.h"

namespace hall::drivers::docprint {

JobOutcome printDocument(const JobSpec& spec, std::span<const std::uint8_t> document,
                         const DirectPrintSettings& settings, std::stop_token stop,
                         const JobEventFn& events) {
    // Bad input is the caller's mistake, not the printer's: it throws before anything is sent.
    validateQueueName(spec.queue);
    if (spec.options) validate(*spec.options);
    if (document.empty()) throw std::invalid_argument("nothing to print: the document is empty");

    auto emit = [&events](const JobEvent& e) {
        if (!events) return;
        try {
            events(e);
        } catch (...) {
            // The caller's handler must not change the outcome.
        }
    };
    int jobId = 0;
    try {
        CupsConnection cups(settings.server, settings.timeouts, stop);
        jobId = submitJob(cups, spec, document);
        emit(JobEvent{0, jobId, JobEventType::Submitted, std::nullopt});
        return followJob(cups, spec.queue, jobId, settings.follow, stop, {}, events);
    } catch (const DeviceFailure& f) {
        JobOutcome out{f.error().code == "stopped" ? JobResult::Cancelled : JobResult::Failed,
                       jobId, f.error()};
        emit(JobEvent{0, jobId,
                      out.result == JobResult::Cancelled ? JobEventType::Cancelled
                                                         : JobEventType::Failed,
                      f.error()});
        return out;
    }
}

JobOutcome printRaw(const std::string& queue, std::span<const std::uint8_t> bytes,
                    const std::string& title, const DirectPrintSettings& settings,
                    std::stop_token stop, const JobEventFn& events) {
    JobSpec spec;
    spec.queue = queue;
    spec.title = title;
    spec.format = DocumentFormat::Raw;
    spec.options = std::nullopt;
    return printDocument(spec, bytes, settings, std::move(stop), events);
}

} // namespace hall::drivers::docprint
