#include "tests/drivers/support/pcscd_fixture.h"

#include <algorithm>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <iterator>
#include <signal.h>
#include <stdexcept>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>
#include <winscard.h>

namespace hall::testing {

namespace {

constexpr auto kStartTimeout = std::chrono::seconds(10);
// vpcd binds its port without SO_REUSEADDR: after the pcscd before this one, the port stays
// taken while its last connections sit in TIME_WAIT (60 s on Linux).
constexpr std::chrono::seconds kPortFreedWithin{75};
constexpr auto kStopTimeout = std::chrono::seconds(5);

bool waitForExit(pid_t pid, std::chrono::milliseconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < until) {
        int status = 0;
        const pid_t r = waitpid(pid, &status, WNOHANG);
        if (r == pid || (r < 0 && errno == ECHILD)) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

} // namespace

bool Pcscd::readerListed(const char* name) {
    SCARDCONTEXT ctx = 0;
    if (SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &ctx) != SCARD_S_SUCCESS)
        return false;
    DWORD size = 0;
    bool found = false;
    if (SCardListReaders(ctx, nullptr, nullptr, &size) == SCARD_S_SUCCESS) {
        std::vector<char> buf(size + 1, '\0');
        if (SCardListReaders(ctx, nullptr, buf.data(), &size) == SCARD_S_SUCCESS)
            for (const char* p = buf.data(); *p != '\0'; p += std::strlen(p) + 1)
                found = found || std::strcmp(p, name) == 0;
    }
    SCardReleaseContext(ctx);
    return found;
}

bool Pcscd::waitForCard(bool present, std::chrono::milliseconds timeout) {
    SCARDCONTEXT ctx = 0;
    if (SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &ctx) != SCARD_S_SUCCESS)
        return false;
    SCARD_READERSTATE state{};
    state.szReader = kReader;
    state.dwCurrentState = SCARD_STATE_UNAWARE;
    const auto until = std::chrono::steady_clock::now() + timeout;
    bool reached = false;
    while (!reached && std::chrono::steady_clock::now() < until) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            until - std::chrono::steady_clock::now());
        const LONG rv = SCardGetStatusChange(
            ctx, static_cast<DWORD>(std::max<long>(left.count(), 1)), &state, 1);
        if (rv != SCARD_S_SUCCESS) break;
        reached = ((state.dwEventState & SCARD_STATE_PRESENT) != 0) == present;
        state.dwCurrentState = state.dwEventState & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
    }
    SCardReleaseContext(ctx);
    return reached;
}

Pcscd& Pcscd::instance() {
    static Pcscd pcscd;
    return pcscd;
}

Pcscd::Pcscd() {
    SCARDCONTEXT ctx = 0;
    if (SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &ctx) == SCARD_S_SUCCESS) {
        SCardReleaseContext(ctx);
        if (!readerListed(kReader))
            throw std::runtime_error(
                std::string("a pcscd is already running but has no reader \"") + kReader +
                "\": install vsmartcard-vpcd (scripts/bootstrap.sh) and restart that pcscd");
        return; // someone else's: use it, never stop it
    }
    log_ = std::filesystem::temp_directory_path() /
           ("hall-smartcard-pcscd-" + std::to_string(getpid()) + ".log");
    start();
}

Pcscd::~Pcscd() {
    if (pid_ <= 0) return;
    stopRunning();
}

void Pcscd::start() {
    if (log_.empty()) throw std::logic_error("Pcscd::start: this pcscd belongs to someone else");
    const auto begin = std::chrono::steady_clock::now();
    // vpcd's port can still be held after the pcscd before this one (kPortFreedWithin); such a
    // pcscd runs without the reader and never lists it. It is stopped and started again while
    // the port frees up.
    for (;;) {
        if (startOnce(begin)) return;
        if (!portWasBusy() || std::chrono::steady_clock::now() - begin > kPortFreedWithin) break;
        stopRunning();
        std::this_thread::sleep_for(std::chrono::seconds(1));
    }
    throw std::runtime_error(std::string("pcscd did not list \"") + kReader + "\" within " +
                             std::to_string(kStartTimeout.count()) + " s (see " + log_.string() +
                             ")");
}

bool Pcscd::startOnce(std::chrono::steady_clock::time_point begin) {
    const auto attemptBegin = std::chrono::steady_clock::now();
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed for pcscd");
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent) _exit(1);
        const int fd = open(log_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
        if (fd >= 0) {
            dup2(fd, STDOUT_FILENO);
            dup2(fd, STDERR_FILENO);
        }
        execl(HALL_PCSCD_PATH, "pcscd", "-f", static_cast<char*>(nullptr));
        _exit(127);
    }
    pid_ = pid;
    while (std::chrono::steady_clock::now() - attemptBegin < kStartTimeout) {
        if (readerListed(kReader)) {
            startup_ = std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::steady_clock::now() - begin);
            return true;
        }
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            throw std::runtime_error("pcscd exited at start (see " + log_.string() + ")");
        }
        if (portWasBusy()) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return false;
}

bool Pcscd::portWasBusy() const {
    std::ifstream log(log_);
    const std::string text((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
    return text.find("Address already in use") != std::string::npos;
}

void Pcscd::stopRunning() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    if (!waitForExit(pid_, kStopTimeout)) {
        ::kill(pid_, SIGKILL);
        waitForExit(pid_, kStopTimeout);
    }
    pid_ = -1;
    std::error_code ignored;
    std::filesystem::remove(log_, ignored); // the next attempt's log starts clean
}

void Pcscd::kill() {
    if (pid_ <= 0)
        throw std::logic_error("Pcscd::kill: only a pcscd this test started may be killed");
    ::kill(pid_, SIGKILL);
    waitForExit(pid_, kStopTimeout);
    pid_ = -1;
}

} // namespace hall::testing
