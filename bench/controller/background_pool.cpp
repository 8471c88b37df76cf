#include "bench/controller/background_pool.h"

#include "bench/controller/hall_layout.h"

#include <algorithm>
#include <mutex>
#include <random>

namespace hall::bench {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

struct BackgroundPool::Worker {
    explicit Worker(std::uint32_t seed) : random(seed) {}

    struct Owned {
        BenchTerminal terminal;
        Clock::time_point nextIssue;
    };

    std::mt19937 random;
    std::vector<Owned> owned; // the worker's thread only

    mutable std::mutex mutex; // guards everything below
    std::vector<BenchTerminal> inbox;
    int count = 0;           // owned + inbox, for placing new terminals
    BackgroundReport totals; // of terminals lost or finished, plus counters
    std::uint64_t livePushes = 0, liveGaps = 0, liveDropped = 0;
};

BackgroundPool::BackgroundPool(int threads, double issueIntervalSeconds, std::uint32_t seed)
    : issueInterval_(issueIntervalSeconds) {
    for (int i = 0; i < threads; ++i)
        workers_.push_back(std::make_unique<Worker>(seed + static_cast<std::uint32_t>(i) * 7919u));
    for (auto& worker : workers_)
        threads_.emplace_back([this, w = worker.get()] { run(*w); });
}

BackgroundPool::~BackgroundPool() {
    stop();
}

void BackgroundPool::add(BenchTerminal terminal) {
    Worker* least = nullptr;
    int leastCount = 0;
    for (auto& worker : workers_) {
        std::lock_guard lock(worker->mutex);
        if (!least || worker->count < leastCount) {
            least = worker.get();
            leastCount = worker->count;
        }
    }
    std::lock_guard lock(least->mutex);
    least->inbox.push_back(std::move(terminal));
    ++least->count;
}

void BackgroundPool::stop() {
    stopping_ = true;
    for (auto& thread : threads_)
        if (thread.joinable()) thread.join();
}

BackgroundReport BackgroundPool::report() const {
    BackgroundReport r;
    for (const auto& worker : workers_) {
        std::lock_guard lock(worker->mutex);
        r.terminals += worker->count;
        r.failed += worker->totals.failed;
        r.pushes += worker->totals.pushes + worker->livePushes;
        r.gaps += worker->totals.gaps + worker->liveGaps;
        r.clientDropped += worker->totals.clientDropped + worker->liveDropped;
        r.issued += worker->totals.issued;
        r.slowestSweepMs = std::max(r.slowestSweepMs, worker->totals.slowestSweepMs);
        if (r.firstError.empty()) r.firstError = worker->totals.firstError;
    }
    return r;
}

void BackgroundPool::run(Worker& worker) {
    std::exponential_distribution<double> gap(1.0 / issueInterval_);
    std::uniform_int_distribution<std::size_t> service(0, layout::kServices.size() - 1);
    auto nextIssue = [&](Clock::time_point from) {
        return from + std::chrono::duration_cast<Clock::duration>(
                          std::chrono::duration<double>(gap(worker.random)));
    };
    auto sweepStart = Clock::now();
    while (!stopping_) {
        {
            std::lock_guard lock(worker.mutex);
            for (auto& t : worker.inbox) {
                const auto now = Clock::now();
                worker.owned.push_back({std::move(t), nextIssue(now)});
            }
            worker.inbox.clear();
        }
        if (worker.owned.empty()) {
            std::this_thread::sleep_for(10ms);
            sweepStart = Clock::now();
            continue;
        }
        std::uint64_t issued = 0;
        for (std::size_t i = 0; i < worker.owned.size();) {
            auto& [terminal, due] = worker.owned[i];
            try {
                terminal.drain();
                const auto now = Clock::now();
                if (terminal.spec().role == "ticket_machine" && issuing_ && now >= due) {
                    core::IssueTicket issue;
                    issue.serviceId = layout::kServices[service(worker.random)];
                    expectCommandResult(terminal.request(protocol::RequestBody(issue)),
                                        terminal.spec().name + ": issue_ticket");
                    ++issued;
                    due = nextIssue(now);
                } else if (!issuing_) {
                    due = nextIssue(now); // no backlog of tickets when issuing resumes
                }
                terminal.heartbeatIfDue(Clock::now());
                ++i;
            } catch (const std::exception& e) {
                std::lock_guard lock(worker.mutex);
                ++worker.totals.failed;
                --worker.count;
                worker.totals.pushes += terminal.pushes();
                worker.totals.gaps += terminal.gaps();
                worker.totals.clientDropped += terminal.clientDropped();
                if (worker.totals.firstError.empty())
                    worker.totals.firstError = terminal.spec().name + ": " + e.what();
                worker.owned.erase(worker.owned.begin() + static_cast<std::ptrdiff_t>(i));
            }
        }
        const auto now = Clock::now();
        const std::chrono::duration<double, std::milli> sweep = now - sweepStart;
        sweepStart = now;
        std::uint64_t pushes = 0, gaps = 0, dropped = 0;
        for (const auto& o : worker.owned) {
            pushes += o.terminal.pushes();
            gaps += o.terminal.gaps();
            dropped += o.terminal.clientDropped();
        }
        std::lock_guard lock(worker.mutex);
        worker.totals.issued += issued;
        worker.totals.slowestSweepMs = std::max(worker.totals.slowestSweepMs, sweep.count());
        worker.livePushes = pushes;
        worker.liveGaps = gaps;
        worker.liveDropped = dropped;
    }
}

} // namespace hall::bench
