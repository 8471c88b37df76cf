#include "drivers/docprint/job_follower.h"

#include "drivers/base/device_error.h"
#include "drivers/base/device_worker.h"
#include "drivers/docprint/jobs.h"
#include "drivers/docprint/printer_reasons.h"
#include "drivers/docprint/queues.h"

#include <algorithm>
#include <optional>

namespace hall::drivers::docprint {

namespace {

using Clock = std::chrono::steady_clock;

std::string seconds(std::chrono::milliseconds d) {
    const auto tenths = (d.count() + 50) / 100;
    return std::to_string(tenths / 10) + (tenths % 10 ? "." + std::to_string(tenths % 10) : "") +
           " s";
}

bool has(const std::vector<std::string>& list, std::string_view item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

DeviceError heldError(const std::string& queue, const JobInfo& job) {
    std::string why;
    for (const auto& r : job.reasons)
        if (r != "none") why += (why.empty() ? "" : ", ") + r;
    return deviceError("job_held", "the print server holds the job on queue '" + queue + "'" +
                                       (why.empty() ? std::string() : " (" + why + ")") +
                                       ": check the queue's hold and authentication settings");
}

class Follower {
public:
    Follower(CupsConnection& cups, const std::string& queue, int jobId, const FollowPolicy& policy,
             std::stop_token stop, const std::function<bool()>& cancelRequested,
             const JobEventFn& events, std::uint64_t ticket)
        : cups_(cups), queue_(queue), jobId_(jobId), policy_(policy), stop_(std::move(stop)),
          cancelRequested_(cancelRequested), events_(events), ticket_(ticket) {}

    JobOutcome run() {
        const auto start = Clock::now();
        while (true) {
            if (stop_.stop_requested()) {
                cancelJobQuietly(cups_.server(), jobId_, cups_.timeouts());
                return finish(JobResult::Cancelled,
                              deviceError("stopped", "the printer device stopped before the job "
                                                     "finished; the job was cancelled"));
            }
            if (!cancelSent_ && cancelRequested_ && cancelRequested_()) requestCancel();

            std::optional<JobInfo> job;
            std::optional<QueueInfo> queue;
            try {
                job = jobInfo(cups_, jobId_);
                if (job && !isTerminal(job->state)) queue = queueInfo(cups_, queue_);
                unreachableSince_.reset();
            } catch (const DeviceFailure& f) {
                if (stop_.stop_requested()) continue;
                if (auto out = onPollFailure(f.error())) return *out;
                sleep();
                continue;
            }
            if (auto out = evaluate(job, queue)) return *out;
            const auto elapsed =
                std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
            if (elapsed >= policy_.jobTimeout && !cancelSent_) {
                std::string text = "the job did not finish within " + seconds(policy_.jobTimeout) +
                                   " on queue '" + queue_ + "'; it was cancelled";
                if (queue && !queue->message.empty())
                    text += " (printer says: " + queue->message + ")";
                return fail(
                    deviceError("job_timeout", text + ": check the printer and its connection"));
            }
            sleep();
        }
    }

private:
    void emit(JobEventType type, std::optional<DeviceError> problem = std::nullopt) {
        if (!events_) return;
        try {
            events_(JobEvent{ticket_, jobId_, type, std::move(problem)});
        } catch (...) {
            // A host handler that throws must not lose the job's outcome.
        }
    }

    JobOutcome finish(JobResult result, std::optional<DeviceError> error = std::nullopt) {
        const JobEventType type = result == JobResult::Completed   ? JobEventType::Completed
                                  : result == JobResult::Cancelled ? JobEventType::Cancelled
                                                                   : JobEventType::Failed;
        emit(type, error);
        return JobOutcome{result, jobId_, std::move(error)};
    }

    // A failed job must not come out later: cancel it at cupsd first.
    JobOutcome fail(DeviceError error) {
        cancelJobQuietly(cups_.server(), jobId_, cups_.timeouts());
        return finish(JobResult::Failed, std::move(error));
    }

    void requestCancel() {
        cancelSent_ = true;
        cancelAt_ = Clock::now();
        try {
            cancelJob(cups_, jobId_);
        } catch (const DeviceFailure&) {
            // Seen on the next poll: unreachable is handled there; the job state tells the rest.
        }
    }

    void sleep() { sleepUnlessStopped(stop_, policy_.poll); }

    std::optional<JobOutcome> onPollFailure(const DeviceError& error) {
        // queue_missing (the queue was deleted under the job), cups_refused: nothing to wait for.
        if (error.code != "cupsd_unreachable") return fail(error);
        const auto now = Clock::now();
        if (!unreachableSince_) {
            unreachableSince_ = now;
            emit(JobEventType::Waiting, error);
        }
        if (now - *unreachableSince_ < policy_.unreachableTimeout) return std::nullopt;
        // Nobody to cancel it with: the device cancels it once cupsd answers again.
        return finish(
            JobResult::Failed,
            deviceError("cupsd_unreachable", "the print server stopped answering while job " +
                                                 std::to_string(jobId_) + " on queue '" + queue_ +
                                                 "' was printing (" + error.message +
                                                 "); the job counts as not printed"));
    }

    std::optional<JobOutcome> evaluate(const std::optional<JobInfo>& job,
                                       const std::optional<QueueInfo>& queue) {
        if (!job) {
            if (cancelSent_) return finish(JobResult::Cancelled);
            return finish(
                JobResult::Failed,
                deviceError("job_lost", "the print server no longer knows job " +
                                            std::to_string(jobId_) +
                                            " (cupsd restarted without its spool, or the job was "
                                            "purged): print the document again"));
        }
        switch (job->state) {
        case JobState::Completed:
            if (has(job->reasons, "job-completed-with-errors"))
                return finish(JobResult::Failed,
                              deviceError("printer_fault",
                                          "the printer finished the job on queue '" + queue_ +
                                              "' but reported errors: check the printout"));
            return finish(JobResult::Completed);
        case JobState::Cancelled:
            if (cancelSent_) return finish(JobResult::Cancelled);
            return finish(JobResult::Cancelled,
                          deviceError("cancelled_elsewhere",
                                      "the job was cancelled at the print server or on the "
                                      "printer, not by this terminal"));
        case JobState::Aborted:
            return finish(JobResult::Failed, abortedJobError(queue_, *job));
        default:
            break;
        }
        const auto now = Clock::now();
        if (cancelSent_) {
            if (now - cancelAt_ < policy_.cancelTimeout) return std::nullopt;
            return finish(JobResult::Failed,
                          deviceError("cancel_unconfirmed",
                                      "the print server did not confirm cancelling job " +
                                          std::to_string(jobId_) + " within " +
                                          seconds(policy_.cancelTimeout) +
                                          ": check the queue (lpstat -o)"));
        }

        std::optional<DeviceError> problem;
        if (job->state == JobState::Held) {
            problem = heldError(queue_, *job);
        } else if (queue) {
            problem = printingProblem(*queue);
        }
        if (problem) {
            if (!blockedSince_ || problem->code != lastProblem_) {
                emit(JobEventType::Waiting, problem);
                lastProblem_ = problem->code;
                if (!blockedSince_) blockedSince_ = now;
            }
            resumeOwed_ = true;
            if (now - *blockedSince_ >= policy_.stallTimeout) return fail(*problem);
            return std::nullopt;
        }
        blockedSince_.reset();
        lastProblem_.clear();
        if (job->state == JobState::Processing && (!processingReported_ || resumeOwed_)) {
            emit(JobEventType::Processing);
            processingReported_ = true;
            resumeOwed_ = false;
        }
        return std::nullopt;
    }

    CupsConnection& cups_;
    const std::string& queue_;
    const int jobId_;
    const FollowPolicy& policy_;
    std::stop_token stop_;
    const std::function<bool()>& cancelRequested_;
    const JobEventFn& events_;
    const std::uint64_t ticket_;

    bool cancelSent_ = false;
    Clock::time_point cancelAt_{};
    std::optional<Clock::time_point> blockedSince_;
    std::string lastProblem_;
    bool processingReported_ = false;
    bool resumeOwed_ = false; // a Waiting was reported: say Processing when it prints again
    std::optional<Clock::time_point> unreachableSince_;
};

} // namespace

JobOutcome followJob(CupsConnection& cups, const std::string& queue, int jobId,
                     const FollowPolicy& policy, std::stop_token stop,
                     const std::function<bool()>& cancelRequested, const JobEventFn& events,
                     std::uint64_t ticket) {
    return Follower(cups, queue, jobId, policy, std::move(stop), cancelRequested, events, ticket)
        .run();
}

} // namespace hall::drivers::docprint
