#pragma once
// The LED window strips of one bus line (up to 64 addressed strips on one RS-485 line or one
// TCP gateway) as one device: the controller says what each strip should show, the bus keeps
// every strip showing it.
//
// Model: for every strip and slot (strip_command.h) the bus holds what is wanted and what the
// strip acknowledged. submit() changes the wanted value (replacing one not yet sent: only the
// latest matters) and returns at once; the worker thread sends the difference, one
// acknowledged transaction at a time, in priority order:
//   1. the highest-priority pending slot of any reachable strip (Call > High > Normal > Low; the
//      oldest first within a priority), so a call update overtakes queued brightness changes;
//   2. a probe of an offline strip when one is due — but never two probes in a row while updates
//      wait, so dead strips cannot starve live ones;
//   3. when idle, a keep-alive IDENTIFY to a strip not heard from for keepAlive (at start: every
//      strip once, so absent strips are reported at once, not at their first call).
//
// Per strip (events carry its address in DeviceEvent::unit):
//   no answer (after the protocol's retries) → Lost once; its pending slots wait; it is probed
//   in the background (ProbePolicy backoff) while the others keep updating → when it answers
//   again, Back, and everything wanted is sent again (it may have lost power, and its content).
//   a NAK (bad value, missing glyph) → Refused; that slot is not sent again until changed.
//   BUSY → asked again after busyHold.
// The line itself (port gone, connection reset) → Lost without a unit; re-opened by the worker,
// then every strip is sent everything again.

#include "drivers/bus/line_device.h"
#include "drivers/led/led_strip_protocol.h"
#include "drivers/led/strip_command.h"

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace hall::drivers::led {

struct LedStripBusOptions {
    std::vector<std::uint8_t> addresses;         // the strips on this line, 1..64
    bus::ProbePolicy probe{};                    // looking for an offline strip
    std::chrono::milliseconds keepAlive{15'000}; // idle strips are asked to identify this often
    std::chrono::milliseconds busyHold{200};     // before asking a BUSY strip again
    ReopenPolicy reopen{};                       // the line itself
};

struct StripStatus {
    bus::UnitState state = bus::UnitState::Unknown;
    StripContent wanted;     // what the strip is meant to show
    StripContent confirmed;  // what it acknowledged
    std::size_t pending = 0; // slots waiting to be sent (or re-sent)
    std::size_t refused = 0; // slots the strip refused (NAK) and that are not sent again
};

// One transaction the bus worker chose (internal to LedStripBus, named here for its base).
struct StripJob {
    enum class Kind { Update, Recovery, KeepAlive } kind;
    std::uint8_t address;
    std::uint8_t sequence;
    std::size_t slot = 0;
    std::uint64_t order = 0;
    std::optional<StripCommand> command;
};

class LedStripBus final : public bus::LineDevice<StripJob> {
public:
    // port names the instance for technicians: "/dev/ttyUSB1", "10.0.3.21:4001".
    // Throws std::invalid_argument for addresses outside 1..64 or repeated.
    LedStripBus(const DeviceDescriptor& descriptor, const std::string& port, bus::LineOpener open,
                std::unique_ptr<LedStripProtocol> protocol, DeviceEventSink events,
                LedStripBusOptions options);
    ~LedStripBus() override;

    // Wants this command on one strip; the default priority is defaultPriority(command).
    // Throws std::invalid_argument (an unknown address, a value out of range, a character
    // outside the strips' font, naming it: "character U+20000 (character 5 of the text) is not
    // in GB2312 ...") and changes nothing.
    void submit(std::uint8_t address, const StripCommand& command,
                std::optional<Priority> priority = std::nullopt);
    // The same command for every strip of the line (night brightness, "closed" at the end of
    // the day).
    void submitAll(const StripCommand& command, std::optional<Priority> priority = std::nullopt);
    // A call: text, colour and blink, at Call priority, all three or none.
    void showCall(std::uint8_t address, std::string_view text, Rgb colour = kRed,
                  bool blink = true);

    StripStatus status(std::uint8_t address) const;
    // Waits until every strip that is not offline has acknowledged all it is meant to show (or
    // refused it). False on timeout: a strip still pending, or the line down.
    bool waitSettled(std::chrono::milliseconds timeout) const;
    bus::LineCounters counters() const { return protocol_->counters(); }

private:
    using Job = StripJob;
    using JobKind = StripJob::Kind;
    struct Entry {
        std::optional<StripCommand> wanted;
        std::optional<StripCommand> confirmed;
        Priority priority = Priority::Normal;
        std::uint64_t order = 0; // submission number of `wanted`
        bool pending = false;
        bool refused = false;
    };
    struct Strip {
        std::array<Entry, kSlotCount> slots;
        Clock::time_point holdUntil{};
    };
    void lineOpenedLocked() override;
    std::optional<Job> pick(Clock::time_point now, Clock::time_point& wakeAt) override;
    bus::TransactResult transact(ByteStream& line, const Job& job, std::stop_token stop) override;
    void apply(const Job& job, const bus::TransactResult& r,
               std::vector<bus::UnitEvent>& events) override;
    void check(std::uint8_t address, const StripCommand& command) const;
    void want(std::uint8_t address, const StripCommand& command, Priority priority);
    void resendEverything(Strip& strip);
    bool settledLocked() const;

    std::unique_ptr<LedStripProtocol> protocol_;
    LedStripBusOptions options_;
    std::map<std::uint8_t, Strip> strips_; // under mutex_
};

} // namespace hall::drivers::led
