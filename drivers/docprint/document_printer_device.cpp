#include "drivers/docprint/document_printer_device.h"

#include "drivers/base/registry.h"
#include "drivers/docprint/jobs.h"
#include "drivers/docprint/printer_reasons.h"
#include "drivers/docprint/queues.h"

#include <algorithm>
#include <stdexcept>

namespace hall::drivers::docprint {

namespace {

constexpr std::string_view kDescriptorId = "docprint.cups";

std::string instanceName(const DocumentPrinterConfig& c) {
    return std::string(kDescriptorId) + "@" + (c.queue.empty() ? std::string("default") : c.queue);
}

// Submission troubles that say "the printer is not there now" rather than "this document is
// wrong": the job waits for the device to come back instead of failing.
bool deviceWide(const DeviceError& e) {
    return e.code == "cupsd_unreachable" || e.code == "queue_missing" ||
           e.code == "queue_rejecting";
}

} // namespace

DocumentPrinterDevice::DocumentPrinterDevice(DocumentPrinterConfig config, DeviceEventSink events,
                                             JobEventSink jobEvents)
    : WorkerDevice(requireDescriptor(kDescriptorId), instanceName(config), std::move(events),
                   config.reopen),
      config_(std::move(config)), jobEvents_(std::move(jobEvents)) {
    if (!config_.queue.empty()) validateQueueName(config_.queue);
}

DocumentPrinterDevice::~DocumentPrinterDevice() {
    stop();
}

void DocumentPrinterDevice::emit(const JobEvent& event) const {
    if (!jobEvents_) return;
    try {
        jobEvents_(event);
    } catch (...) {
        // A host handler that throws must not take the device down.
    }
}

std::uint64_t DocumentPrinterDevice::print(PrintRequest request) {
    validate(request.options);
    if (request.document.empty() && request.file.empty())
        throw std::invalid_argument("nothing to print: no document and no file");
    std::uint64_t ticket = 0;
    {
        std::lock_guard lock(mutex_);
        if (queued_.size() >= config_.maxQueued)
            throw std::length_error("the document printer already has " +
                                    std::to_string(queued_.size()) +
                                    " jobs waiting: try again when one has finished");
        ticket = nextTicket_++;
    }
    // Queued is reported before the worker can see the job, so it always comes first.
    emit(JobEvent{ticket, 0, JobEventType::Queued, std::nullopt});
    {
        std::lock_guard lock(mutex_);
        queued_.push_back(Job{ticket, std::chrono::steady_clock::now(), std::move(request)});
    }
    wake_.notify_all();
    return ticket;
}

bool DocumentPrinterDevice::cancel(std::uint64_t ticket) {
    std::optional<Job> removed;
    {
        std::lock_guard lock(mutex_);
        const auto it = std::find_if(queued_.begin(), queued_.end(),
                                     [ticket](const Job& j) { return j.ticket == ticket; });
        if (it != queued_.end()) {
            removed = std::move(*it);
            queued_.erase(it);
        } else if (ticket != 0 && current_ == ticket) {
            cancelCurrent_ = ticket;
            wake_.notify_all();
            return true;
        } else {
            return false;
        }
    }
    removed->request.document.wipe();
    emit(JobEvent{ticket, 0, JobEventType::Cancelled, std::nullopt});
    return true;
}

void DocumentPrinterDevice::stop() {
    WorkerDevice::stop();
    std::deque<Job> left;
    {
        std::lock_guard lock(mutex_);
        left.swap(queued_);
    }
    for (auto& job : left) {
        job.request.document.wipe();
        emit(JobEvent{job.ticket, 0, JobEventType::Cancelled,
                      deviceError("device_stopped",
                                  "the document printer was stopped before the job was sent")});
    }
}

std::optional<QueueInfo> DocumentPrinterDevice::queueState() const {
    std::lock_guard lock(mutex_);
    return queueState_;
}

void DocumentPrinterDevice::expireQueued(const DeviceError& why) {
    const auto now = std::chrono::steady_clock::now();
    std::deque<Job> expired;
    {
        std::lock_guard lock(mutex_);
        for (auto it = queued_.begin(); it != queued_.end();) {
            if (now - it->queuedAt >= config_.queuedTimeout) {
                expired.push_back(std::move(*it));
                it = queued_.erase(it);
            } else {
                ++it;
            }
        }
    }
    for (auto& job : expired) {
        job.request.document.wipe();
        emit(
            JobEvent{job.ticket, 0, JobEventType::Failed,
                     deviceError(why.code,
                                 "the job waited " + std::to_string(config_.queuedTimeout.count()) +
                                     " ms for the printer and was not printed: " + why.message)});
    }
}

void DocumentPrinterDevice::cancelOrphans(CupsConnection& cups) {
    // Jobs reported failed while cupsd was unreachable: make sure they never print.
    for (auto it = orphans_.begin(); it != orphans_.end();) {
        cancelJob(cups, *it); // throws when unreachable again: kept for the next attempt
        it = orphans_.erase(it);
    }
}

void DocumentPrinterDevice::checkQueue(CupsConnection& cups, const std::string& queue) {
    QueueInfo q = queueInfo(cups, queue);
    std::optional<DeviceError> problem = queueProblem(q);
    {
        std::lock_guard lock(mutex_);
        queueState_ = std::move(q);
    }
    if (problem) throw DeviceFailure(std::move(*problem));
}

std::optional<DocumentPrinterDevice::Job> DocumentPrinterDevice::takeJob(std::stop_token stop) {
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, stop, config_.statusInterval, [this] { return !queued_.empty(); });
    if (queued_.empty() || stop.stop_requested()) return std::nullopt;
    Job job = std::move(queued_.front());
    queued_.pop_front();
    current_ = job.ticket;
    cancelCurrent_ = 0;
    return job;
}

void DocumentPrinterDevice::runJob(CupsConnection& cups, const std::string& queue, Job job,
                                   std::stop_token stop) {
    const std::uint64_t ticket = job.ticket;
    auto done = [this] {
        std::lock_guard lock(mutex_);
        current_ = 0;
        cancelCurrent_ = 0;
    };
    auto cancelRequested = [this, ticket] {
        std::lock_guard lock(mutex_);
        return cancelCurrent_ == ticket;
    };
    if (cancelRequested()) {
        job.request.document.wipe();
        done();
        emit(JobEvent{ticket, 0, JobEventType::Cancelled, std::nullopt});
        return;
    }

    JobSpec spec{queue, job.request.title, job.request.format, job.request.options};
    int id = 0;
    try {
        id = job.request.document.empty() ? submitFile(cups, spec, job.request.file)
                                          : submitJob(cups, spec, job.request.document.bytes());
    } catch (const DeviceFailure& f) {
        if (f.error().code == "stopped") {
            job.request.document.wipe();
            done();
            emit(JobEvent{ticket, 0, JobEventType::Cancelled, f.error()});
            return;
        }
        if (deviceWide(f.error())) {
            // Not this document's fault: it waits for the printer to come back, unless the host
            // cancelled it meanwhile.
            bool cancelled = false;
            {
                std::lock_guard lock(mutex_);
                cancelled = cancelCurrent_ == ticket;
                current_ = 0;
                cancelCurrent_ = 0;
                if (!cancelled) queued_.push_front(std::move(job));
            }
            if (cancelled) {
                job.request.document.wipe();
                emit(JobEvent{ticket, 0, JobEventType::Cancelled, std::nullopt});
            }
            throw;
        }
        job.request.document.wipe();
        done();
        emit(JobEvent{ticket, 0, JobEventType::Failed, f.error()});
        return;
    } catch (const std::invalid_argument& e) {
        // A file that vanished or is empty by the time it is sent.
        job.request.document.wipe();
        done();
        emit(JobEvent{ticket, 0, JobEventType::Failed, deviceError("bad_document", e.what())});
        return;
    }
    job.request.document.wipe();
    emit(JobEvent{ticket, id, JobEventType::Submitted, std::nullopt});

    const JobOutcome out = followJob(
        cups, queue, id, config_.follow, stop, cancelRequested,
        [this](const JobEvent& e) { emit(e); }, ticket);
    done();
    if (out.result == JobResult::Failed && out.error && out.error->code == "cupsd_unreachable")
        orphans_.push_back(id);
}

void DocumentPrinterDevice::serveOnce(std::stop_token stop, const std::function<void()>& ready) {
    CupsConnection cups(config_.server, config_.timeouts, stop);
    cancelOrphans(cups);
    std::string queue = config_.queue;
    if (queue.empty()) {
        const auto def = defaultQueue(cups);
        if (!def)
            throw DeviceFailure(deviceError(
                "no_default_queue", "the print server at " + config_.server.describe() +
                                        " has no default queue: set one (lpadmin -d QUEUE) or "
                                        "name the queue in the configuration"));
        queue = *def;
    }
    checkQueue(cups, queue);
    lastProblem_.reset();
    ready();
    while (!stop.stop_requested()) {
        if (auto job = takeJob(stop)) runJob(cups, queue, std::move(*job), stop);
        if (stop.stop_requested()) return;
        checkQueue(cups, queue);
    }
}

void DocumentPrinterDevice::serve(std::stop_token stop, const std::function<void()>& ready) {
    // Runs again after every loss (DeviceWorker's retry): jobs that waited too long for the
    // printer fail here, with the reason the device is down.
    if (lastProblem_) expireQueued(*lastProblem_);
    try {
        serveOnce(stop, ready);
    } catch (const DeviceFailure& f) {
        if (stop.stop_requested()) return;
        lastProblem_ = f.error();
        expireQueued(f.error());
        throw;
    }
}

} // namespace hall::drivers::docprint
