#pragma once
// The background load: most of the benchmark's terminals, spread over a few threads, each thread
// owning its terminals outright (a TerminalConnection is single-threaded). A thread sweeps its
// terminals round and round: reads every push that has arrived (a terminal that stops reading is
// dropped by the daemon, which would spoil the figures), sends heartbeats when due, and lets its
// ticket machines issue at a moderate rate while issuing is on. Pads and boards only listen.
// Anything that goes wrong — a closed connection, a gap in a push stream, a refused ticket — is
// counted and the first message kept; the benchmark refuses to print figures over it.

#include "bench/controller/bench_terminal.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace hall::bench {

struct BackgroundReport {
    int terminals = 0;        // alive now
    int failed = 0;           // terminals lost to an error
    std::uint64_t pushes = 0; // read by the pool's terminals
    std::uint64_t gaps = 0;   // seq jumps: pushes the daemon did not deliver
    std::uint64_t clientDropped = 0;
    std::uint64_t issued = 0;  // tickets issued by background machines
    double slowestSweepMs = 0; // longest time a terminal went unread, about
    std::string firstError;
    bool clean() const { return failed == 0 && gaps == 0 && clientDropped == 0; }
};

class BackgroundPool {
public:
    // `issueIntervalSeconds`: mean time between two tickets of one machine (exponentially
    // distributed, like arrivals).
    BackgroundPool(int threads, double issueIntervalSeconds, std::uint32_t seed);
    ~BackgroundPool(); // stops
    BackgroundPool(const BackgroundPool&) = delete;
    BackgroundPool& operator=(const BackgroundPool&) = delete;

    void add(BenchTerminal terminal); // to the thread with the fewest terminals
    void setIssuing(bool on) { issuing_ = on; }
    void stop();
    BackgroundReport report() const;

private:
    struct Worker;
    void run(Worker& worker);

    double issueInterval_;
    std::atomic<bool> issuing_{false};
    std::atomic<bool> stopping_{false};
    std::vector<std::unique_ptr<Worker>> workers_;
    std::vector<std::thread> threads_;
};

} // namespace hall::bench
