#pragma once
// How commands reach a strip: the one seam vendor protocols plug into. The bus manager
// (led_strip_bus.h) does the scheduling — priorities, per-address offline detection, resending
// after a strip comes back — and asks its protocol for single acknowledged transactions on the
// line it owns. HallBusLedProtocol speaks our own frame format (docs/bus-protocol.md); a vendor's
// controller card (its own framing, its own font encoding, maybe no acks) is another
// implementation of this interface, and the manager, the twin's tests and the apps stay as
// they are.
//
// A vendor protocol without replies reports Outcome::Ok after writing (it cannot know better);
// one that cannot carry a command (no scrolling) refuses it in check(), so the caller hears of
// it when submitting, not later.

#include "drivers/bus/bus_master.h"
#include "drivers/led/strip_command.h"
#include "drivers/transport/byte_stream.h"

#include <memory>
#include <optional>
#include <stop_token>
#include <string>
#include <string_view>

namespace hall::drivers::led {

class LedStripProtocol {
public:
    virtual ~LedStripProtocol() = default;

    virtual std::string_view name() const = 0;
    // nullopt when this protocol can carry the command, else why not (text outside the font's
    // encoding, a value the cards do not support). Called before a command is queued.
    virtual std::optional<std::string> check(const StripCommand& command) const = 0;
    // One command to one strip, acknowledged (with the protocol's own retries). The sequence is
    // the manager's, new for each command. Throws DeviceFailure only when the line itself fails.
    virtual bus::TransactResult send(ByteStream& line, std::uint8_t address, std::uint8_t sequence,
                                     const StripCommand& command, std::stop_token stop) = 0;
    // Is the strip there? A short request for keep-alive (attempts as configured) and for
    // looking for an offline strip (once: it is asked again on the manager's schedule).
    enum class Probe { KeepAlive, Recovery };
    virtual bus::TransactResult probe(ByteStream& line, std::uint8_t address, std::uint8_t sequence,
                                      Probe kind, std::stop_token stop) = 0;
    virtual bus::LineCounters counters() const = 0;
};

// Our own hall bus protocol (docs/bus-protocol.md): one frame per command, acked, retried
// settings.attempts times; probe = IDENTIFY.
std::unique_ptr<LedStripProtocol> makeHallBusLedProtocol(bus::LineSettings settings);

} // namespace hall::drivers::led
