#pragma once
// The virtual twin of a serial QR / barcode scanner: the device end of a pty (PtyPort) that
// "scans" codes the way a real scanner sends them — prefix, code, suffix, terminator — through
// the same SerialStream the driver uses for hardware. Steered from C++ (devsim exposes it on
// its control socket):
//
//   scan(payload)   one code, framed with the twin's prefix / suffix / terminator
//   garbage(n)      n random bytes (line noise; may contain terminators, like real noise)
//   sendRaw(bytes)  exactly these bytes (a half code, a wrong terminator…)
//   setSlow(d)      from now on every byte is followed by a pause of d (dribbling; 0 = burst)
//   unplug()        the link disappears and the master closes: the driver's read fails as on a
//                   pulled cable; anything still queued is lost, as on the wire
//   plug()          a new pty behind the same link
//
// Writes are queued and sent by the twin's own thread, so a slow scan does not block the
// caller, and an unplug can land in the middle of a code.

#include "drivers/twin/pty_port.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <mutex>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace hall::drivers::twin {

struct ScannerTwinFraming {
    std::string prefix;
    std::string suffix;
    std::string terminator = "\r"; // what the driver's FramingSettings expect ("" for none)
};

class ScannerTwin {
public:
    // Plugged at once: the link exists when the constructor returns.
    explicit ScannerTwin(std::filesystem::path link, ScannerTwinFraming framing = {},
                         std::uint32_t noiseSeed = 0x5ca77e5);
    ~ScannerTwin();
    ScannerTwin(const ScannerTwin&) = delete;
    ScannerTwin& operator=(const ScannerTwin&) = delete;

    const std::filesystem::path& link() const { return port_.link(); }

    void scan(std::string_view payload);
    void garbage(std::size_t count);
    void sendRaw(std::span<const std::uint8_t> bytes);
    void setSlow(std::chrono::milliseconds perByte);
    void unplug();
    void plug();
    bool plugged() const { return port_.plugged(); }

    // Waits until everything queued has been written (or dropped by an unplug); false on timeout.
    bool waitIdle(std::chrono::milliseconds timeout);

private:
    void enqueue(std::vector<std::uint8_t> bytes);
    void run(std::stop_token stop);

    PtyPort port_;
    ScannerTwinFraming framing_;
    std::mt19937 noise_;

    std::mutex mutex_;
    std::condition_variable_any changed_;
    std::deque<std::vector<std::uint8_t>> queue_;
    bool writing_ = false;         // the thread holds a chunk taken from the queue
    std::uint64_t generation_ = 0; // bumped by unplug: a chunk in flight stops there
    std::chrono::milliseconds perByte_{0};
    std::jthread thread_;
};

} // namespace hall::drivers::twin
