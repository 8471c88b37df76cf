#include "drivers/keypad/keypad_bus.h"

#include <random>
#include <stdexcept>
#include <utility>

namespace hall::drivers::keypad {
namespace {

constexpr std::size_t kMaxNumber = 8;

} // namespace

KeypadBus::KeypadBus(const DeviceDescriptor& descriptor, const std::string& port,
                     bus::LineOpener open, bus::LineSettings line, DeviceEventSink events,
                     KeyHandler onKey, KeypadBusOptions options)
    : LineDevice(descriptor, port, std::move(open), std::move(events), options.addresses,
                 options.probe, options.reopen),
      master_(line), onKey_(std::move(onKey)), options_(std::move(options)) {
    // A random first POLL SEQ: after a controller restart, a keypad still holding its last reply
    // under SEQ s must not take our first poll for a repeat of it (1 chance in 255 remains).
    std::random_device rd;
    for (const std::uint8_t a : addresses()) {
        Pad pad;
        pad.pollSequence = bus::nextSequenceAfter(static_cast<std::uint8_t>(rd() % 255));
        pads_.emplace(a, std::move(pad));
    }
}

KeypadBus::~KeypadBus() {
    stop();
}

void KeypadBus::send(std::uint8_t address, const Feedback& feedback) {
    if (!pads_.contains(address))
        throw std::invalid_argument("no keypad is configured at address " +
                                    std::to_string(address) + " on this line");
    if (auto why = checkFeedback(feedback)) throw std::invalid_argument(*why);
    change([&] {
        Pad& pad = pads_.at(address);
        Item item{feedback, nextOrder_++, true};
        if (auto* l = std::get_if<LedCommand>(&feedback)) {
            pad.leds[static_cast<std::size_t>(l->led - 1)] = item;
        } else if (std::holds_alternative<DisplayCommand>(feedback)) {
            pad.display = item;
        } else if (pad.beeps.size() < kMaxQueuedBeeps) {
            // A few beeps waiting are enough: more would only keep the clerk's keypad beeping
            // after the moment has passed.
            pad.beeps.push_back(item);
        }
    });
}

KeypadStatus KeypadBus::status(std::uint8_t address) const {
    std::lock_guard lock(mutex_);
    auto it = pads_.find(address);
    if (it == pads_.end())
        throw std::invalid_argument("no keypad is configured at address " +
                                    std::to_string(address));
    const Pad& pad = it->second;
    KeypadStatus s;
    s.state = units_.state(address);
    s.number = pad.number;
    s.keys = pad.keys;
    s.polled = pad.polled;
    for (const Item& i : pad.leds)
        if (i.pending) ++s.pendingFeedback;
    if (pad.display.pending) ++s.pendingFeedback;
    s.pendingFeedback += pad.beeps.size();
    return s;
}

bool KeypadBus::feedbackSentLocked() const {
    if (!lineUp_) return false;
    for (const auto& [a, pad] : pads_) {
        if (units_.state(a) == bus::UnitState::Offline) continue;
        if (!pad.beeps.empty() || pad.display.pending) return false;
        for (const Item& i : pad.leds)
            if (i.pending) return false;
    }
    return true;
}

bool KeypadBus::waitFeedbackSent(std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mutex_);
    return progress_.wait_for(lock, timeout, [this] { return feedbackSentLocked(); });
}

KeypadBus::Item* KeypadBus::findItem(Pad& pad, std::uint64_t order) {
    for (Item& i : pad.leds)
        if (i.order == order) return &i;
    if (pad.display.order == order) return &pad.display;
    for (Item& i : pad.beeps)
        if (i.order == order) return &i;
    return nullptr;
}

std::optional<KeypadBus::Job> KeypadBus::pick(Clock::time_point now, Clock::time_point& wakeAt) {
    wakeAt = now + std::chrono::seconds(1);
    auto later = [&](Clock::time_point t) { wakeAt = std::min(wakeAt, t); };

    // The oldest pending feedback of a reachable keypad.
    const Item* best = nullptr;
    std::uint8_t bestAddress = 0;
    for (auto& [a, pad] : pads_) {
        if (units_.state(a) == bus::UnitState::Offline) continue;
        auto consider = [&](const Item& i) {
            if (i.pending && (!best || i.order < best->order)) {
                best = &i;
                bestAddress = a;
            }
        };
        for (const Item& i : pad.leds)
            consider(i);
        consider(pad.display);
        if (!pad.beeps.empty()) consider(pad.beeps.front());
    }
    const auto probe = units_.dueProbe(now);
    if (probe && (!best || !lastWasProbe_)) {
        Pad& pad = pads_.at(*probe);
        // The same POLL SEQ as the poll that went unanswered: its keys are still owed.
        return Job{JobKind::Recovery, *probe, pad.pollSequence, 0, std::nullopt};
    }
    if (best)
        return Job{JobKind::Signal, bestAddress, units_.nextSequence(bestAddress), best->order,
                   best->feedback};
    if (auto at = units_.nextProbe()) later(*at);

    // Round robin over the keypads that are reachable and due.
    const auto& all = addresses();
    for (std::size_t k = 0; k < all.size(); ++k) {
        const std::size_t i = (cursor_ + k) % all.size();
        const std::uint8_t a = all[i];
        Pad& pad = pads_.at(a);
        if (!pad.polled || units_.state(a) == bus::UnitState::Offline) continue;
        const auto due = pad.lastPoll + options_.pollInterval;
        if (due > now) {
            later(due);
            continue;
        }
        cursor_ = (i + 1) % all.size();
        return Job{JobKind::Poll, a, pad.pollSequence, 0, std::nullopt};
    }
    return std::nullopt;
}

void KeypadBus::collect(std::uint8_t address, Pad& pad, const PollReply& reply) {
    for (const Key k : reply.keys) {
        ++pad.keys;
        KeyEvent e{address, k, {}};
        if (isDigit(k)) {
            if (pad.number.size() < kMaxNumber) pad.number += digitChar(k);
            e.number = pad.number;
        } else if (k == Key::Clear) {
            pad.number.clear();
        } else if (isEvaluation(k)) {
            // An evaluator has no digits; nothing typed on it carries over.
        } else {
            e.number = std::exchange(pad.number, {});
        }
        keys_.push_back(std::move(e));
    }
}

void KeypadBus::apply(const Job& job, const bus::TransactResult& r,
                      std::vector<bus::UnitEvent>& events) {
    const auto now = Clock::now();
    Pad& pad = pads_.at(job.address);
    lastWasProbe_ = job.kind == JobKind::Recovery;
    if (job.kind != JobKind::Signal) pad.lastPoll = now;

    std::optional<PollReply> reply;
    std::optional<DeviceError> failure = r.error;
    bool answered = r.answered();
    if (r.ok() && job.kind != JobKind::Signal) {
        auto parsed = parsePollReply(r.data);
        if (auto* e = std::get_if<DeviceError>(&parsed)) {
            answered = false; // well-formed frame, but not a poll reply we can use
            failure = *e;
        } else {
            reply = std::move(std::get<PollReply>(parsed));
        }
    }
    if (!answered) {
        if (units_.failed(job.address, now)) {
            events.push_back({DeviceEventType::Lost, failure, job.address});
            pad.beeps.clear(); // a beep later would be for nothing
        }
        return;
    }
    if (units_.answered(job.address, now)) {
        events.push_back({DeviceEventType::Back, std::nullopt, job.address});
        for (Item& i : pad.leds)
            i.pending = i.feedback.has_value();
        pad.display.pending = pad.display.feedback.has_value();
    }

    if (job.kind == JobKind::Signal) {
        Item* item = findItem(pad, job.order);
        if (r.outcome == bus::Outcome::Busy) return; // still pending: sent again next round
        if (r.outcome == bus::Outcome::Refused)
            events.push_back({DeviceEventType::Refused, r.error, job.address});
        if (!item) return; // replaced meanwhile by a newer one, which stays pending
        if (!pad.beeps.empty() && &pad.beeps.front() == item)
            pad.beeps.pop_front();
        else
            item->pending = false;
        return;
    }
    if (r.outcome == bus::Outcome::Refused) {
        pad.polled = false;
        events.push_back({DeviceEventType::Refused, r.error, job.address});
        return;
    }
    if (!reply) return; // Busy: polled again next round with the same SEQ
    pad.pollSequence =
        bus::nextSequenceAfter(pad.pollSequence); // the reply arrived: the keypad may drop it
    if (reply->overflow)
        events.push_back({DeviceEventType::ReadFailed,
                          retryError("keys_lost", "keypad " + std::to_string(job.address) +
                                                      " lost key presses (its queue was full): "
                                                      "the clerk has to press again"),
                          job.address});
    collect(job.address, pad, *reply);
}

void KeypadBus::afterStep() {
    const auto keys = std::exchange(keys_, {});
    if (!onKey_) return;
    for (const auto& k : keys) {
        try {
            onKey_(k);
        } catch (...) {
            // The host's handler failed: its problem. The key counts as delivered; the keypad
            // has already dropped it.
        }
    }
}

void KeypadBus::lineOpenedLocked() {
    for (auto& [a, pad] : pads_) {
        for (Item& i : pad.leds)
            i.pending = i.feedback.has_value();
        pad.display.pending = pad.display.feedback.has_value();
    }
}

bus::TransactResult KeypadBus::transact(ByteStream& line, const Job& job, std::stop_token stop) {
    if (job.kind == JobKind::Signal) {
        const auto e = encodeFeedback(*job.feedback);
        return master_.transact(line, job.address, e.command, job.sequence, e.payload, stop, 1);
    }
    return master_.transact(line, job.address, bus::cmd::kPoll, job.sequence, {}, stop,
                            3 + kMaxKeysPerPoll, job.kind == JobKind::Recovery ? 1 : 0);
}

} // namespace hall::drivers::keypad
