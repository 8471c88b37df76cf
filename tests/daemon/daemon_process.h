#pragma once
// The real callstationd, started as a child process on loopback with a data directory of the
// test's own, and the clients a test talks to it with. Killing it (SIGKILL) and starting it
// again on the same directory is how the crash tests work.

#include "netclient/rest_client.h"
#include "netclient/terminal_connection.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace hall::testing {

class DaemonProcess {
public:
    // Starts callstationd on `dataDir` with the test hall configuration; returns when it listens.
    explicit DaemonProcess(std::filesystem::path dataDir);
    ~DaemonProcess(); // SIGTERM, then waits

    void start();
    void kill();      // SIGKILL: no chance to finish anything
    int terminate();  // SIGTERM; the exit status
    void signal(int sig);
    bool running();

    std::uint16_t port() const { return port_; }
    const std::string& caPem() const { return caPem_; }
    const std::string& adminCredential() const { return admin_; }
    std::filesystem::path configFile() const { return dataDir_ / "test-hall.toml"; }

    netclient::RestClient admin() const;
    netclient::TerminalConnection connect() const;
    // A one-time code from the REST API for a device of this role and binding.
    std::string enrollmentCode(const std::string& name, const std::string& role,
                               std::optional<int> window = {}, const std::string& zone = {}) const;
    // Enrolled and said hello; its snapshot push (seq 1) is still queued.
    netclient::TerminalConnection terminal(const std::string& name, const std::string& role,
                                           std::optional<int> window = {},
                                           const std::string& zone = {}) const;
    nlohmann::json status() const; // GET /api/v1/status

private:
    std::filesystem::path dataDir_;
    int pid_ = -1;
    std::uint16_t port_ = 0;
    std::string caPem_;
    std::string admin_;
};

} // namespace hall::testing
