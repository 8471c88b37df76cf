#pragma once
// The real callstationd for a test: started on loopback with a data directory of the test's own
// and the test hall configuration, and the clients a test talks to it with. Killing it (SIGKILL)
// and starting it again on the same directory is how the crash tests work.

#include "callstation/controller_process/controller_process.h"
#include "callstation/netclient/rest_client.h"
#include "callstation/netclient/terminal_connection.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <optional>
#include <string>

namespace hall::testing {

class DaemonProcess {
public:
    // Starts callstationd on `dataDir` with a copy of the test hall configuration (the reload
    // tests edit it) and `extraConfig` appended (bus lines, settings); returns when it listens.
    // `demoClock` (--demo-clock HH:MM@SPEED) pins the hall's time of day for tests of hours.
    explicit DaemonProcess(std::filesystem::path dataDir, const std::string& extraConfig = {},
                           const std::string& demoClock = {});

    void start() { process_.start(); }
    void kill() { process_.kill(); }
    int terminate() { return process_.stop(); } // SIGTERM; the exit status
    void signal(int sig) { process_.signal(sig); }
    bool running() { return process_.running(); }

    std::uint16_t port() const { return process_.port(); }
    const std::string& caPem() const { return process_.caPem(); }
    const std::string& adminCredential() const { return process_.adminCredential(); }
    std::filesystem::path configFile() const { return process_.dataDir() / "test-hall.toml"; }
    const std::filesystem::path& dataDir() const { return process_.dataDir(); }

    netclient::RestClient admin() const { return process_.admin(); }
    netclient::TerminalConnection connect() const;
    std::string enrollmentCode(const std::string& name, const std::string& role,
                               std::optional<int> window = {}, const std::string& zone = {}) const {
        return process_.enrollmentCode(name, role, window, zone);
    }
    // Enrolled and said hello; its snapshot push (seq 1) is still queued.
    netclient::TerminalConnection terminal(const std::string& name, const std::string& role,
                                           std::optional<int> window = {},
                                           const std::string& zone = {}) const;
    nlohmann::json status() const; // GET /api/v1/status

private:
    static ControllerLaunch launch(const std::filesystem::path& dataDir,
                                   const std::string& extraConfig, const std::string& demoClock);

    ControllerProcess process_;
};

} // namespace hall::testing
