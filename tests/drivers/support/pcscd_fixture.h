#pragma once
// A real pcscd for the end-to-end tests, with vsmartcard's vpcd reader driver.
//
// Only one pcscd can run on a machine (it always uses /run/pcscd/pcscd.comm). If one already
// answers, the tests use it — it must have vpcd's packaged reader "Virtual PCD 00 00" on port
// 35963 — and never stop it. Otherwise the fixture starts `pcscd -f` (foreground, logging to a
// file in a temporary directory; no -a, since APDU logs would hold the card holder's data) and
// stops it at exit; the child is also told to die with the test process (PR_SET_PDEATHSIG) so
// an aborted test leaves no daemon behind. CTest runs every test that uses pcscd under the
// RESOURCE_LOCK "pcscd", so two suites never share its one vpcd slot.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <sys/types.h>

namespace hall::testing {

class Pcscd {
public:
    static Pcscd& instance(); // started (or found) on first use; throws when neither works

    bool owned() const { return !log_.empty(); }
    static constexpr const char* kReader = "Virtual PCD 00 00";
    static constexpr std::uint16_t kVpcdPort = 35963;

    // Only for a pcscd this fixture started. kill() is a crash (SIGKILL, reaped); start() brings
    // it back and waits until the vpcd reader is listed.
    void kill();
    void start();
    std::chrono::milliseconds lastStartupTime() const { return startup_; }

    // Waits until pcscd reports the vpcd reader with (or without) a card; false on timeout.
    static bool waitForCard(bool present, std::chrono::milliseconds timeout);

    ~Pcscd();

private:
    Pcscd();
    static bool readerListed(const char* name);
    // One fork and exec; false when the reader was not listed in time or vpcd found its port
    // still taken (then the log says so: portWasBusy()).
    bool startOnce(std::chrono::steady_clock::time_point begin);
    bool portWasBusy() const;
    void stopRunning(); // SIGTERM, SIGKILL after 5 s; reaped; its log removed

    pid_t pid_ = -1;
    std::filesystem::path log_;
    std::chrono::milliseconds startup_{0};
};

} // namespace hall::testing
