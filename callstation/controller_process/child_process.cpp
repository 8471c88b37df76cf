#include "callstation/controller_process/child_process.h"

#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace hall {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

ChildProcess::~ChildProcess() {
    stop();
}

void ChildProcess::start(const std::vector<std::string>& argv, const fs::path& log,
                         const std::vector<std::string>& environment) {
    if (pid_ > 0) return;
    // Everything the child needs is built before fork: after it, only async-signal-safe calls.
    std::vector<std::string> args = argv;
    std::vector<char*> argp;
    for (auto& a : args)
        argp.push_back(a.data());
    argp.push_back(nullptr);
    std::vector<std::string> env = environment;
    for (char** e = environ; *e; ++e) {
        const std::string entry = *e;
        const auto name = entry.substr(0, entry.find('=') + 1);
        bool overridden = false;
        for (const auto& own : environment)
            overridden = overridden || own.starts_with(name);
        if (!overridden) env.push_back(entry);
    }
    std::vector<char*> envp;
    for (auto& e : env)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    const std::string logFile = log.string();
    const pid_t parent = getpid();

    pid_ = fork();
    if (pid_ < 0) {
        pid_ = -1;
        throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
    }
    if (pid_ == 0) {
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (getppid() != parent) _exit(1);
        setpgid(0, 0);
        const int fd = open(logFile.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (fd >= 0) {
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
        }
        execve(argp[0], argp.data(), envp.data());
        _exit(127);
    }
}

int ChildProcess::stop(std::chrono::milliseconds grace) {
    if (pid_ <= 0) return -1;
    ::kill(pid_, SIGTERM);
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + grace;
    while (waitpid(pid_, &status, WNOHANG) != pid_) {
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid_, SIGKILL);
            waitpid(pid_, &status, 0);
            break;
        }
        std::this_thread::sleep_for(10ms);
    }
    lastStatus_ = status;
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void ChildProcess::kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    waitpid(pid_, &lastStatus_, 0);
    pid_ = -1;
}

void ChildProcess::signal(int sig) {
    if (pid_ > 0) ::kill(pid_, sig);
}

bool ChildProcess::running() {
    if (pid_ <= 0) return false;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) != pid_) return true;
    lastStatus_ = status;
    pid_ = -1;
    return false;
}

bool ChildProcess::couldNotRun() const {
    return WIFEXITED(lastStatus_) && WEXITSTATUS(lastStatus_) == 127;
}

std::string ChildProcess::exitDescription() const {
    if (WIFEXITED(lastStatus_)) return "exit status " + std::to_string(WEXITSTATUS(lastStatus_));
    if (WIFSIGNALED(lastStatus_)) return std::string("signal ") + strsignal(WTERMSIG(lastStatus_));
    return "status " + std::to_string(lastStatus_);
}

fs::path suiteProgram(const std::string& name, const fs::path& buildPath) {
    std::error_code ec;
    const auto self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto beside = self.parent_path() / name;
        if (fs::exists(beside, ec)) return beside;
    }
    return buildPath;
}

} // namespace hall
