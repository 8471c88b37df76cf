#include "drivers/bus/unit_table.h"

#include "drivers/bus/frame.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace hall::drivers::bus {

UnitTable::UnitTable(std::span<const std::uint8_t> addresses, ProbePolicy policy)
    : policy_(policy) {
    for (const std::uint8_t a : addresses) {
        if (a == kBroadcast || a > kMaxAddress)
            throw std::invalid_argument("bus address " + std::to_string(a) + " is outside 1..64");
        if (!units_.emplace(a, Unit{}).second)
            throw std::invalid_argument("bus address " + std::to_string(a) +
                                        " is configured twice");
        order_.push_back(a);
    }
    std::sort(order_.begin(), order_.end());
}

UnitTable::Unit& UnitTable::unit(std::uint8_t address) {
    auto it = units_.find(address);
    if (it == units_.end())
        throw std::invalid_argument("bus address " + std::to_string(address) +
                                    " is not configured on this line");
    return it->second;
}

const UnitTable::Unit& UnitTable::unit(std::uint8_t address) const {
    return const_cast<UnitTable*>(this)->unit(address);
}

UnitState UnitTable::state(std::uint8_t address) const {
    return unit(address).state;
}

std::optional<UnitTable::Clock::time_point> UnitTable::lastHeard(std::uint8_t address) const {
    return unit(address).heard;
}

bool UnitTable::answered(std::uint8_t address, Clock::time_point now) {
    Unit& u = unit(address);
    const bool back = u.state == UnitState::Offline;
    u.state = UnitState::Online;
    u.heard = now;
    u.backoff = {};
    return back;
}

bool UnitTable::failed(std::uint8_t address, Clock::time_point now) {
    Unit& u = unit(address);
    if (u.state == UnitState::Offline) {
        // A probe failed: look again later, less often.
        u.backoff = std::min(std::max(u.backoff * 2, policy_.first), policy_.max);
        u.probeAt = now + u.backoff;
        return false;
    }
    u.state = UnitState::Offline;
    u.backoff = policy_.first;
    u.probeAt = now + u.backoff;
    return true;
}

std::optional<std::uint8_t> UnitTable::dueProbe(Clock::time_point now) const {
    std::optional<std::uint8_t> best;
    Clock::time_point bestAt{};
    for (const auto& [a, u] : units_) {
        if (u.state != UnitState::Offline || u.probeAt > now) continue;
        if (!best || u.probeAt < bestAt) {
            best = a;
            bestAt = u.probeAt;
        }
    }
    return best;
}

std::optional<UnitTable::Clock::time_point> UnitTable::nextProbe() const {
    std::optional<Clock::time_point> at;
    for (const auto& [a, u] : units_)
        if (u.state == UnitState::Offline && (!at || u.probeAt < *at)) at = u.probeAt;
    return at;
}

std::uint8_t nextSequenceAfter(std::uint8_t s) {
    do {
        s = static_cast<std::uint8_t>(s == 255 ? 1 : s + 1);
    } while (s == kStx || s == kEtx || s == kDle);
    return s;
}

std::uint8_t UnitTable::nextSequence(std::uint8_t address) {
    Unit& u = unit(address);
    u.sequence = nextSequenceAfter(u.sequence);
    return u.sequence;
}

void UnitTable::lineReopened() {
    for (auto& [a, u] : units_) {
        if (u.state == UnitState::Online) u.state = UnitState::Unknown;
    }
}

} // namespace hall::drivers::bus
