#include "callstation/controller_process/controller_process.h"

#include "callstation/controller/data_dir.h"

#include <nlohmann/json.hpp>

#include <chrono>
#include <deque>
#include <fstream>
#include <sstream>
#include <thread>
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

} // namespace

fs::path callstationdPath() { return suiteProgram("callstationd", CALLSTATIOND_BUILD_PATH); }

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
    if (process_.running()) return;
    fs::create_directories(launch_.dataDir);
    fs::remove(launch_.dataDir / files::kPortFile); // left behind by a killed run
    const fs::path binary = callstationdPath();
    std::vector<std::string> args{binary.string(), "--data-dir", launch_.dataDir.string(),
                                  "--listen", "127.0.0.1", "--port", "0"};
    if (launch_.configFile) args.insert(args.end(), {"--config", launch_.configFile->string()});
    if (!launch_.demoClock.empty()) args.insert(args.end(), {"--demo-clock", launch_.demoClock});
    try {
        process_.start(args, logFile());
    } catch (const std::runtime_error& e) {
        throw ControllerStartError(e.what());
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
                (process_.couldNotRun()
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

int ControllerProcess::stop() { return process_.stop(); }

void ControllerProcess::kill() { process_.kill(); }

void ControllerProcess::signal(int sig) { process_.signal(sig); }

bool ControllerProcess::running() { return process_.running(); }

std::string ControllerProcess::exitDescription() const { return process_.exitDescription(); }

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
