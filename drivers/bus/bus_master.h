#pragma once
// The controller's side of one hall bus line: one request, one reply, over any ByteStream (an
// RS-485 adapter's serial port, or a TCP connection to a gateway or a network controller card).
// Whoever owns the line (LedStripBus, KeypadBus) calls transact() from one thread; nothing here
// is shared between threads except the counters.
//
// One transaction, up to `attempts` times with the same SEQ:
//   discard stale input → write the request → read until the matching reply (same address,
//   CMD | 0x80, same SEQ) or the deadline:
//       deadline = wire time of the request + turnaround + wire time of the longest reply
//   Frames that do not match (a late reply to an earlier attempt, our own echo on a two-wire
//   adapter, another unit) are ignored. After a damaged frame the wait is cut to one
//   turnaround: a reply would follow at once.
// Outcomes:
//   Ok       status 00; data is the reply after the status byte
//   Refused  a NAK (status 01..03): not retried, the unit would refuse it again
//   Silent   no reply at all, every attempt (Device "no_answer")
//   Busy     the unit answered BUSY every time: it is there, ask again later
//   Garbled  only damaged frames came back (Retry bad_crc / truncated / …)
// A failure of the stream itself (port gone, connection reset) throws DeviceFailure: that is the
// line's loss, not a unit's.

#include "drivers/bus/frame.h"
#include "drivers/bus/protocol.h"
#include "drivers/transport/byte_stream.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <stop_token>
#include <vector>

namespace hall::drivers::bus {

// Opens the line a bus owner speaks through: a SerialStream on the RS-485 adapter, or a
// TcpStream to a gateway. Throws DeviceFailure when it cannot (the owner reports the line Lost
// and tries again).
using LineOpener = std::function<std::unique_ptr<ByteStream>(std::stop_token)>;

struct LineSettings {
    unsigned baud = 9600; // for the timeouts; the port itself is opened by the owner
    int attempts = 3;     // per transaction, the first included
    std::chrono::milliseconds turnaround = kTurnaroundAllowance;
    std::chrono::milliseconds busyPause{20}; // before asking a BUSY unit again
};

enum class Outcome { Ok, Refused, Busy, Silent, Garbled };

struct TransactResult {
    Outcome outcome = Outcome::Silent;
    std::uint8_t status = 0;          // Ok / Refused: the reply's status byte
    std::vector<std::uint8_t> data;   // Ok: the reply payload after the status byte
    std::optional<DeviceError> error; // everything but Ok: why, for events
    int attempts = 0;
    bool ok() const { return outcome == Outcome::Ok; }
    // The unit is there (it answered something well-formed).
    bool answered() const {
        return outcome == Outcome::Ok || outcome == Outcome::Refused || outcome == Outcome::Busy;
    }
};

// Traffic counters of one line, for diagnostics, tests and the benchmark.
struct LineCounters {
    std::uint64_t requests = 0;  // frames written, retries and broadcasts included
    std::uint64_t retries = 0;   // attempts after the first
    std::uint64_t replies = 0;   // matching replies received
    std::uint64_t stray = 0;     // well-formed frames that were not the reply waited for
    std::uint64_t badCrc = 0;    // damaged frames: CRC
    std::uint64_t badFrames = 0; // damaged frames: anything else (truncated, escape, ...)
    std::uint64_t silences = 0;  // attempts that got nothing before the deadline
    std::uint64_t bytesOut = 0;
    std::uint64_t bytesIn = 0;
};

class BusMaster {
public:
    explicit BusMaster(LineSettings settings) : settings_(settings) {}

    // maxReplyPayload bounds the wait (the reply this command can carry at most).
    TransactResult transact(ByteStream& line, std::uint8_t address, std::uint8_t command,
                            std::uint8_t sequence, std::span<const std::uint8_t> payload,
                            std::stop_token stop, std::size_t maxReplyPayload = 8,
                            int attempts = 0); // 0: settings().attempts
    // A request to ADDR 0: written once, nobody replies; the line is left quiet for one
    // turnaround so every unit has acted on it before the next frame.
    void broadcast(ByteStream& line, std::uint8_t command, std::uint8_t sequence,
                   std::span<const std::uint8_t> payload, std::stop_token stop);

    LineCounters counters() const;
    const LineSettings& settings() const { return settings_; }
    // The longest one attempt may wait, for a request of this payload size.
    std::chrono::milliseconds attemptTimeout(std::size_t payload,
                                             std::size_t maxReplyPayload) const;

private:
    enum class Attempt { Reply, Silent, Damaged };
    Attempt attempt(ByteStream& line, const Frame& request, std::span<const std::uint8_t> wire,
                    std::size_t maxReplyPayload, std::stop_token stop, Frame& reply,
                    std::optional<FrameError>& damage);
    void count(std::atomic<std::uint64_t>& c, std::uint64_t n = 1) {
        c.fetch_add(n, std::memory_order_relaxed);
    }

    LineSettings settings_;
    FrameDecoder decoder_;
    std::atomic<std::uint64_t> requests_{0}, retries_{0}, replies_{0}, stray_{0}, badCrc_{0},
        badFrames_{0}, silences_{0}, bytesOut_{0}, bytesIn_{0};
};

// Thrown when stop was requested mid-transaction: the owner's worker is stopping and exits
// without reporting it.
[[noreturn]] void throwStopped();

} // namespace hall::drivers::bus
