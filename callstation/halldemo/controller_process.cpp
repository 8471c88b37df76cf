#include "halldemo/controller_process.h"

#include "controller/data_dir.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace hall::demo {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

std::string readFile(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string lastLines(const fs::path& file, int count) {
    std::ifstream in(file);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    std::string out;
    for (auto i = lines.size() > static_cast<std::size_t>(count) ? lines.size() - static_cast<std::size_t>(count) : 0;
         i < lines.size(); ++i)
        out += "\n  " + lines[i];
    return out;
}

std::string clockArgument(const ControllerStart& start) {
    char text[48];
    std::snprintf(text, sizeof text, "%02d:%02d@%g", start.clockStartMinute / 60,
                  start.clockStartMinute % 60, start.clockSpeed);
    return text;
}

} // namespace

fs::path callstationdPath() {
    std::error_code ec;
    const auto self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto beside = self.parent_path() / "callstationd";
        if (fs::exists(beside, ec)) return beside;
    }
    return CALLSTATIOND_BUILD_PATH;
}

ControllerProcess::ControllerProcess(const ControllerStart& start) : dataDir_(start.dataDir) {
    namespace files = controller::files;
    fs::remove(dataDir_ / files::kPortFile); // left behind by a killed run
    const fs::path binary = callstationdPath();
    std::vector<std::string> args{binary.string(), "--data-dir", dataDir_.string(), "--listen",
                                  "127.0.0.1",     "--port",     "0",
                                  "--demo-clock",  clockArgument(start)};
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const std::string log = logFile().string();
    const pid_t parent = getpid();

    pid_ = fork();
    if (pid_ < 0) throw ControllerStartError(std::string("fork: ") + std::strerror(errno));
    if (pid_ == 0) {
        // The child: die with the demo, log to the file, then become callstationd. Only
        // async-signal-safe calls from here on.
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        // Its own process group: Ctrl-C at the terminal reaches the demo alone, which then
        // stops the daemon after fetching the report so far.
        setpgid(0, 0);
        if (getppid() != parent) _exit(1);
        const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (fd >= 0) {
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
        }
        execv(argv[0], argv.data());
        _exit(127);
    }

    const auto deadline = std::chrono::steady_clock::now() + 30s;
    for (;;) {
        const auto text = readFile(dataDir_ / files::kPortFile);
        if (!text.empty() && text.back() == '\n') {
            port_ = static_cast<std::uint16_t>(std::stoi(text));
            break;
        }
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw ControllerStartError(
                binary.string() +
                (WIFEXITED(status) && WEXITSTATUS(status) == 127 ? " could not be run"
                                                                 : " exited during start-up") +
                lastLines(logFile(), 8));
        }
        if (std::chrono::steady_clock::now() > deadline) {
            stop();
            throw ControllerStartError("callstationd did not listen within 30 s" +
                                       lastLines(logFile(), 8));
        }
        std::this_thread::sleep_for(20ms);
    }
    caPem_ = readFile(dataDir_ / files::kCaCertificate);
    adminCredential_ = readFile(dataDir_ / files::kAdminCredential);
    while (!adminCredential_.empty() && adminCredential_.back() == '\n')
        adminCredential_.pop_back();
}

ControllerProcess::~ControllerProcess() { stop(); }

fs::path ControllerProcess::logFile() const { return dataDir_ / "callstationd.log"; }

int ControllerProcess::stop() {
    if (pid_ <= 0) return -1;
    ::kill(pid_, SIGTERM);
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (waitpid(pid_, &status, WNOHANG) != pid_) {
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(pid_, SIGKILL);
            waitpid(pid_, &status, 0);
            break;
        }
        std::this_thread::sleep_for(20ms);
    }
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

} // namespace hall::demo
