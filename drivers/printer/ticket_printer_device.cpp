#include "drivers/printer/ticket_printer_device.h"

#include "drivers/printer/printer_link.h"

namespace hall::drivers::printer {

using Clock = std::chrono::steady_clock;

namespace {

DeviceError stoppedError() {
    return retryError("stopped", "the ticket printer was stopped before the ticket was printed");
}

// A job that may have come out torn: the same code (what to fix), a message saying so.
DeviceError duringJob(DeviceError e) {
    e.message = "the ticket may be incomplete: " + e.message;
    return e;
}

bool faulty(const PrinterStatus& s) {
    const bool explained = s.paperOut || s.coverOpen || s.feedButton;
    return s.cutterError || s.recoverableError || s.unrecoverableError || s.autoRecoverableError ||
           (s.offline && !explained);
}

} // namespace

TicketPrinterDevice::TicketPrinterDevice(const DeviceDescriptor& descriptor,
                                         const std::string& port, PrinterStreamOpener open,
                                         DeviceEventSink events, JobSink jobs,
                                         TicketPrinterOptions options)
    : WorkerDevice(descriptor, std::string(descriptor.id) + "@" + port, std::move(events),
                   options.reopen),
      open_(std::move(open)), jobs_(std::move(jobs)), options_(options) {}

TicketPrinterDevice::TicketPrinterDevice(const DeviceDescriptor& descriptor,
                                         const std::string& port, PrinterJobSender send,
                                         DeviceEventSink events, JobSink jobs,
                                         TicketPrinterOptions options)
    : WorkerDevice(descriptor, std::string(descriptor.id) + "@" + port, std::move(events),
                   options.reopen),
      send_(std::move(send)), jobs_(std::move(jobs)), options_(options) {
    // Nothing comes back on a one-way transport to query.
    options_.statusQueries = false;
    options_.automaticStatus = false;
}

void TicketPrinterDevice::start() {
    {
        std::lock_guard lock(mutex_);
        if (state_ != State::Stopped) return;
        state_ = State::Opening;
        downBecause_.reset();
    }
    WorkerDevice::start();
}

void TicketPrinterDevice::stop() {
    WorkerDevice::stop();
    std::deque<Job> left;
    {
        std::lock_guard lock(mutex_);
        state_ = State::Stopped;
        left.swap(queue_);
    }
    for (const auto& job : left)
        finish(job, stoppedError());
}

Submission TicketPrinterDevice::print(std::vector<std::uint8_t> bytes) {
    if (bytes.empty())
        return {0, retryError("empty_job", "nothing to print: the job has no bytes")};
    std::lock_guard lock(mutex_);
    switch (state_) {
    case State::Stopped:
        return {0, deviceError("not_started", "the ticket printer is not running")};
    case State::Down: {
        DeviceError e = downBecause_.value_or(deviceError("offline", "not answering"));
        e.message = "the ticket printer is not available: " + e.message;
        return {0, std::move(e)};
    }
    case State::Opening:
    case State::Ready:
        break;
    }
    if (queue_.size() >= options_.queueLimit)
        return {0, retryError("queue_full", "the ticket printer already has " +
                                                std::to_string(queue_.size()) +
                                                " tickets waiting: try again in a moment")};
    const JobId id = nextId_++;
    queue_.push_back(Job{id, std::move(bytes)});
    wake_.notify_all();
    return {id, std::nullopt};
}

std::optional<PrinterStatus> TicketPrinterDevice::lastStatus() const {
    std::lock_guard lock(mutex_);
    return status_;
}

std::size_t TicketPrinterDevice::queued() const {
    std::lock_guard lock(mutex_);
    return queue_.size();
}

void TicketPrinterDevice::serve(std::stop_token stop, const std::function<void()>& ready) {
    try {
        if (send_) {
            {
                std::lock_guard lock(mutex_);
                state_ = State::Ready;
                downBecause_.reset();
            }
            ready();
            return serveSentJobs(stop);
        }
        auto stream = open_(stop);
        if (stop.stop_requested()) return;
        stream->discardInput();
        PrinterLink link(*stream);
        if (options_.statusQueries) {
            if (options_.automaticStatus) link.enableAutomaticStatus(stop);
            if (!queryStatus(link, stop)) return;
        }
        {
            std::lock_guard lock(mutex_);
            state_ = State::Ready;
            downBecause_.reset();
        }
        ready();
        serveJobs(*stream, link, stop);
    } catch (const DeviceFailure& f) {
        goDown(f.error());
        throw;
    } catch (const std::exception& e) {
        goDown(deviceError("driver_fault", std::string("driver fault: ") + e.what()));
        throw;
    }
}

void TicketPrinterDevice::serveJobs(ByteStream& stream, PrinterLink& link, std::stop_token stop) {
    while (!stop.stop_requested()) {
        auto job = nextJob(&link, stop);
        if (job) {
            runJob(*job, stream, link, stop);
        } else if (!stop.stop_requested() && options_.statusQueries) {
            queryStatus(link, stop); // idle: notice paper, cover and a vanished printer
        }
    }
}

void TicketPrinterDevice::serveSentJobs(std::stop_token stop) {
    while (!stop.stop_requested()) {
        auto job = nextJob(nullptr, stop);
        if (!job) continue;
        std::optional<DeviceError> error;
        try {
            error = send_(job->bytes, job->id, stop);
        } catch (const std::exception& e) {
            finish(*job, deviceError("driver_fault", std::string("driver fault: ") + e.what()));
            throw;
        }
        // A job cut off by stop() was cancelled by the sender; say "stopped" like the others.
        if (error && stop.stop_requested()) error = stoppedError();
        noteSent(error);
        finish(*job, std::move(error));
    }
}

std::optional<TicketPrinterDevice::Job> TicketPrinterDevice::nextJob(PrinterLink* link,
                                                                     std::stop_token stop) {
    const auto deadline = Clock::now() + options_.idlePoll;
    std::unique_lock lock(mutex_);
    while (!stop.stop_requested()) {
        if (!queue_.empty()) {
            Job job = std::move(queue_.front());
            queue_.pop_front();
            return job;
        }
        if (Clock::now() >= deadline) return std::nullopt;
        if (link && options_.statusQueries && options_.automaticStatus) {
            // ASB blocks arrive on the stream: read in short slices, look at the queue between.
            lock.unlock();
            if (auto s = link->pollAutomaticStatus(std::chrono::milliseconds(50), stop))
                noteStatus(*s);
            lock.lock();
        } else {
            wake_.wait_until(lock, stop, deadline, [this] { return !queue_.empty(); });
        }
    }
    return std::nullopt;
}

void TicketPrinterDevice::runJob(Job& job, ByteStream& stream, PrinterLink& link,
                                 std::stop_token stop) {
    try {
        if (options_.statusQueries) {
            const auto before = queryStatus(link, stop);
            if (!before) return finish(job, stoppedError());
            if (auto problem = blockingProblem(*before)) return finish(job, *problem);
        }
        stream.write(job.bytes, stop);
        if (stop.stop_requested()) return finish(job, stoppedError());
        if (options_.statusQueries) {
            const auto after = queryStatus(link, stop);
            if (!after) return finish(job, stoppedError());
            if (auto problem = blockingProblem(*after)) return finish(job, duringJob(*problem));
        }
        finish(job, std::nullopt);
    } catch (const DeviceFailure& f) {
        finish(job, duringJob(f.error()));
        throw;
    }
}

std::optional<PrinterStatus> TicketPrinterDevice::queryStatus(PrinterLink& link,
                                                              std::stop_token stop) {
    auto s = link.query(options_.statusTimeout, stop);
    if (s) noteStatus(*s);
    return s;
}

void TicketPrinterDevice::noteStatus(const PrinterStatus& s) {
    {
        std::lock_guard lock(mutex_);
        status_ = s;
    }
    Conditions now;
    now.paperLow = s.paperNearEnd && !s.paperOut;
    now.paperOut = s.paperOut;
    now.coverOpen = s.coverOpen;
    now.fault = faulty(s);
    const Conditions was = conditions_;
    conditions_ = now;
    if (now.paperLow && !was.paperLow)
        report(DeviceEventType::PaperLow,
               retryError("paper_low", "the ticket printer's paper roll is nearly used up: "
                                       "have a new roll ready"));
    if (now.paperOut && !was.paperOut) report(DeviceEventType::PaperOut, blockingProblem(s));
    if (now.coverOpen && !was.coverOpen)
        report(DeviceEventType::CoverOpen,
               retryError("cover_open", "the ticket printer's cover is open: close it"));
    if (now.fault && !was.fault) {
        PrinterStatus faultOnly = s; // the fault's own message, not paper's or the cover's
        faultOnly.paperOut = faultOnly.coverOpen = false;
        report(DeviceEventType::PrinterFault, blockingProblem(faultOnly));
    }
    if (was.any() && !now.any()) report(DeviceEventType::PrinterOk);
}

void TicketPrinterDevice::noteSent(const std::optional<DeviceError>& error) {
    // The codes are docprint's (printer_reasons.h), made from the queue's printer-state-reasons.
    if (!error) {
        if (conditions_.any()) report(DeviceEventType::PrinterOk);
        conditions_ = Conditions{};
        return;
    }
    if (error->code == "paper_out" && !conditions_.paperOut) {
        conditions_.paperOut = true;
        report(DeviceEventType::PaperOut, error);
    } else if (error->code == "cover_open" && !conditions_.coverOpen) {
        conditions_.coverOpen = true;
        report(DeviceEventType::CoverOpen, error);
    } else if ((error->code == "paper_jam" || error->code == "printer_fault") &&
               !conditions_.fault) {
        conditions_.fault = true;
        report(DeviceEventType::PrinterFault, error);
    }
}

void TicketPrinterDevice::finish(const Job& job, std::optional<DeviceError> error) {
    if (!jobs_) return;
    try {
        jobs_(JobResult{job.id, !error, std::move(error)});
    } catch (...) {
        // The host's handler failed: its problem. The job has been reported.
    }
}

void TicketPrinterDevice::goDown(const DeviceError& error) {
    {
        std::lock_guard lock(mutex_);
        if (state_ != State::Stopped) state_ = State::Down;
        downBecause_ = error;
    }
    failQueued(error);
}

void TicketPrinterDevice::failQueued(const DeviceError& error) {
    std::deque<Job> left;
    {
        std::lock_guard lock(mutex_);
        left.swap(queue_);
    }
    for (const auto& job : left)
        finish(job, error);
}

} // namespace hall::drivers::printer
