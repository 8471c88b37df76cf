#pragma once
// The document printer (descriptor "docprint.cups"): one CUPS queue, A4 documents (certificates,
// filled-in forms) printed through it, each job followed to its end.
//
// The device is there while cupsd answers and the queue can print: it exists, accepts jobs, is
// not stopped, and its printer reports nothing that blocks printing (paper out, jam, cover
// open, offline; printer_reasons.h). Otherwise it is Lost, with the error a technician can act
// on ("paper_out": load paper, then cupsenable <queue>), and comes Back by itself once cupsd and
// the queue are fine again. The queue is looked at every statusInterval while idle.
//
// Jobs: print() puts a document in the device's own bounded queue and returns its ticket; the
// worker sends one job at a time (only while the device is there, so cupsd never collects jobs
// for a dead printer) and follows it (job_follower.h). Every ticket ends in exactly one of
// Completed, Failed (with the reason; the job was removed from cupsd so it cannot print later
// for nobody), Cancelled. A job still waiting in the device when the device has been Lost for
// longer than queuedTimeout (counted from print()) fails with the device's problem. A job whose
// submission met an unreachable cupsd or a closed queue goes back to the head of the queue.
// A job cupsd took and then could not be cancelled (cupsd died while following it) is cancelled
// when cupsd is back.
//
// Threads: job events go to the JobEventSink on the worker thread, except Queued (from print())
// and the Cancelled of a job still in the device's queue (from cancel() or stop()). Documents
// are wiped once sent or dropped (they carry the citizen's data).

#include "drivers/base/secure_wipe.h"
#include "drivers/base/worker_device.h"
#include "drivers/docprint/cups_connection.h"
#include "drivers/docprint/job_follower.h"
#include "drivers/docprint/print_types.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace hall::drivers::docprint {

struct DocumentPrinterConfig {
    std::string queue; // empty: the server's default queue
    CupsServer server = CupsServer::fromEnvironment();
    CupsTimeouts timeouts{};
    FollowPolicy follow{};
    std::chrono::milliseconds statusInterval{2000};
    std::chrono::milliseconds queuedTimeout{30000};
    std::size_t maxQueued = 16;
    ReopenPolicy reopen{};
};

struct PrintRequest {
    std::string title; // shown by lpstat and logged by cupsd: no personal data
    DocumentFormat format = DocumentFormat::Pdf;
    PrintOptions options{};
    SecureBytes document;       // the document, or empty to send `file`
    std::filesystem::path file; // read when the job is sent
};

class DocumentPrinterDevice final : public WorkerDevice {
public:
    using JobEventSink = std::function<void(const JobEvent&)>;

    DocumentPrinterDevice(DocumentPrinterConfig config, DeviceEventSink events,
                          JobEventSink jobEvents);
    ~DocumentPrinterDevice() override;

    // Cancels what is queued (Cancelled, code "device_stopped") after the worker stopped; a job
    // being printed is cancelled at cupsd by the worker itself.
    void stop() override;

    // Queues a document and returns its ticket (never 0). Throws std::invalid_argument (empty
    // document, bad options) or std::length_error (maxQueued jobs waiting); nothing is queued then.
    std::uint64_t print(PrintRequest request);

    // True when the ticket was waiting (now Cancelled) or is being printed (cancelled at cupsd;
    // its Cancelled follows from the worker). False for an unknown or finished ticket.
    bool cancel(std::uint64_t ticket);

    // The queue as last seen (nullopt before the first look).
    std::optional<QueueInfo> queueState() const;

private:
    struct Job {
        std::uint64_t ticket = 0;
        std::chrono::steady_clock::time_point queuedAt{};
        PrintRequest request;
    };

    void serve(std::stop_token stop, const std::function<void()>& ready) override;
    void serveOnce(std::stop_token stop, const std::function<void()>& ready);
    std::optional<Job> takeJob(std::stop_token stop);
    void runJob(CupsConnection& cups, const std::string& queue, Job job, std::stop_token stop);
    void expireQueued(const DeviceError& why);
    void cancelOrphans(CupsConnection& cups);
    void checkQueue(CupsConnection& cups, const std::string& queue);
    void emit(const JobEvent& event) const;

    DocumentPrinterConfig config_;
    JobEventSink jobEvents_;

    mutable std::mutex mutex_;
    std::condition_variable_any wake_;
    std::deque<Job> queued_;
    std::uint64_t nextTicket_ = 1;
    std::uint64_t current_ = 0;       // ticket being sent or followed
    std::uint64_t cancelCurrent_ = 0; // cancel() asked for this ticket
    std::optional<QueueInfo> queueState_;

    // Worker thread only.
    std::vector<int> orphans_; // cupsd job ids to cancel once cupsd answers again
    std::optional<DeviceError> lastProblem_;
};

} // namespace hall::drivers::docprint
