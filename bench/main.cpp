// hallbench: how fast the hall's rules and their durable store are.
//
//   (a) call-next latency of the engine (decide + apply) with 100 windows, 20 services and
//       5,000 waiting tickets, against the same with 50 waiting: the ratio shows how the
//       routing cost grows with the queue;
//   (b) durable tickets per second through the store with group commit (batches of 1, 16, 64),
//       against the disk's own write+fdatasync rate measured in the same run and directory: the
//       ratio shows what the store adds to (or, batching, wins over) one fsync per ticket.

#include "bench/call_latency.h"
#include "bench/durable_rate.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <random>
#include <vector>

using namespace hall::bench;

namespace {

void printLatency(const std::vector<LatencyResult>& rows) {
    std::printf("\nCall-next latency (engine decide + apply; 100 windows, 20 services)\n");
    std::printf("  %-16s %9s %10s %10s %10s %10s\n", "waiting tickets", "samples", "p50 us",
                "p99 us", "mean us", "max us");
    for (const auto& row : rows) {
        const auto& r = row.latency;
        std::printf("  %-16d %9d %10.2f %10.2f %10.2f %10.1f\n", row.waiting, r.samples, r.p50Us,
                    r.p99Us, r.meanUs, r.maxUs);
    }
    const auto& big = rows.front().latency;
    const auto& small = rows.back().latency;
    std::printf("  ratio %d / %d waiting: p50 x%.2f, p99 x%.2f\n", rows.front().waiting,
                rows.back().waiting,
                big.p50Us / small.p50Us, big.p99Us / small.p99Us);
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"hallbench: call-next latency and durable ticket throughput"};
    int samples = 20000;
    int waiting = 5000;
    int baselineWaiting = 50;
    double seconds = 3.0;
    std::filesystem::path dir = std::filesystem::temp_directory_path();
    std::uint32_t seed = std::random_device{}();
    app.add_option("--samples", samples, "call-next samples per queue size")
        ->check(CLI::Range(100, 10000000));
    app.add_option("--waiting", waiting, "waiting tickets of the main measurement")
        ->check(CLI::Range(20, 1000000));
    app.add_option("--baseline-waiting", baselineWaiting, "waiting tickets of the baseline")
        ->check(CLI::Range(20, 1000000));
    app.add_option("--seconds", seconds,
                   "seconds of each durable measurement (its raw baseline takes as long)")
        ->check(CLI::Range(0.1, 600.0));
    app.add_option("--dir", dir, "directory for the throughput files (on the disk to measure)")
        ->check(CLI::ExistingDirectory);
    app.add_option("--seed", seed, "random seed of the latency runs");
    CLI11_PARSE(app, argc, argv);

    try {
        std::printf("hallbench (seed %u)\n", seed);
        printLatency({measureCallNext(waiting, samples, seed),
                      measureCallNext(baselineWaiting, samples, seed)});

        // Each batch size alternates with the raw baseline in slices, so that both see the same
        // background load; the raw rate of the same slices is the row's baseline.
        constexpr int kSlices = 6;
        const auto slice = std::chrono::milliseconds(static_cast<long>(seconds * 1000 / kSlices));
        std::printf("\nDurable tickets per second (WAL, synchronous=FULL) in %s (%s)\n",
                    dir.c_str(), fileSystemType(dir).c_str());
        std::printf("  %-24s %10s %8s %12s %16s %9s\n", "", "tickets", "seconds", "per second",
                    "raw fsync/s [1]", "ratio");
        RateResult rawTotal;
        for (const int batch : {1, 16, 64}) {
            DurableIssuer durable(dir, batch);
            RawSyncedWriter raw(dir);
            for (int i = 0; i < kSlices; ++i) {
                raw.run(slice);
                durable.run(slice);
            }
            const auto& r = durable.result();
            char label[64];
            std::snprintf(label, sizeof label, "batches of %d", batch);
            std::printf("  %-24s %10lld %8.2f %12.0f %16.0f %8.2fx\n", label,
                        static_cast<long long>(r.operations), r.seconds, r.perSecond(),
                        raw.result().perSecond(), r.perSecond() / raw.result().perSecond());
            rawTotal.add(raw.result());
        }
        std::printf("  [1] write(200 B) + fdatasync per write, measured in slices alternating with "
                    "the row's\n      own; over the whole run: %.0f per second\n",
                    rawTotal.perSecond());
        if (fileSystemType(dir) == "tmpfs") {
            std::printf("  note: %s is in memory; fsync costs nothing there, use --dir on a disk\n",
                        dir.c_str());
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "hallbench: %s\n", e.what());
        return 1;
    }
    return 0;
}
