#include "drivers/led/led_strip_bus.h"

#include <stdexcept>
#include <string>

namespace hall::drivers::led {
namespace {

// Higher priority first, then the older submission.
bool before(Priority p, std::uint64_t order, Priority q, std::uint64_t qOrder) {
    if (p != q) return p > q;
    return order < qOrder;
}

} // namespace

LedStripBus::LedStripBus(const DeviceDescriptor& descriptor, const std::string& port,
                         bus::LineOpener open, std::unique_ptr<LedStripProtocol> protocol,
                         DeviceEventSink events, LedStripBusOptions options)
    : LineDevice(descriptor, port, std::move(open), std::move(events), options.addresses,
                 options.probe, options.reopen),
      protocol_(std::move(protocol)), options_(std::move(options)) {
    if (!protocol_) throw std::invalid_argument("an LED strip bus needs a protocol");
    for (const std::uint8_t a : addresses())
        strips_.emplace(a, Strip{});
}

LedStripBus::~LedStripBus() {
    stop();
}

void LedStripBus::check(std::uint8_t address, const StripCommand& command) const {
    if (!strips_.contains(address))
        throw std::invalid_argument("no LED strip is configured at address " +
                                    std::to_string(address) + " on this line");
    if (auto why = protocol_->check(command)) throw std::invalid_argument(*why);
}

void LedStripBus::want(std::uint8_t address, const StripCommand& command, Priority priority) {
    Entry& e = strips_.at(address).slots[static_cast<std::size_t>(slotOf(command))];
    e.wanted = command;
    e.priority = priority;
    e.order = nextOrder_++;
    e.refused = false;
    // Already showing it: nothing to send (a state re-announced every minute costs nothing).
    e.pending = !(e.confirmed && *e.confirmed == command);
}

void LedStripBus::submit(std::uint8_t address, const StripCommand& command,
                         std::optional<Priority> priority) {
    check(address, command);
    change([&] { want(address, command, priority.value_or(defaultPriority(command))); });
}

void LedStripBus::submitAll(const StripCommand& command, std::optional<Priority> priority) {
    if (auto why = protocol_->check(command)) throw std::invalid_argument(*why);
    change([&] {
        for (const std::uint8_t a : addresses())
            want(a, command, priority.value_or(defaultPriority(command)));
    });
}

void LedStripBus::showCall(std::uint8_t address, std::string_view text, Rgb colour, bool blink) {
    const StripCommand commands[] = {Text{std::string(text)}, Colour{colour}, Blink{blink}};
    for (const auto& c : commands)
        check(address, c); // all three or none
    change([&] {
        for (const auto& c : commands)
            want(address, c, Priority::Call);
    });
}

StripStatus LedStripBus::status(std::uint8_t address) const {
    std::lock_guard lock(mutex_);
    auto it = strips_.find(address);
    if (it == strips_.end())
        throw std::invalid_argument("no LED strip is configured at address " +
                                    std::to_string(address));
    StripStatus s;
    s.state = units_.state(address);
    for (std::size_t i = 0; i < kSlotCount; ++i) {
        const Entry& e = it->second.slots[i];
        s.wanted[i] = e.wanted;
        s.confirmed[i] = e.confirmed;
        if (e.pending) ++s.pending;
        if (e.refused) ++s.refused;
    }
    return s;
}

bool LedStripBus::settledLocked() const {
    if (!lineUp_) return false;
    for (const auto& [a, strip] : strips_) {
        if (units_.state(a) == bus::UnitState::Offline) continue;
        for (const Entry& e : strip.slots)
            if (e.pending) return false;
    }
    return true;
}

bool LedStripBus::waitSettled(std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return progress_.wait_for(lock, timeout, [this] { return settledLocked(); });
}

void LedStripBus::resendEverything(Strip& strip) {
    for (Entry& e : strip.slots) {
        e.confirmed.reset();
        e.refused = false;
        e.pending = e.wanted.has_value();
    }
}

std::optional<LedStripBus::Job> LedStripBus::pick(Clock::time_point now,
                                                  Clock::time_point& wakeAt) {
    // Looked at again within a second at the latest, whatever else is due.
    wakeAt = now + std::chrono::seconds(1);
    auto later = [&](Clock::time_point t) { wakeAt = std::min(wakeAt, t); };

    // The best pending update of a reachable strip.
    const Entry* best = nullptr;
    std::uint8_t bestAddress = 0;
    std::size_t bestSlot = 0;
    for (auto& [a, strip] : strips_) {
        if (units_.state(a) == bus::UnitState::Offline) continue;
        for (std::size_t i = 0; i < kSlotCount; ++i) {
            const Entry& e = strip.slots[i];
            if (!e.pending) continue;
            if (strip.holdUntil > now) {
                later(strip.holdUntil);
                continue;
            }
            if (!best || before(e.priority, e.order, best->priority, best->order)) {
                best = &e;
                bestAddress = a;
                bestSlot = i;
            }
        }
    }
    const auto probe = units_.dueProbe(now);
    if (probe && (!best || !lastWasProbe_)) {
        return Job{JobKind::Recovery, *probe, units_.nextSequence(*probe), 0, 0, std::nullopt};
    }
    if (best) {
        return Job{JobKind::Update, bestAddress, units_.nextSequence(bestAddress),
                   bestSlot,        best->order, best->wanted};
    }
    if (auto at = units_.nextProbe()) later(*at);

    // Idle: the strip heard from longest ago (never, at first) if that is past keepAlive.
    std::optional<std::uint8_t> stale;
    std::optional<Clock::time_point> staleHeard;
    for (const std::uint8_t a : addresses()) {
        if (units_.state(a) == bus::UnitState::Offline) continue;
        const auto heard = units_.lastHeard(a);
        if (!heard) {
            stale = a;
            staleHeard.reset();
            break;
        }
        if (*heard + options_.keepAlive > now) {
            later(*heard + options_.keepAlive);
            continue;
        }
        if (!stale || *heard < *staleHeard) {
            stale = a;
            staleHeard = heard;
        }
    }
    if (stale)
        return Job{JobKind::KeepAlive, *stale, units_.nextSequence(*stale), 0, 0, std::nullopt};
    return std::nullopt;
}

void LedStripBus::apply(const Job& job, const bus::TransactResult& r,
                        std::vector<bus::UnitEvent>& events) {
    const auto now = Clock::now();
    Strip& strip = strips_.at(job.address);
    lastWasProbe_ = job.kind == JobKind::Recovery;
    if (!r.answered()) {
        if (units_.failed(job.address, now))
            events.push_back({DeviceEventType::Lost, r.error, job.address});
        return;
    }
    if (units_.answered(job.address, now)) {
        events.push_back({DeviceEventType::Back, std::nullopt, job.address});
        resendEverything(strip);
    }
    if (job.kind != JobKind::Update) return;
    Entry& e = strip.slots[job.slot];
    switch (r.outcome) {
    case bus::Outcome::Ok:
        e.confirmed = job.command;
        // Against what the strip shows now: a value wanted while this one was on the wire was
        // compared with the value before it, and may be that one again (blink off, on, off).
        e.pending = !(e.wanted && *e.wanted == job.command);
        break;
    case bus::Outcome::Refused:
        if (e.order == job.order) {
            e.pending = false;
            e.refused = true;
        }
        events.push_back({DeviceEventType::Refused, r.error, job.address});
        break;
    case bus::Outcome::Busy:
        strip.holdUntil = now + options_.busyHold;
        break;
    case bus::Outcome::Silent:
    case bus::Outcome::Garbled:
        break; // not reached: answered() is false for these
    }
}

void LedStripBus::lineOpenedLocked() {
    // A line that was down may have taken strips' power with it: send everything again.
    for (auto& [a, strip] : strips_)
        resendEverything(strip);
}

bus::TransactResult LedStripBus::transact(ByteStream& line, const Job& job, std::stop_token stop) {
    if (job.kind == JobKind::Update)
        return protocol_->send(line, job.address, job.sequence, *job.command, stop);
    const auto probe = job.kind == JobKind::Recovery ? LedStripProtocol::Probe::Recovery
                                                     : LedStripProtocol::Probe::KeepAlive;
    return protocol_->probe(line, job.address, job.sequence, probe, stop);
}

} // namespace hall::drivers::led
