#pragma once
// Durable tickets per second through the store, and the physical baseline of the same disk.
// Both run in slices that the caller interleaves, so that the two rates are measured under the
// same background load (on a shared machine the disk's fsync rate can change tenfold in a minute).

#include "bench/file_system_type.h"
#include "shared/store/durable_engine.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace hall::bench {

struct RateResult {
    std::int64_t operations = 0;
    double seconds = 0;
    double perSecond() const { return seconds > 0 ? static_cast<double>(operations) / seconds : 0; }
    void add(const RateResult& other) {
        operations += other.operations;
        seconds += other.seconds;
    }
};

// IssueTicket commands through DurableEngine::executeBatch in batches of `batch` (one commit,
// one fsync per batch), on a fresh database in `dir` that is removed afterwards.
class DurableIssuer {
public:
    DurableIssuer(const std::filesystem::path& dir, int batch);
    ~DurableIssuer();
    DurableIssuer(const DurableIssuer&) = delete;
    DurableIssuer& operator=(const DurableIssuer&) = delete;

    void run(std::chrono::milliseconds budget); // adds to result()
    const RateResult& result() const { return result_; }

private:
    std::filesystem::path file_;
    int batch_;
    std::optional<store::DurableEngine> store_;
    core::Timestamp now_;
    std::size_t next_ = 0;
    RateResult result_;
};

// write() of a ~200-byte record (the size of a journal row) followed by fdatasync(), on a file
// in `dir`: what the disk allows for one durable write at a time.
class RawSyncedWriter {
public:
    explicit RawSyncedWriter(const std::filesystem::path& dir);
    ~RawSyncedWriter();
    RawSyncedWriter(const RawSyncedWriter&) = delete;
    RawSyncedWriter& operator=(const RawSyncedWriter&) = delete;

    void run(std::chrono::milliseconds budget); // adds to result()
    const RateResult& result() const { return result_; }

private:
    std::filesystem::path file_;
    int fd_ = -1;
    RateResult result_;
};

} // namespace hall::bench
