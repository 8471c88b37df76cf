#include "daemon_process.h"

#include <csignal>
#include <fstream>
#include <spawn.h>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace hall::testing {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

std::string readFile(const fs::path& file) {
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace

DaemonProcess::DaemonProcess(fs::path dataDir) : dataDir_(std::move(dataDir)) { start(); }

DaemonProcess::~DaemonProcess() {
    if (pid_ > 0) terminate();
}

void DaemonProcess::start() {
    fs::create_directories(dataDir_);
    fs::remove(dataDir_ / "callstationd.port"); // left behind by a killed run
    std::string binary = CALLSTATIOND_PATH;
    std::string dataArg = dataDir_.string();
    // A copy the test may edit (the reload tests) without touching the source tree.
    const fs::path configCopy = dataDir_ / "test-hall.toml";
    if (!fs::exists(configCopy)) fs::copy_file(TEST_HALL_CONFIG, configCopy);
    std::string config = configCopy.string();
    std::vector<std::string> args{binary, "--data-dir", dataArg, "--config", config,
                                  "--listen", "127.0.0.1", "--port", "0"};
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, binary.c_str(), nullptr, nullptr, argv.data(), environ) != 0)
        throw std::runtime_error("cannot start " + binary);
    const auto deadline = std::chrono::steady_clock::now() + 20s;
    while (!fs::exists(dataDir_ / "callstationd.port")) {
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw std::runtime_error("callstationd exited during start-up");
        }
        if (std::chrono::steady_clock::now() > deadline) throw std::runtime_error("callstationd did not start");
        std::this_thread::sleep_for(10ms);
    }
    port_ = static_cast<std::uint16_t>(std::stoi(readFile(dataDir_ / "callstationd.port")));
    caPem_ = readFile(dataDir_ / "pki/ca.crt");
    admin_ = readFile(dataDir_ / "admin.credential");
    while (!admin_.empty() && admin_.back() == '\n') admin_.pop_back();
}

void DaemonProcess::signal(int sig) { ::kill(pid_, sig); }

void DaemonProcess::kill() {
    ::kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
}

int DaemonProcess::terminate() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

bool DaemonProcess::running() {
    if (pid_ <= 0) return false;
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return false;
    }
    return true;
}

netclient::RestClient DaemonProcess::admin() const {
    return netclient::RestClient("localhost", port_, caPem_, admin_);
}

netclient::TerminalConnection DaemonProcess::connect() const {
    return netclient::TerminalConnection::connect("localhost", port_, caPem_);
}

std::string DaemonProcess::enrollmentCode(const std::string& name, const std::string& role,
                                          std::optional<int> window, const std::string& zone) const {
    nlohmann::json body{{"name", name}, {"role", role}};
    if (window) body["window"] = *window;
    if (!zone.empty()) body["zone"] = zone;
    auto reply = admin().post("/api/v1/devices/enrollments", body.dump());
    if (reply.status != 201) throw std::runtime_error("enrollment refused: " + reply.body);
    return nlohmann::json::parse(reply.body).at("code").get<std::string>();
}

netclient::TerminalConnection DaemonProcess::terminal(const std::string& name, const std::string& role,
                                                      std::optional<int> window,
                                                      const std::string& zone) const {
    auto connection = connect();
    auto enrolled = connection.enroll(enrollmentCode(name, role, window, zone));
    connection.hello(enrolled.credential);
    return connection;
}

nlohmann::json DaemonProcess::status() const {
    auto reply = admin().get("/api/v1/status");
    if (reply.status != 200) throw std::runtime_error("status: " + reply.body);
    return nlohmann::json::parse(reply.body);
}

} // namespace hall::testing
