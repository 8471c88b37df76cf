#pragma once
// devsim as a child process for one test, killed with the test process if that dies first;
// stopped with SIGTERM (as a service manager would) when the test is done.

#include <chrono>
#include <filesystem>
#include <signal.h>
#include <string>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace hall::testing {

class DevsimProcess {
public:
    DevsimProcess(const std::string& binary, std::vector<std::string> args) {
        args.insert(args.begin(), binary);
        pid_ = ::fork();
        if (pid_ == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            std::vector<char*> argv;
            for (auto& a : args)
                argv.push_back(a.data());
            argv.push_back(nullptr);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
    }
    ~DevsimProcess() { terminate(); }
    DevsimProcess(const DevsimProcess&) = delete;
    DevsimProcess& operator=(const DevsimProcess&) = delete;
    bool started() const { return pid_ > 0; }

    // SIGTERM and wait: the exit status (128 + signal when killed). devsim exits 0 on SIGTERM.
    int terminate() {
        if (pid_ <= 0) return -1;
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }

private:
    pid_t pid_ = -1;
};

inline bool waitForPath(const std::filesystem::path& p,
                        std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (!std::filesystem::exists(p)) {
        if (std::chrono::steady_clock::now() > until) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return true;
}

} // namespace hall::testing
