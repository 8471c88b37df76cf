#pragma once
// callstationd as the demo's child process: started on a data directory with a scaled hall
// clock, listening on a free loopback port, its log in the data directory (the demo's own output
// stays readable). It dies with the demo even when the demo is killed (PR_SET_PDEATHSIG).

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace hall::demo {

struct ControllerStart {
    std::filesystem::path dataDir;
    int clockStartMinute = 8 * 60; // the hall clock's local time at start
    double clockSpeed = 1200.0;    // hall seconds per real second
};

class ControllerStartError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class ControllerProcess {
public:
    // Returns once the daemon listens; throws ControllerStartError (with the log's last lines)
    // when it exits or does not listen within 30 s.
    explicit ControllerProcess(const ControllerStart& start);
    ~ControllerProcess(); // stop()
    ControllerProcess(const ControllerProcess&) = delete;
    ControllerProcess& operator=(const ControllerProcess&) = delete;

    std::uint16_t port() const { return port_; }
    const std::string& caPem() const { return caPem_; }
    const std::string& adminCredential() const { return adminCredential_; }
    std::filesystem::path logFile() const;

    // SIGTERM and wait (SIGKILL after 10 s); the exit status, or -1 when already stopped.
    int stop();

private:
    std::filesystem::path dataDir_;
    int pid_ = -1;
    std::uint16_t port_ = 0;
    std::string caPem_;
    std::string adminCredential_;
};

// callstationd beside this executable (installed), else the one of the build tree.
std::filesystem::path callstationdPath();

} // namespace hall::demo
