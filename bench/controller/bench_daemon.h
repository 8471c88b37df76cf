#pragma once
// The real callstationd as a child of a benchmark (controllerbench, padbench): a fresh data
// directory under the system's temp directory (removed again at the end), the bench hall
// configuration, loopback, any free port. The child inherits the benchmark's RLIMIT_NOFILE, so
// raise that before starting it.

#include "callstation/controller_process/controller_process.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace hall::bench {

class BenchDaemon {
public:
    // Starts callstationd and returns once it listens; throws when it does not start in time.
    BenchDaemon();
    ~BenchDaemon(); // stops it, removes the data dir
    BenchDaemon(const BenchDaemon&) = delete;
    BenchDaemon& operator=(const BenchDaemon&) = delete;

    // SIGTERM and wait; throws unless it exits with status 0 (a crash under load must not pass
    // for a finished benchmark).
    void stop();
    // Throws when the daemon has exited (checked between the benchmark's phases).
    void checkRunning();

    const std::filesystem::path& dataDir() const { return process_->dataDir(); }
    std::uint16_t port() const { return process_->port(); }
    const std::string& caPem() const { return process_->caPem(); }
    // The daemon's own server certificate and key: the baseline echo server presents them, so
    // that both sides of the comparison do the same TLS work.
    const std::string& serverCertificatePem() const { return serverCertificatePem_; }
    const std::string& serverKeyPem() const { return serverKeyPem_; }

    // VmRSS of the daemon from /proc/PID/status, in KiB.
    long residentKiB() const;

    // A REST client with the admin credential of the data dir (staff PINs, reports).
    netclient::RestClient admin() const { return process_->admin(); }

    // One-time enrollment code for a device (REST API, admin credential of the data dir).
    std::string enrollmentCode(const std::string& name, const std::string& role,
                               std::optional<int> window, const std::string& zone) {
        return process_->enrollmentCode(name, role, window, zone);
    }

private:
    std::filesystem::path dataDir_;
    std::optional<ControllerProcess> process_;
    std::string serverCertificatePem_;
    std::string serverKeyPem_;
};

} // namespace hall::bench
