#pragma once
// A private cupsd for the tests and the demo, with three queues that stand in for printers:
//
//   hall-file     pass-through queue to a file: device. The file gets exactly the bytes of the
//                 last job (each job replaces it). Its PPD maps every input type the driver
//                 sends (raw, PDF, octet-stream) to gziptoany at cost 0, which copies the data
//                 as it is; a "-m raw" queue would not do: cupsd writes nothing to a file: device
//                 for a queue without filters.
//   hall-network  raw queue to socket://127.0.0.1:PORT, a SocketPrinter (a network printer's
//                 port 9100) that keeps each job and can go offline.
//   hall-twin     a printer that can run out of paper: its backend (hall-twin, installed into
//                 the sandbox's own ServerBin) writes each job to twin/job-<id>.bin, or, while
//                 paper is out, reports media-empty-error and exits with code 4, on which cupsd
//                 stops the queue and keeps the job, as with a real printer's backend.
//
// cupsd runs in the foreground (-f) with its own cupsd.conf and cups-files.conf under a
// directory of its own: config, spool, cache, state, logs, the unix socket clients use
// (CUPS_SERVER=<root>/cups.sock) and, unless turned off, 127.0.0.1:<free port>. Nothing of the
// machine's CUPS is touched and a machine-wide cupsd may run alongside. Started by the
// constructor, which returns once cupsd answers and the queues exist (bounded); stopped by the
// destructor (SIGTERM, then SIGKILL); told to die with the thread that started it
// (PR_SET_PDEATHSIG), so an aborted test leaves no daemon behind: start it from a thread that
// lives as long as the sandbox (the main thread, in a test program).
//
// Run as root, cupsd runs filters and most backends as the user "lp": the directory is made
// world-traversable, and the hall-twin backend is installed with mode 0700 so that cupsd runs it
// as root (its rule for backends that need to be), writing into a directory only root can.
// Queue administration goes over IPP like lpadmin / cupsdisable / cupsreject would.

#include "drivers/docprint/cups_connection.h"
#include "drivers/docprint/twin/socket_printer.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <sys/types.h>
#include <vector>

namespace hall::drivers::docprint::twin {

struct CupsSandboxOptions {
    std::filesystem::path root; // empty: a fresh directory under the temp dir, removed at the end
    bool listenTcp = true;      // also Listen 127.0.0.1:<free port>
    std::chrono::milliseconds startTimeout{15000};
};

class CupsSandbox {
public:
    static constexpr const char* kFileQueue = "hall-file";
    static constexpr const char* kNetworkQueue = "hall-network";
    static constexpr const char* kTwinQueue = "hall-twin";

    // Throws std::runtime_error with the end of cupsd's error log when cupsd does not come up.
    explicit CupsSandbox(CupsSandboxOptions options = {});
    ~CupsSandbox();
    CupsSandbox(const CupsSandbox&) = delete;
    CupsSandbox& operator=(const CupsSandbox&) = delete;

    const std::filesystem::path& root() const { return root_; }
    std::filesystem::path socketPath() const { return root_ / "cups.sock"; }
    std::uint16_t tcpPort() const { return tcpPort_; } // 0 when not listening on TCP
    CupsServer server() const { return CupsServer{socketPath().string(), 631}; }

    // hall-file: what the last job wrote.
    std::filesystem::path fileQueueOutput() const { return root_ / "out" / "hall-file.out"; }
    // hall-network: the printer behind it.
    SocketPrinter& networkPrinter() { return *network_; }
    // hall-twin: paper in or out; the files of the jobs it printed, oldest first.
    void setPaperOut(bool out);
    std::vector<std::filesystem::path> twinOutputs() const;

    // As cupsdisable / cupsenable / cupsreject / cupsaccept. A request cupsd drops unanswered
    // is sent again for up to 5 s; then, or when cupsd refuses it, these throw.
    void pauseQueue(const std::string& queue);
    void resumeQueue(const std::string& queue);
    void rejectJobs(const std::string& queue);
    void acceptJobs(const std::string& queue);
    // As lpadmin -d: the queue clients use when they name none.
    void setDefaultQueue(const std::string& queue);

    // Stop (SIGTERM; SIGKILL after 5 s) and start again on the same configuration, spool and
    // queues. startDaemon() returns once cupsd answers again.
    void stopDaemon();
    void startDaemon();
    bool running() const { return pid_ > 0; }
    std::chrono::milliseconds lastStartupTime() const { return startup_; }

    // The end of cupsd's error log, for a failing test's message.
    std::string errorLogTail(std::size_t bytes = 4000) const;

private:
    void writeConfiguration();
    void installServerBin();
    void addQueues();
    void adminRequest(ipp_op_t op, const std::string& queue);

    CupsSandboxOptions options_;
    std::filesystem::path root_;
    bool ownsRoot_ = false;
    std::uint16_t tcpPort_ = 0;
    pid_t pid_ = -1;
    std::chrono::milliseconds startup_{0};
    std::unique_ptr<SocketPrinter> network_;
};

} // namespace hall::drivers::docprint::twin
