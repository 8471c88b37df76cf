#pragma once
// What the controller knows about each address on one bus line: is the unit there, when was it
// last heard, when to look for it again, and the next SEQ to use. Shared by the LED strip and
// keypad buses; not thread-safe (the owner holds its lock).
//
//   Unknown ──answered──> Online ──a transaction failed──> Offline ──a probe answered──> Online
//      └────────────────────failed────────────────────────────┘
//
// The transitions to report (Lost once per outage, Back when it ends) are the return values,
// so a strip that stays dark all night is one event. An offline unit is probed on its own
// schedule, first after `first`, then doubling up to `max`: a dead strip costs one short probe
// every few seconds while the other strips keep updating.

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <vector>

namespace hall::drivers::bus {

enum class UnitState { Unknown, Online, Offline };

struct ProbePolicy {
    std::chrono::milliseconds first{500};
    std::chrono::milliseconds max{8000};
};

// The SEQ after s: 1..255, never 0 (left to mean "none yet"), and skipping 02, 03 and 10, the
// values that would need an escape on the wire (two bytes saved per exchange, both ways).
std::uint8_t nextSequenceAfter(std::uint8_t s);

class UnitTable {
public:
    using Clock = std::chrono::steady_clock;

    // Addresses must be 1..64; throws std::invalid_argument otherwise (or for duplicates).
    UnitTable(std::span<const std::uint8_t> addresses, ProbePolicy policy);

    bool has(std::uint8_t address) const { return units_.contains(address); }
    const std::vector<std::uint8_t>& addresses() const { return order_; }
    UnitState state(std::uint8_t address) const;
    std::optional<Clock::time_point> lastHeard(std::uint8_t address) const;

    // The unit answered (anything well-formed). True when this ends an outage (report Back).
    bool answered(std::uint8_t address, Clock::time_point now);
    // A transaction or probe got no usable answer. True when this starts an outage (report
    // Lost): the first failure of an Online or Unknown unit.
    bool failed(std::uint8_t address, Clock::time_point now);

    // The offline unit whose probe is due soonest, if one is due at `now`.
    std::optional<std::uint8_t> dueProbe(Clock::time_point now) const;
    // When the next probe falls due; nullopt when no unit is offline.
    std::optional<Clock::time_point> nextProbe() const;

    // The next SEQ for a request to this unit (nextSequenceAfter).
    std::uint8_t nextSequence(std::uint8_t address);
    // The line was re-opened: online units become Unknown (their next answer is no Back, their
    // next failure a Lost); offline ones stay offline and are probed as before.
    void lineReopened();

private:
    struct Unit {
        UnitState state = UnitState::Unknown;
        std::optional<Clock::time_point> heard;
        Clock::time_point probeAt{};
        std::chrono::milliseconds backoff{};
        std::uint8_t sequence = 0;
    };
    Unit& unit(std::uint8_t address);
    const Unit& unit(std::uint8_t address) const;

    ProbePolicy policy_;
    std::map<std::uint8_t, Unit> units_;
    std::vector<std::uint8_t> order_;
};

} // namespace hall::drivers::bus
