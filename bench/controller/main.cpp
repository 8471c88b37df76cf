// controllerbench: the real callstationd under the real protocol. A load of N terminals (ticket
// machines issuing, window pads and call boards listening) over TLS WebSocket on loopback,
// while probe terminals time
//
//   (a) issue_ticket at a ticket machine, request → response;
//   (b) call_next at a window pad → the call push at the zone's call board;
//
// each against the round trip of a plain WebSocket-over-TLS echo on loopback with the same
// client code, taken after every sample (and (a) against that plus a write + fdatasync beside the
// daemon's database, since an issue is answered only once it is durable): the ratio is what the
// hall controller adds to what TLS, WebSocket and the disk cost anyway, printed beside its target
// — (a) p50 within 3 × (fdatasync + echo) p50, (b) p99 within 3 × echo p99. Then the
// controller's resident memory at a few connection counts, and what one more connection costs.

#include "bench/controller/background_pool.h"
#include "bench/controller/bench_daemon.h"
#include "bench/controller/enrollment.h"
#include "bench/controller/hall_layout.h"
#include "bench/controller/probes.h"
#include "bench/file_system_type.h"
#include "shared/protocol/codec.h"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <exception>
#include <random>
#include <sys/resource.h>
#include <thread>
#include <vector>

using namespace hall::bench;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kProbeMachines = 16;
// The daemon takes 2,000 connections; the REST client and a margin stay outside.
constexpr int kMaxTerminals = 1900;

struct RssRow {
    int terminals = 0;
    std::string state;
    long kib = 0;
};

// Background terminals come in threes: a ticket machine, a call board (zones alternating), a
// window pad (windows in turn) that only listens.
TerminalSpec backgroundSpec(const std::string& prefix, int i) {
    const int k = i / 3;
    switch (i % 3) {
    case 0:
        return {prefix + "-machine-" + std::to_string(k), "ticket_machine", {}, {}};
    case 1:
        return {prefix + "-board-" + std::to_string(k),
                "call_board",
                {},
                layout::kZones[static_cast<std::size_t>(k) % layout::kZones.size()]};
    default:
        return {prefix + "-pad-" + std::to_string(k), "window_pad", k % layout::kWindows + 1, {}};
    }
}

void raiseFileLimit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) throw std::runtime_error("getrlimit failed");
    limit.rlim_cur = limit.rlim_max;
    if (setrlimit(RLIMIT_NOFILE, &limit) != 0) throw std::runtime_error("setrlimit failed");
    // Each terminal is a socket here and one in the daemon (which inherits this limit).
    if (limit.rlim_cur < static_cast<rlim_t>(kMaxTerminals + 100))
        std::printf("  note: open files limited to %llu; large connection counts will fail\n",
                    static_cast<unsigned long long>(limit.rlim_cur));
}

double ms(std::chrono::duration<double> d) {
    return d.count() * 1000;
}

void printEnrollment(const char* label, const EnrollmentTiming& t) {
    if (t.terminals == 0) return;
    const double n = t.terminals;
    std::printf("  %-28s %6d %9.2f %10.2f %9.2f %8.2f %9.1f\n", label, t.terminals, ms(t.code) / n,
                ms(t.connect) / n, ms(t.enroll) / n, ms(t.hello) / n, t.wall.count());
}

void printRow(const char* label, const LatencySummary& s) {
    std::printf("  %-30s %8d %9.0f %9.0f %9.0f %9.0f\n", label, s.samples, s.p50Us, s.p99Us,
                s.meanUs, s.maxUs);
}

void printTarget(const char* label, double ratio, double target) {
    std::printf("  %-48s x%.2f  (target <= %.0f: %s)\n", label, ratio, target,
                ratio <= target ? "met" : "MISSED");
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"controllerbench: callstationd latency and memory under a load of terminals"};
    int terminals = 200;
    int samples = 2000;
    std::vector<int> rssConnections{0, 200, 1000};
    double intervalMs = 5;
    double issueRate = 10;
    int threads = 4;
    std::uint32_t seed = std::random_device{}();
    const int probeCount = static_cast<int>(ProbeSet::specs(kProbeMachines).size());
    app.add_option("--terminals", terminals,
                   "terminals connected during the latency measurement (probes included)")
        ->check(CLI::Range(probeCount + 3, kMaxTerminals));
    app.add_option("--samples", samples, "samples of each operation")
        ->check(CLI::Range(100, 1000000));
    app.add_option("--rss-connections", rssConnections,
                   "connection counts at which the controller's RSS is read (comma-separated)")
        ->delimiter(',')
        ->check(CLI::Range(0, kMaxTerminals));
    app.add_option("--interval-ms", intervalMs, "time from one sample's start to the next")
        ->check(CLI::Range(0.0, 1000.0));
    app.add_option("--issue-rate", issueRate,
                   "tickets per second issued by the background ticket machines together")
        ->check(CLI::Range(0.01, 200.0));
    app.add_option("--threads", threads, "threads sharing the background terminals")
        ->check(CLI::Range(1, 64));
    app.add_option("--seed", seed, "random seed of the background load");
    CLI11_PARSE(app, argc, argv);
    std::sort(rssConnections.begin(), rssConnections.end());
    rssConnections.erase(std::unique(rssConnections.begin(), rssConnections.end()),
                         rssConnections.end());

    try {
        std::printf("controllerbench (seed %u): callstationd over TLS WebSocket on loopback\n",
                    seed);
        raiseFileLimit();
        BenchDaemon daemon;
        const auto dataDirFs = fileSystemType(daemon.dataDir());
        std::vector<RssRow> rss;
        auto nextRss = rssConnections.begin();
        auto recordRss = [&](int connected, const std::string& state) {
            std::this_thread::sleep_for(500ms); // let the daemon settle after the last hello
            rss.push_back({connected, state, daemon.residentKiB()});
        };
        if (nextRss != rssConnections.end() && *nextRss == 0) {
            recordRss(0, "started, no terminal");
            ++nextRss;
        }

        const int background = terminals - probeCount;
        const int machines = (background + 2) / 3;
        BackgroundPool pool(threads, machines / issueRate, seed);
        ProbeSet probes;
        EnrollmentTiming loadTiming;
        int connected = 0;
        auto connectedOne = [&] {
            ++connected;
            if (nextRss != rssConnections.end() && *nextRss == connected &&
                connected <= terminals) {
                recordRss(connected, "connected, no tickets");
                ++nextRss;
            }
        };
        const auto loadStart = Clock::now();
        for (auto& spec : ProbeSet::specs(kProbeMachines)) {
            probes.add(enrollTerminal(daemon, std::move(spec), loadTiming));
            connectedOne();
        }
        for (int i = 0; i < background; ++i) {
            pool.add(enrollTerminal(daemon, backgroundSpec("bg", i), loadTiming));
            probes.tend();
            connectedOne();
        }
        loadTiming.wall = Clock::now() - loadStart;
        probes.signIn();

        // The echo frame is a call_next request as the probes send it: the same size both ways.
        EchoProbe echo(daemon, hall::protocol::encodeRequest(hall::protocol::Request{
                                   "c0123456789abcdef-12", hall::core::CallNext{1, false}}));
        pool.setIssuing(true);
        for (const auto until = Clock::now() + 1s; Clock::now() < until;) {
            probes.tend(); // warm-up: the background load gets going
            std::this_thread::sleep_for(50ms);
        }
        const auto interval = std::chrono::microseconds(static_cast<long>(intervalMs * 1000));
        const auto before = pool.report();
        const auto measureStart = Clock::now();
        FsyncProbe fsync(daemon.dataDir());
        auto issue = measureIssue(probes, echo, fsync, samples, interval);
        auto call = measureCallToPush(probes, echo, samples, interval);
        const std::chrono::duration<double> measureSeconds = Clock::now() - measureStart;
        pool.setIssuing(false);
        const auto during = pool.report();
        daemon.checkRunning();
        const long ticketsIssued = samples + static_cast<long>(during.issued);
        recordRss(connected, "after the load, " + std::to_string(ticketsIssued) + " tickets");
        for (auto& probe : probes.release())
            pool.add(std::move(probe));

        // More terminals, idle but enrolled and said hello, for the larger connection counts.
        EnrollmentTiming idleTiming;
        const auto idleStart = Clock::now();
        for (int i = 0; nextRss != rssConnections.end(); ++i) {
            if (*nextRss <= connected) {
                ++nextRss; // a count at or below the load's was taken on the way up
                continue;
            }
            pool.add(enrollTerminal(daemon, backgroundSpec("idle", i), idleTiming));
            ++connected;
            if (connected == *nextRss) {
                recordRss(connected, "connected, " + std::to_string(ticketsIssued) + " tickets");
                ++nextRss;
            }
        }
        idleTiming.wall = Clock::now() - idleStart;
        daemon.checkRunning();
        const auto report = pool.report();
        pool.stop();
        daemon.stop();

        if (!report.clean()) {
            std::fprintf(stderr,
                         "controllerbench: the background load went wrong, no figures: %d "
                         "terminals failed, %llu pushes missing (seq gaps), %llu dropped by the "
                         "client; first error: %s\n",
                         report.failed, static_cast<unsigned long long>(report.gaps),
                         static_cast<unsigned long long>(report.clientDropped),
                         report.firstError.empty() ? "-" : report.firstError.c_str());
            return 1;
        }

        std::printf("\nConnecting terminals (each: enrollment code by REST, then connect, enroll, "
                    "hello), ms per terminal\n");
        std::printf("  %-28s %6s %9s %10s %9s %8s %9s\n", "", "count", "code", "connect", "enroll",
                    "hello", "total s");
        printEnrollment("load (probes + background)", loadTiming);
        printEnrollment("idle, for the memory counts", idleTiming);
        EnrollmentTiming all = loadTiming;
        all.add(idleTiming);
        std::printf("  a connection (TCP + TLS + WebSocket upgrade + hello) takes %.2f ms\n",
                    (ms(all.connect) + ms(all.hello)) / all.terminals);

        const auto issueS = issue.operation.summary(), issueEcho = issue.echo.summary();
        const auto issueFsync = issue.fsync.summary();
        const auto callS = call.operation.summary(), callEcho = call.echo.summary();
        std::printf("\nLatency under load (%d terminals: %d probes, %d background; samples paced "
                    "at most one per "
                    "%.1f ms)\n",
                    terminals, probeCount, background, intervalMs);
        std::printf("  %-30s %8s %9s %9s %9s %9s\n", "", "samples", "p50 us", "p99 us", "mean us",
                    "max us");
        printRow("issue_ticket -> response", issueS);
        printRow("  echo round trip [1]", issueEcho);
        printRow("  write + fdatasync [2]", issueFsync);
        printRow("call_next -> board's push", callS);
        printRow("  echo round trip [1]", callEcho);
        printTarget("issue_ticket p50 / (fdatasync + echo) p50",
                    issueS.p50Us / (issueFsync.p50Us + issueEcho.p50Us), 3);
        printTarget("call_next -> push p99 / echo p99", callS.p99Us / callEcho.p99Us, 3);
        std::printf("  achieved: %.0f issue samples/s, %.0f call samples/s (a call sample is "
                    "call_next + finish)\n",
                    samples / issue.seconds, samples / call.seconds);
        std::printf("  the daemon commits every change to its data dir (%s) before it answers; "
                    "the boards\n  of a call have it once it is decided, while its commit is made "
                    "durable; queue counts\n  go out at most every 100 ms\n",
                    dataDirFs.c_str());
        if (dataDirFs == "tmpfs")
            std::printf("  note: the data dir is in memory; fsync costs nothing there\n");
        std::printf(
            "  [1] one WebSocket text frame of %zu bytes (a call_next request) through a "
            "plain echo server\n      on loopback, same TLS certificate and client code, "
            "taken after every sample\n      of the row above: what TLS and WebSocket cost "
            "without the hall controller\n",
            hall::protocol::encodeRequest(
                hall::protocol::Request{"c0123456789abcdef-12", hall::core::CallNext{1, false}})
                .size());
        std::printf("  [2] a 200-byte append and fdatasync in the daemon's data dir, after every "
                    "issue sample:\n      the least one durable commit costs\n");

        const double phaseSeconds = measureSeconds.count();
        std::printf("\nBackground load during the measurement (%.1f s)\n", phaseSeconds);
        std::printf("  %d terminals on %d threads; %llu tickets issued (%.1f/s), %llu pushes "
                    "read (%.0f/s)\n",
                    background, threads,
                    static_cast<unsigned long long>(during.issued - before.issued),
                    static_cast<double>(during.issued - before.issued) / phaseSeconds,
                    static_cast<unsigned long long>(during.pushes - before.pushes),
                    static_cast<double>(during.pushes - before.pushes) / phaseSeconds);
        std::printf("  whole run: %llu pushes, none missing; terminals failed: 0; slowest sweep "
                    "over a thread's terminals %.0f ms\n",
                    static_cast<unsigned long long>(report.pushes), report.slowestSweepMs);

        std::printf("\nController memory (VmRSS of callstationd)\n");
        std::printf("  %9s  %-34s %9s %18s\n", "terminals", "state", "RSS MiB",
                    "KiB per terminal [3]");
        for (std::size_t i = 0; i < rss.size(); ++i) {
            const auto& r = rss[i];
            std::printf("  %9d  %-34s %9.1f", r.terminals, r.state.c_str(),
                        static_cast<double>(r.kib) / 1024);
            if (i > 0 && r.terminals > rss[i - 1].terminals) {
                std::printf(" %18.1f\n", static_cast<double>(r.kib - rss[i - 1].kib) /
                                             (r.terminals - rss[i - 1].terminals));
            } else {
                std::printf(" %18s\n", "-");
            }
        }
        std::printf("  [3] growth over the row above, per terminal added (same hall state)\n");
    } catch (const std::exception& e) {
        std::fprintf(stderr, "controllerbench: %s\n", e.what());
        return 1;
    }
    return 0;
}
