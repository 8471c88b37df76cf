#pragma once
// The one thread that owns the hall database: the durable engine and the device registry. The
// network thread never waits for a disk; it hands work over and gets the answer posted back.
//
// Engine commands that arrive while a commit is in progress are committed together in the next
// transaction (group commit: one fsync for all of them), each still answered on its own. The
// calls a batch makes are handed to the network thread as soon as they are decided, while the
// commit is made durable (see postCalls); after the commit, the new HallView, then the answers:
// a terminal that asked has the change before its answer, and a call board hears of a call no
// later than the window pad that made it (the hub spreads out only the queue counts, see hub.h).
//
// The queue is bounded by its callers: a terminal connection has at most one request in flight.

#include "callstation/controller/audit_log.h"
#include "callstation/controller/booking_book.h"
#include "callstation/controller/content_store.h"
#include "callstation/controller/device_registry.h"
#include "callstation/controller/followups.h"
#include "shared/protocol/hall_view.h"
#include "shared/store/durable_engine.h"

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <variant>

namespace hall::controller {

using Outcome = protocol::Outcome;

struct HallData {
    store::DurableEngine engine;
    DeviceRegistry registry;
    AuditLog audit;
    ContentStore content;
    BookingBook bookings;
    FollowUps followUps; // listed, assigned and closed here; opened by `engine`'s commits
};

struct CommandJob {
    core::Command command;
    std::string requestId; // scoped by the caller ("pad-07/r-17"); empty: no deduplication
    std::function<void(Outcome)> done; // called on the network thread
};

class EngineWorker {
public:
    using Post =
        std::function<void(std::function<void()>)>; // runs a function on the network thread
    // They run on the network thread: the calls a commit made, then the hall's new view; and
    // how many follow-up cases commits opened (each already in the audit log and the log).
    struct Publish {
        std::function<void(std::vector<protocol::Call>)> calls;
        std::function<void(protocol::HallView)> view;
        std::function<void(std::size_t)> followUpsOpened;
    };

    // `tickInterval`: how often the engine is told the time when nothing else happens (closing
    // time, the business day rolling over and the unrated-ticket policy are due on a clock).
    EngineWorker(HallData data, const core::Clock& clock, Post toNetwork, Publish publish,
                 std::chrono::milliseconds tickInterval = std::chrono::seconds(5));
    ~EngineWorker(); // finishes what was submitted, then joins
    EngineWorker(const EngineWorker&) = delete;
    EngineWorker& operator=(const EngineWorker&) = delete;

    void submit(CommandJob job) { enqueue(std::move(job)); }
    // Runs `task` on the worker thread, in order with the commands; it posts its own results.
    // A change it makes to the view (a reloaded configuration) is published after it.
    void run(std::function<void(HallData&)> task) { enqueue(std::move(task)); }
    // The view at construction: what the network thread starts from (call before submitting).
    protocol::HallView initialView() const;

private:
    using Job = std::variant<CommandJob, std::function<void(HallData&)>>;
    void enqueue(Job job);
    void loop();
    void commit(std::vector<CommandJob>& jobs);
    void tick();
    void postCalls(const std::vector<core::Event>& events);
    void publishView();
    void announceFollowUps();
    protocol::HallView viewNow();
    // The staff's ratings of the days before today that a staff rating counts (stored reports,
    // read again only when the business day changes).
    const protocol::RatingTally& earlierRatings(core::BusinessDay today);

    HallData data_;
    const core::Clock& clock_;
    std::chrono::milliseconds tickInterval_;
    Post toNetwork_;
    Publish publish_;
    protocol::RatingTally earlierRatings_;
    std::optional<core::BusinessDay> earlierRatingsBefore_; // the day they were read for
    protocol::HallView
        published_; // the last view handed to the network thread (worker thread only)
    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<Job> queue_;
    bool stopping_ = false;
    std::thread thread_;
};

} // namespace hall::controller
