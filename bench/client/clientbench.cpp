// clientbench: what a terminal pays to never lose a request — the outbox and the leased
// numbers of shared/client on the terminal's SQLite file — against the bare durable write it
// cannot do without.
//
//   baseline      one INSERT of the same encoded frame into a one-column table, committed on its
//                 own, on the same database (WAL, synchronous=FULL): the fsync every durable
//                 request costs in any design
//   outbox        Outbox::enqueue of a `rate` request (encode, check, insert, commit)
//   replay done   Outbox::complete once the controller answered (the entry leaves)
//   offline issue LeasePool::issue: the next leased number taken and its issue_leased_ticket
//                 report queued, in one transaction, before the number may be printed
//
// The ratio (mean / baseline mean) is the outbox's own cost on top of the disk's.

#include "bench/latency_samples.h"
#include "shared/protocol/codec.h"
#include "shared/protocol/messages.h"
#include "shared/terminal/lease_pool.h"
#include "shared/terminal/outbox.h"
#include "shared/store/database.h"

#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

using namespace hall;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::int64_t kNowMs = 1'795'000'000'000; // a fixed instant: no clock in the figures

protocol::Request rateRequest(int i) {
    core::Rate rate;
    rate.ticket = static_cast<core::TicketId>(1000 + i);
    rate.level = core::RatingLevel::VerySatisfied;
    rate.reasons = {"efficient", "polite"};
    return protocol::Request{"bench-rate-" + std::to_string(i), rate};
}

template <typename Op> bench::LatencySummary measure(int n, Op op) {
    bench::LatencySamples samples;
    samples.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        const auto start = Clock::now();
        op(i);
        samples.add(Clock::now() - start);
    }
    return samples.summary();
}

void printRow(const char* name, const bench::LatencySummary& s, double baselineMeanUs) {
    std::printf("  %-14s %8.1f %8.1f %8.1f %8.1f   %5.2f×\n", name, s.p50Us, s.p99Us, s.meanUs,
                s.maxUs, s.meanUs / baselineMeanUs);
}

} // namespace

int main(int argc, char** argv) {
    CLI::App cli{"clientbench: the terminal's outbox and leased numbers against a bare durable "
                 "insert"};
    int n = 1000;
    std::string dirOption;
    cli.add_option("-n,--count", n, "operations of each kind")->check(CLI::Range(10, 100000));
    cli.add_option("--dir", dirOption, "where the database goes (default: a temporary directory)");
    CLI11_PARSE(cli, argc, argv);

    const auto dir = dirOption.empty() ? std::filesystem::temp_directory_path() /
                                             ("clientbench-" + std::to_string(getpid()))
                                       : std::filesystem::path(dirOption);
    std::filesystem::create_directories(dir);
    try {
        auto db = store::Database::open(dir / "terminal.db");
        client::Outbox outbox(db, static_cast<std::size_t>(n) * 2 + 10);
        client::LeasePool pool(db, outbox);
        db.exec("CREATE TABLE IF NOT EXISTS bench_raw (frame TEXT NOT NULL)");
        const std::string frame = protocol::encodeRequest(rateRequest(0));

        auto insert = db.prepare("INSERT INTO bench_raw (frame) VALUES (?)");
        const auto baseline = measure(n, [&](int) {
            insert.reset();
            insert.bind(1, frame).run();
        });
        const auto enqueue = measure(n, [&](int i) { outbox.enqueue(rateRequest(i), kNowMs + i); });
        const auto complete = measure(n, [&](int i) {
            if (!outbox.complete("bench-rate-" + std::to_string(i)))
                throw std::runtime_error("an enqueued request was not in the outbox");
        });

        // Leases of 200 numbers (the protocol's largest), as many as the run needs.
        const std::string day = "2026-11-23";
        for (int lease = 0; lease * 200 < n; ++lease) {
            protocol::LeaseView view{static_cast<core::LeaseId>(lease + 1), "permits", day, {}};
            for (int k = 0; k < 200; ++k)
                view.numbers.push_back("A" + std::to_string(lease * 200 + k + 1));
            pool.addLease(view, kNowMs);
        }
        const auto issue = measure(n, [&](int i) {
            if (!pool.issue("permits", day, {}, kNowMs + i, "bench-issue-" + std::to_string(i)))
                throw std::runtime_error("the lease pool ran dry");
        });

        std::printf("clientbench: %d operations each, SQLite WAL synchronous=FULL in %s\n", n,
                    dir.c_str());
        std::printf("  %-14s %8s %8s %8s %8s   %s\n", "µs per op", "p50", "p99", "mean", "max",
                    "vs baseline");
        printRow("baseline", baseline, baseline.meanUs);
        printRow("outbox", enqueue, baseline.meanUs);
        printRow("replay done", complete, baseline.meanUs);
        printRow("offline issue", issue, baseline.meanUs);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "clientbench: %s\n", e.what());
        if (dirOption.empty()) std::filesystem::remove_all(dir);
        return 1;
    }
    if (dirOption.empty()) std::filesystem::remove_all(dir);
    return 0;
}
