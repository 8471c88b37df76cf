#include "callstation/controller_process/controller_process.h"

#include "callstation/controller/data_dir.h"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace hall {

namespace fs = std::filesystem;
namespace files = controller::files;
using namespace std::chrono_literals;

namespace {

std::string readFile(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string describeStatus(int status) {
    if (WIFEXITED(status)) return "exit status " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return std::string("signal ") + strsignal(WTERMSIG(status));
    return "status " + std::to_string(status);
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

ControllerProcess::ControllerProcess(ControllerLaunch launch) : launch_(std::move(launch)) {
    start();
}

ControllerProcess::~ControllerProcess() { stop(); }

fs::path ControllerProcess::logFile() const { return launch_.dataDir / "callstationd.log"; }

std::string ControllerProcess::logTail(int lines) const {
    std::ifstream in(logFile());
    std::deque<std::string> last;
    for (std::string line; std::getline(in, line);) {
        last.push_back(std::move(line));
        if (last.size() > static_cast<std::size_t>(lines)) last.pop_front();
    }
    std::string text;
    for (const auto& line : last)
        text += "\n  " + line;
    return text;
}

void ControllerProcess::start() {
    if (pid_ > 0) return;
    fs::create_directories(launch_.dataDir);
    fs::remove(launch_.dataDir / files::kPortFile); // left behind by a killed run
    const fs::path binary = callstationdPath();
    std::vector<std::string> args{binary.string(), "--data-dir", launch_.dataDir.string(),
                                  "--listen", "127.0.0.1", "--port", "0"};
    if (launch_.configFile) args.insert(args.end(), {"--config", launch_.configFile->string()});
    if (!launch_.demoClock.empty()) args.insert(args.end(), {"--demo-clock", launch_.demoClock});
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const std::string log = logFile().string();
    const pid_t parent = getpid();

    pid_ = fork();
    if (pid_ < 0) {
        pid_ = -1;
        throw ControllerStartError(std::string("fork: ") + std::strerror(errno));
    }
    if (pid_ == 0) {
        // The child: only async-signal-safe calls until exec.
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (getppid() != parent) _exit(1);
        setpgid(0, 0);
        const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (fd >= 0) {
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
        }
        execv(argv[0], argv.data());
        _exit(127);
    }

    // The daemon writes its port file, newline-terminated, once it listens (the PKI first).
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    for (;;) {
        const auto text = readFile(launch_.dataDir / files::kPortFile);
        if (!text.empty() && text.back() == '\n') {
            port_ = static_cast<std::uint16_t>(std::stoi(text));
            break;
        }
        if (!running()) {
            throw ControllerStartError(
                binary.string() +
                (WIFEXITED(lastStatus_) && WEXITSTATUS(lastStatus_) == 127
                     ? " could not be run"
                     : " exited during start-up (" + exitDescription() + ")") +
                logTail());
        }
        if (std::chrono::steady_clock::now() > deadline) {
            kill();
            throw ControllerStartError("callstationd did not listen within 30 s" + logTail());
        }
        std::this_thread::sleep_for(10ms);
    }
    enrollments_.reset();
    caPem_ = readFile(launch_.dataDir / files::kCaCertificate);
    adminCredential_ = readFile(launch_.dataDir / files::kAdminCredential);
    while (!adminCredential_.empty() && adminCredential_.back() == '\n')
        adminCredential_.pop_back();
}

void ControllerProcess::reap(int status) {
    lastStatus_ = status;
    pid_ = -1;
}

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
        std::this_thread::sleep_for(10ms);
    }
    reap(status);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void ControllerProcess::kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    reap(status);
}

void ControllerProcess::signal(int sig) {
    if (pid_ > 0) ::kill(pid_, sig);
}

bool ControllerProcess::running() {
    if (pid_ <= 0) return false;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) != pid_) return true;
    reap(status);
    return false;
}

std::string ControllerProcess::exitDescription() const { return describeStatus(lastStatus_); }

netclient::RestClient ControllerProcess::admin() const {
    return netclient::RestClient("localhost", port_, caPem_, adminCredential_);
}

std::string ControllerProcess::enrollmentCode(const std::string& name, const std::string& role,
                                              std::optional<int> window,
                                              const std::string& zone) const {
    nlohmann::json body{{"name", name}, {"role", role}};
    if (window) body["window"] = *window;
    if (!zone.empty()) body["zone"] = zone;
    if (!enrollments_) enrollments_.emplace(admin());
    const auto reply = enrollments_->post("/api/v1/devices/enrollments", body.dump());
    if (reply.status != 201)
        throw std::runtime_error("enrolling " + name + " refused (HTTP " +
                                 std::to_string(reply.status) + "): " + reply.body);
    return nlohmann::json::parse(reply.body).at("code").get<std::string>();
}

} // namespace hall
