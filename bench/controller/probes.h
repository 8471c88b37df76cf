#pragma once
// The measuring terminals and what they time, on the benchmark's main thread while the
// background pool keeps the rest of the hall busy:
//
//   issue_ticket  a ticket machine sends issue_ticket and waits for its response;
//   call → push   a window pad sends call_next and the call board of its zone waits for the
//                 call push (the pad's own response is read afterwards, untimed, and must name
//                 the same ticket); then the pad finishes the ticket, untimed, since the engine
//                 lets a window call again only once it has let go of its ticket;
//   echo          one round trip of a frame of the same size through a plain WebSocket-over-TLS
//                 echo server in this process, with the same client code — taken after every
//                 sample of either operation, so that the baseline sees the same load;
//   fsync         a journal-row-sized write and fdatasync beside the daemon's database — taken
//                 after every issue sample: the least a durable answer must wait for.

#include "bench/controller/bench_daemon.h"
#include "bench/controller/bench_terminal.h"
#include "bench/latency_samples.h"
#include "tests/support/tls_echo_server.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace hall::bench {

struct ProbeSet {
    std::vector<BenchTerminal> machines; // ticket machines taking turns at issuing
    std::vector<BenchTerminal> pads;     // one per window, zones alternating
    std::vector<BenchTerminal> boards;   // one per zone, in layout::kZones order

    // What the probes are enrolled as: `machines` ticket machines, a pad for every window, a
    // board for every zone.
    static std::vector<TerminalSpec> specs(int machines);
    void add(BenchTerminal terminal); // by role
    std::size_t size() const { return machines.size() + pads.size() + boards.size(); }
    // Every pad signs its window's clerk in: a window calls only with a clerk signed in.
    void signIn();
    // At most once a second: every probe reads what has arrived and heartbeats when due, so
    // probes idle in one phase stay connected and start the next without a backlog.
    void tend();
    std::vector<BenchTerminal> release(); // all of them, for the background pool

private:
    std::chrono::steady_clock::time_point tended_{};
};

class EchoProbe {
public:
    // An echo server with the daemon's own certificate and key, one connection to it, and the
    // frame to bounce (the size of a request the measurements send).
    EchoProbe(const BenchDaemon& daemon, std::string payload);
    std::chrono::steady_clock::duration roundTrip();

private:
    testing::TlsEchoServer server_;
    netclient::TerminalConnection connection_;
    std::string payload_;
};

class FsyncProbe {
public:
    explicit FsyncProbe(const std::filesystem::path& dir);
    ~FsyncProbe();
    FsyncProbe(const FsyncProbe&) = delete;
    FsyncProbe& operator=(const FsyncProbe&) = delete;
    std::chrono::steady_clock::duration writeAndSync();

private:
    std::filesystem::path file_;
    int fd_ = -1;
};

struct PhaseResult {
    LatencySamples operation;
    LatencySamples echo;
    LatencySamples fsync; // issue phase only
    double seconds = 0; // wall time of the phase
};

// `interval`: the time from one sample's start to the next one's (a steady, moderate rate
// rather than a flood, so the figure is a latency and not a queue length).
PhaseResult measureIssue(ProbeSet& probes, EchoProbe& echo, FsyncProbe& fsync, int samples,
                         std::chrono::microseconds interval);
PhaseResult measureCallToPush(ProbeSet& probes, EchoProbe& echo, int samples,
                              std::chrono::microseconds interval);

} // namespace hall::bench
