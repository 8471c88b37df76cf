#pragma once
// A program run as a child of a tool (the demo, the integration tests, the benchmarks): in a
// process group of its own, so that a Ctrl-C at the terminal reaches the tool alone and the tool
// stops its children in order; its output appended to a log file; and killed with the thread that
// started it even when the tool itself is killed (PR_SET_PDEATHSIG).

#include <chrono>
#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

namespace hall {

class ChildProcess {
public:
    ChildProcess() = default;
    ~ChildProcess(); // stop()
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // Runs argv[0] with the environment of this process plus `environment` ("NAME=value", which
    // win over inherited ones). Throws std::runtime_error when it cannot fork; a program that
    // cannot be run exits with status 127.
    void start(const std::vector<std::string>& argv, const std::filesystem::path& log,
               const std::vector<std::string>& environment = {});
    // SIGTERM and wait (SIGKILL after `grace`): the exit status (128 + signal when killed by
    // one), or -1 when it was not running.
    int stop(std::chrono::milliseconds grace = std::chrono::seconds(10));
    void kill(); // SIGKILL and wait
    void signal(int sig);
    // False once it has exited; exitDescription() then says how.
    bool running();
    bool couldNotRun() const;            // it exited with 127: exec failed
    std::string exitDescription() const; // "exit status 1", "signal Segmentation fault"
    pid_t pid() const { return pid_; }

private:
    pid_t pid_ = -1;
    int lastStatus_ = 0;
};

// A program of the suite: beside the running executable when installed, else where the build
// tree put it.
std::filesystem::path suiteProgram(const std::string& name, const std::filesystem::path& buildPath);

} // namespace hall
