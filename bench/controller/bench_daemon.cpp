#include "bench/controller/bench_daemon.h"

#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>

namespace hall::bench {

namespace fs = std::filesystem;

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
                     ("hall-bench-daemon-" + std::to_string(random()) + std::to_string(random()));
    fs::create_directories(dir);
    return dir;
}

} // namespace

BenchDaemon::BenchDaemon() : dataDir_(freshDataDir()) {
    try {
        process_.emplace(ControllerLaunch{dataDir_, fs::path(BENCH_HALL_CONFIG), {}});
        serverCertificatePem_ = readFile(dataDir_ / "pki/server.crt");
        serverKeyPem_ = readFile(dataDir_ / "pki/server.key");
    } catch (...) {
        process_.reset();
        std::error_code ignored;
        fs::remove_all(dataDir_, ignored);
        throw;
    }
}

BenchDaemon::~BenchDaemon() {
    process_.reset();
    std::error_code ignored;
    fs::remove_all(dataDir_, ignored);
}

void BenchDaemon::stop() {
    if (process_->stop() != 0)
        throw std::runtime_error("callstationd ended with " + process_->exitDescription() +
                                 " on SIGTERM; the end of its log:" + process_->logTail());
}

void BenchDaemon::checkRunning() {
    if (!process_->running())
        throw std::runtime_error("callstationd ended during the benchmark (" +
                                 process_->exitDescription() +
                                 "); the end of its log:" + process_->logTail());
}

long BenchDaemon::residentKiB() const {
    const auto pid = std::to_string(process_->pid());
    std::ifstream status("/proc/" + pid + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6)); // "VmRSS:  1234 kB"
    }
    throw std::runtime_error("no VmRSS for callstationd (pid " + pid + ")");
}

} // namespace hall::bench
