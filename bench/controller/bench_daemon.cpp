#include "bench_daemon.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <spawn.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

extern char** environ;

namespace hall::bench {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

std::string readFile(const fs::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot read " + file.string());
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

fs::path freshDataDir() {
    std::random_device random;
    const auto dir = fs::temp_directory_path() /
                     ("controllerbench-" + std::to_string(random()) + std::to_string(random()));
    fs::create_directories(dir);
    return dir;
}

std::string describeStatus(int status) {
    if (WIFEXITED(status)) return "exit status " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) return std::string("signal ") + strsignal(WTERMSIG(status));
    return "status " + std::to_string(status);
}

} // namespace

BenchDaemon::BenchDaemon() : dataDir_(freshDataDir()) {
    try {
        std::string binary = CALLSTATIOND_PATH;
        std::vector<std::string> args{binary,      "--data-dir",      dataDir_.string(),
                                      "--config",  BENCH_HALL_CONFIG, "--listen",
                                      "127.0.0.1", "--port",          "0"};
        std::vector<char*> argv;
        for (auto& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        // The daemon logs every enrollment and connection: into its data dir, not over the report.
        const std::string log = (dataDir_ / "callstationd.log").string();
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                         O_WRONLY | O_CREAT | O_APPEND, 0600);
        posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
        const int e = posix_spawn(&pid_, binary.c_str(), &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        if (e != 0) {
            pid_ = -1;
            throw std::runtime_error("cannot start " + binary + ": " + std::strerror(e));
        }
        // The daemon writes its port file once it listens (creating the PKI comes first).
        const auto deadline = std::chrono::steady_clock::now() + 30s;
        while (!fs::exists(dataDir_ / "callstationd.port")) {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                throw std::runtime_error("callstationd exited during start-up (" +
                                         describeStatus(status) + ")" + logTail());
            }
            if (std::chrono::steady_clock::now() > deadline)
                throw std::runtime_error("callstationd did not listen within 30 s");
            std::this_thread::sleep_for(10ms);
        }
        port_ = static_cast<std::uint16_t>(std::stoi(readFile(dataDir_ / "callstationd.port")));
        caPem_ = readFile(dataDir_ / "pki/ca.crt");
        serverCertificatePem_ = readFile(dataDir_ / "pki/server.crt");
        serverKeyPem_ = readFile(dataDir_ / "pki/server.key");
        std::string admin = readFile(dataDir_ / "admin.credential");
        while (!admin.empty() && (admin.back() == '\n' || admin.back() == '\r'))
            admin.pop_back();
        admin_.emplace("localhost", port_, caPem_, admin);
    } catch (...) {
        if (pid_ > 0) {
            ::kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
        std::error_code ignored;
        fs::remove_all(dataDir_, ignored);
        throw;
    }
}

BenchDaemon::~BenchDaemon() {
    if (pid_ > 0) {
        ::kill(pid_, SIGTERM);
        int status = 0;
        for (int i = 0; i < 100 && waitpid(pid_, &status, WNOHANG) == 0; ++i)
            std::this_thread::sleep_for(50ms);
        if (waitpid(pid_, &status, WNOHANG) == 0) {
            ::kill(pid_, SIGKILL);
            waitpid(pid_, &status, 0);
        }
    }
    std::error_code ignored;
    fs::remove_all(dataDir_, ignored);
}

void BenchDaemon::stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error("callstationd ended with " + describeStatus(status) +
                                 " on SIGTERM" + logTail());
}

void BenchDaemon::checkRunning() {
    if (pid_ <= 0) throw std::runtime_error("callstationd is not running");
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        throw std::runtime_error("callstationd ended during the benchmark (" +
                                 describeStatus(status) + ")" + logTail());
    }
}

std::string BenchDaemon::logTail() const {
    std::ifstream in(dataDir_ / "callstationd.log");
    std::deque<std::string> last;
    for (std::string line; std::getline(in, line);) {
        last.push_back(std::move(line));
        if (last.size() > 8) last.pop_front();
    }
    std::string text = "; the end of its log:";
    for (const auto& line : last)
        text += "\n  " + line;
    return last.empty() ? std::string() : text;
}

long BenchDaemon::residentKiB() const {
    std::ifstream status("/proc/" + std::to_string(pid_) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6)); // "VmRSS:  1234 kB"
    }
    throw std::runtime_error("no VmRSS for callstationd (pid " + std::to_string(pid_) + ")");
}

std::string BenchDaemon::enrollmentCode(const std::string& name, const std::string& role,
                                        std::optional<int> window, const std::string& zone) {
    nlohmann::json body{{"name", name}, {"role", role}};
    if (window) body["window"] = *window;
    if (!zone.empty()) body["zone"] = zone;
    const auto reply = admin_->post("/api/v1/devices/enrollments", body.dump());
    if (reply.status != 201)
        throw std::runtime_error("enrollment of " + name + " refused (HTTP " +
                                 std::to_string(reply.status) + "): " + reply.body);
    return nlohmann::json::parse(reply.body).at("code").get<std::string>();
}

} // namespace hall::bench
