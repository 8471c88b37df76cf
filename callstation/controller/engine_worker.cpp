#include "callstation/controller/engine_worker.h"

#include "callstation/controller/log.h"

#include <chrono>

namespace hall::controller {
namespace {

// One transaction holds at most this many commands, so one slow batch cannot starve the rest.
constexpr std::size_t kMaxBatch = 64;

} // namespace

EngineWorker::EngineWorker(HallData data, const core::Clock& clock, Post toNetwork,
                           Publish publish, std::chrono::milliseconds tickInterval)
    : data_(std::move(data)), clock_(clock), tickInterval_(tickInterval),
      toNetwork_(std::move(toNetwork)), publish_(std::move(publish)),
      published_(viewNow()),
      thread_([this] { loop(); }) {}

protocol::HallView EngineWorker::initialView() const {
    return published_;
}

EngineWorker::~EngineWorker() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void EngineWorker::enqueue(Job job) {
    {
        std::lock_guard lock(mutex_);
        queue_.push_back(std::move(job));
    }
    wake_.notify_one();
}

void EngineWorker::loop() {
    auto nextTick = std::chrono::steady_clock::now() + tickInterval_;
    for (;;) {
        std::vector<CommandJob> commands;
        std::optional<std::function<void(HallData&)>> task;
        {
            std::unique_lock lock(mutex_);
            wake_.wait_until(lock, nextTick, [&] { return stopping_ || !queue_.empty(); });
            if (queue_.empty() && stopping_) return;
            // Take the run of commands at the head (up to a batch), or one task.
            while (!queue_.empty() && commands.size() < kMaxBatch &&
                   std::holds_alternative<CommandJob>(queue_.front())) {
                commands.push_back(std::get<CommandJob>(std::move(queue_.front())));
                queue_.pop_front();
            }
            if (commands.empty() && !queue_.empty()) {
                task = std::get<1>(std::move(queue_.front()));
                queue_.pop_front();
            }
        }
        if (!commands.empty()) commit(commands);
        if (task) {
            (*task)(data_);
            publishView();
        }
        if (std::chrono::steady_clock::now() >= nextTick) {
            tick();
            nextTick = std::chrono::steady_clock::now() + tickInterval_;
        }
    }
}

void EngineWorker::commit(std::vector<CommandJob>& jobs) {
    const core::Timestamp now = clock_.now();
    std::vector<store::TimedCommand> batch;
    for (const auto& job : jobs)
        batch.emplace_back(job.command, now, job.requestId);
    std::vector<Outcome> outcomes;
    try {
        const auto results = data_.engine.executeBatch(batch, [this](const auto& events) {
            postCalls(events);
        });
        for (std::size_t i = 0; i < jobs.size(); ++i)
            outcomes.push_back(
                protocol::answerFor(results[i], jobs[i].command, data_.engine.engine(), now));
    } catch (const store::StoreError& e) {
        // Nothing of the batch was acknowledged and the engine is as before it: the terminals
        // retry with the same ids.
        outcomes.assign(jobs.size(),
                        protocol::protocolError(protocol::ProtocolError::Internal,
                                                std::string("storage failed: ") + e.what()));
    }
    publishView();
    for (std::size_t i = 0; i < jobs.size(); ++i)
        toNetwork_([done = std::move(jobs[i].done), outcome = std::move(outcomes[i])]() mutable {
            done(std::move(outcome));
        });
    announceFollowUps(); // after the answers: its audit entries take a write of their own
}

void EngineWorker::tick() {
    store::TimedCommand tick(core::Tick{}, clock_.now());
    try {
        data_.engine.executeBatch(std::span(&tick, 1),
                                  [this](const auto& events) { postCalls(events); });
        publishView();
    } catch (const store::StoreError&) {
        // Due work stays due; the next tick tries again.
    }
    announceFollowUps();
}

// The cases the last commit opened are committed with their ratings; here the duty manager hears
// of them. The audit entry follows the commit: a crash in between loses the entry, not the case.
void EngineWorker::announceFollowUps() {
    const auto opened = data_.engine.takeOpenedFollowUps();
    if (opened.empty()) return;
    const auto& zone = data_.engine.engine().zone();
    for (const auto& c : opened) {
        const std::string summary = followUpSummary(c);
        logInfo("follow-up " + summary + " opened, due by the end of " + followUpDueDay(c, zone));
        try {
            data_.audit.record(c.openedAt, "callstationd", "followup_opened", summary);
        } catch (const store::StoreError& e) {
            logWarning("follow-up " + summary + ": not written to the audit log: " + e.what());
        }
    }
    if (publish_.followUpsOpened)
        toNetwork_([this, n = opened.size()] { publish_.followUpsOpened(n); });
}

// The calls of a batch go out as soon as it is decided, while its commit is being made durable
// (the fdatasync is most of a call's time on the controller): the boards start announcing
// without waiting for the disk, and for the view. The window pad that called still hears of it
// only once it is durable — the answer is posted after the commit.
//
// If the controller dies before the commit is durable, the boards have shown a call the journal
// does not hold. The call was never acknowledged: the pad's request fails with the link
// (connection_lost) and the clerk calls again, which the engine decides afresh — normally the
// same ticket, the next in line; the boards, which take a snapshot on reconnecting, show the
// windows as they are. If the commit fails (a disk
// error), the engine is back before the batch and the boards are left with a call announced and
// not made, as with an undone call; the answer tells the pad the call failed.
void EngineWorker::postCalls(const std::vector<core::Event>& events) {
    if (auto calls = protocol::callsIn(events, data_.engine.engine()); !calls.empty())
        toNetwork_([this, calls = std::move(calls)]() mutable { publish_.calls(std::move(calls)); });
}

void EngineWorker::publishView() {
    protocol::HallView view = viewNow();
    // Estimated waits move with the clock and a reloaded configuration changes windows, so the
    // view is compared, not only the events looked at.
    if (view == published_) return;
    published_ = view;
    toNetwork_([this, view = std::move(view)]() mutable { publish_.view(std::move(view)); });
}

protocol::HallView EngineWorker::viewNow() {
    const auto now = clock_.now();
    const core::Engine& engine = data_.engine.engine();
    return protocol::viewOf(engine, now, earlierRatings(engine.businessDay(now)));
}

const protocol::RatingTally& EngineWorker::earlierRatings(core::BusinessDay today) {
    if (earlierRatingsBefore_ == today) return earlierRatings_;
    earlierRatings_.clear();
    for (int back = protocol::kStaffRatingDays - 1; back >= 1; --back)
        if (auto day = data_.engine.dayReport(today - std::chrono::days(back)))
            protocol::addRatings(earlierRatings_, *day);
    earlierRatingsBefore_ = today;
    return earlierRatings_;
}

} // namespace hall::controller
