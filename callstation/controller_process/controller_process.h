#pragma once
// callstationd as a child process, on a data directory of the caller's, listening on a free
// loopback port: how halldemo runs the hall, how the integration tests crash and restart it, how
// controllerbench loads it. Its log goes to callstationd.log in the data directory, so the
// caller's own output stays readable. It runs in its own process group (a Ctrl-C at the terminal
// reaches the caller alone, which stops it in order) and dies with the thread that started it
// even when the caller is killed (PR_SET_PDEATHSIG).

#include "callstation/controller_process/child_process.h"
#include "callstation/netclient/rest_client.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <sys/types.h>

namespace hall {

struct ControllerLaunch {
    std::filesystem::path dataDir;
    std::optional<std::filesystem::path> configFile; // --config; default DATA_DIR/hall.toml
    std::string demoClock;                           // --demo-clock HH:MM@SPEED; empty: real time
};

class ControllerStartError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class ControllerProcess {
public:
    // Starts it (see start()).
    explicit ControllerProcess(ControllerLaunch launch);
    ~ControllerProcess(); // stop()
    ControllerProcess(const ControllerProcess&) = delete;
    ControllerProcess& operator=(const ControllerProcess&) = delete;

    // Starts the daemon (again, after stop() or kill(), on the same data directory) and returns
    // once it listens. Throws ControllerStartError, with the log's last lines, when it exits or
    // does not listen within 30 s.
    void start();
    // SIGTERM and wait (SIGKILL after 10 s); the exit status (128 + signal when killed by one),
    // or -1 when it was not running.
    int stop();
    void kill(); // SIGKILL and wait: no chance to finish anything
    void signal(int sig);
    // False once it has exited; `exitDescription()` then says how.
    bool running();
    std::string exitDescription() const; // "exit status 1", "signal Segmentation fault"

    pid_t pid() const { return process_.pid(); }
    std::uint16_t port() const { return port_; }
    const std::string& caPem() const { return caPem_; }
    const std::string& adminCredential() const { return adminCredential_; }
    const std::filesystem::path& dataDir() const { return launch_.dataDir; }
    std::filesystem::path logFile() const;
    std::string logTail(int lines = 8) const; // the log's last lines, indented, for errors

    // A REST client with the admin credential of the data directory.
    netclient::RestClient admin() const;
    // A one-time enrollment code for a device of `role` ("window_pad", …), through the REST API.
    // Throws std::runtime_error when the controller refuses.
    std::string enrollmentCode(const std::string& name, const std::string& role,
                               std::optional<int> window = {}, const std::string& zone = {}) const;

private:
    mutable std::optional<netclient::RestClient> enrollments_; // kept open: codes come in bulk
    ControllerLaunch launch_;
    ChildProcess process_;
    std::uint16_t port_ = 0;
    std::string caPem_;
    std::string adminCredential_;
};

// callstationd beside this executable (installed), else the one of the build tree.
std::filesystem::path callstationdPath();

} // namespace hall
