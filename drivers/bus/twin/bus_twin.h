#pragma once
// The units' end of a hall bus, for twins: addressed units (LED strips, keypads) behind one pty
// (or one TCP port, as a gateway), answering the controller as the hardware would
// (docs/bus-protocol.md). Steered at run time (devsim's control socket, tests):
//
//   mute(a, on)            unit a stops answering (a strip without power, a cut stub line)
//   corruptReplies(a, n)   unit a's next n replies carry a broken CRC (n < 0: every reply, until
//                          set to 0): a unit on a noisy stretch of cable
//   garbage(n)             n random bytes on the line before the next reply (noise, a unit
//                          talking out of turn)
//   unplug() / plug()      the whole line disappears (the RS-485 adapter pulled) and comes back
//
// Pacing: a pty moves bytes as fast as memory does, so with a baud rate set the twin behaves
// as a real line would: it acts on a request only once the request's bytes would have arrived
// (wire time from its first byte), waits the unit's turnaround, and then writes the reply no
// faster than the baud rate allows (8N1: 10 bits a byte). The controller, which does not pace its
// writes, thus sees each exchange take the time it takes on a real line.
//
// Frames addressed to nobody the twin knows, broadcasts and damaged requests get no reply, as
// on a real bus.

#include "drivers/bus/frame.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace hall::drivers::bus {

// One unit behind the twin. Called with the twin's lock held, on the twin's thread (or the
// control thread for render()).
class BusUnit {
public:
    virtual ~BusUnit() = default;
    // A request for this unit (CRC checked, address matched, or a broadcast). Returns the reply
    // payload, status byte first; nullopt stays silent. Replies to broadcasts are not sent.
    virtual std::optional<std::vector<std::uint8_t>> handle(const Frame& request) = 0;
    // The unit's state in one line, for `show`: "请A012号到3号窗口 (red, blink)".
    virtual std::string render() const = 0;
};

// A bus twin reached over TCP (an RS-485 gateway, a network controller card) instead of a pty:
// it listens on the loopback address; port 0 picks a free one (BusTwin::tcpPort()).
struct TcpListen {
    std::uint16_t port = 0;
};

struct BusTwinOptions {
    unsigned baud = 0;                          // 0: no pacing, as fast as the pty goes
    std::chrono::microseconds turnaround{1000}; // the unit's time between request and reply
};

// Traffic the twin saw, for tests.
struct BusTwinCounters {
    std::uint64_t requests = 0;  // well-formed frames received
    std::uint64_t badFrames = 0; // damaged frames received (the twin stays silent)
    std::uint64_t replies = 0;   // replies written (damaged ones included)
    std::uint64_t corrupted = 0; // replies written with a broken CRC
    std::uint64_t garbageBytes = 0;
};

class BusTwin {
public:
    // On a pty published under `link`.
    BusTwin(std::filesystem::path link, BusTwinOptions options = {});
    // On a TCP port (one controller connection at a time, as gateways serve).
    BusTwin(TcpListen listen, BusTwinOptions options = {});
    ~BusTwin();
    BusTwin(const BusTwin&) = delete;
    BusTwin& operator=(const BusTwin&) = delete;

    // Before start(). Throws std::invalid_argument for an address outside 1..64 or in use.
    void add(std::uint8_t address, std::unique_ptr<BusUnit> unit);
    void start(); // plugs the port and answers until stop()
    void stop();

    void mute(std::uint8_t address, bool on);
    void corruptReplies(std::uint8_t address, int count);
    void garbage(std::size_t bytes);
    void unplug();
    void plug();

    bool has(std::uint8_t address) const;
    std::vector<std::uint8_t> addresses() const;
    // "[03] 请A012号到3号窗口 (red, blink)"; " [mute]" is appended for a muted unit.
    std::string render(std::uint8_t address) const;
    // Runs f on the unit at address under the twin's lock (control commands: press a key).
    // Throws std::invalid_argument when no unit has that address.
    void withUnit(std::uint8_t address, const std::function<void(BusUnit&)>& f);

    const std::filesystem::path& link() const { return link_; } // empty on TCP
    std::uint16_t tcpPort() const;                              // 0 on a pty
    BusTwinCounters counters() const;

private:
    struct Slot {
        std::unique_ptr<BusUnit> unit;
        bool muted = false;
        int corrupt = 0; // replies left to corrupt; < 0 every one
    };
    void serve(std::stop_token stop);
    // The reply bytes for a request, or empty for none. Takes the lock.
    std::vector<std::uint8_t> answer(const Frame& request);
    void send(std::vector<std::uint8_t> bytes, std::chrono::steady_clock::time_point from,
              std::stop_token stop);
    Slot& slot(std::uint8_t address);

    class Line; // the pty or the TCP port
    class PtyLine;
    class TcpLine;

    BusTwinOptions options_;
    std::filesystem::path link_;
    std::unique_ptr<Line> line_;
    mutable std::mutex mutex_; // guards units_, garbage_
    std::map<std::uint8_t, Slot> units_;
    std::size_t garbage_ = 0;
    std::uint32_t noiseSeed_ = 1;
    std::atomic<std::uint64_t> requests_{0}, badFrames_{0}, replies_{0}, corrupted_{0},
        garbageBytes_{0};
    std::jthread thread_;
};

} // namespace hall::drivers::bus
