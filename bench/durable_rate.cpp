#include "bench/durable_rate.h"

#include "bench/bench_hall.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <unistd.h>
#include <vector>

namespace hall::bench {

namespace {

using namespace std::chrono;
using Clock = steady_clock;

void removeDatabase(const std::filesystem::path& file) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        std::filesystem::remove(file.string() + suffix, ignored);
    }
}

double secondsSince(Clock::time_point start) {
    return duration_cast<duration<double>>(Clock::now() - start).count();
}

} // namespace

DurableIssuer::DurableIssuer(const std::filesystem::path& dir, int batch)
    : file_(dir / ("hallbench-batch" + std::to_string(batch) + ".db")), batch_(batch),
      now_(benchMorning()) {
    removeDatabase(file_);
    store::StoreOptions options;
    options.path = file_;
    store_.emplace(store::DurableEngine::open(options, benchHall(100, 20), benchZone(), now_));
}

DurableIssuer::~DurableIssuer() {
    store_.reset();
    removeDatabase(file_);
}

void DurableIssuer::run(milliseconds budget) {
    const auto& services = store_->engine().config().services;
    std::vector<store::TimedCommand> commands(static_cast<std::size_t>(batch_));
    const auto start = Clock::now();
    const auto deadline = start + budget;
    while (Clock::now() < deadline) {
        for (auto& c : commands) {
            core::IssueTicket issue;
            issue.serviceId = services[next_++ % services.size()].id;
            issue.sourceDevice = "bench";
            // Command time advances 1 ms per ticket from 08:00: even a million tickets stay on
            // one business day.
            now_ += milliseconds(1);
            c = {issue, now_};
        }
        for (const auto& r : store_->executeBatch(commands)) {
            if (!r) throw std::runtime_error("issue refused: " + r.error().message);
            ++result_.operations;
        }
    }
    result_.seconds += secondsSince(start);
}

RawSyncedWriter::RawSyncedWriter(const std::filesystem::path& dir)
    : file_(dir / "hallbench-raw.bin") {
    fd_ = ::open(file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0600);
    if (fd_ < 0) {
        throw std::runtime_error("cannot create " + file_.string() + ": " + std::strerror(errno));
    }
}

RawSyncedWriter::~RawSyncedWriter() {
    ::close(fd_);
    std::error_code ignored;
    std::filesystem::remove(file_, ignored);
}

void RawSyncedWriter::run(milliseconds budget) {
    char record[200];
    std::memset(record, 'x', sizeof record);
    record[sizeof record - 1] = '\n';
    const auto start = Clock::now();
    const auto deadline = start + budget;
    while (Clock::now() < deadline) {
        if (::write(fd_, record, sizeof record) != static_cast<ssize_t>(sizeof record) ||
            ::fdatasync(fd_) != 0) {
            throw std::runtime_error("writing " + file_.string() + ": " + std::strerror(errno));
        }
        ++result_.operations;
    }
    result_.seconds += secondsSince(start);
}

} // namespace hall::bench
