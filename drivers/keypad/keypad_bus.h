#pragma once
// The hardware keypads of one bus line (caller keypads and evaluators, up to 64 addresses on one
// RS-485 line or one wireless repeater presenting the same bus) as one device. Keypads speak
// only when polled (keypad_payload.h): the worker polls every keypad in turn, at most every
// pollInterval, and hands each key to the KeyHandler with the keypad's address.
//
// Number entry: digits typed on a caller keypad are collected per keypad (up to 8) and given
// with the next command key or Enter: "1 2 transfer" is KeyEvent{transfer, number "12"}. Each
// digit is also delivered at once (number = the digits so far), so a screen can echo them;
// Clear empties the number.
//
// Feedback (LED, beep, display) is queued per keypad and sent before the next poll, oldest
// first. The LEDs and the display are states: a keypad that comes back after an outage gets
// them again. A beep is a moment: it is dropped for a keypad that is offline.
//
// Per keypad: silence or only damaged replies → Lost once (DeviceEvent::unit), probed in the
// background with the same POLL (so keys pressed during the outage are not lost), Back when it
// answers; the others are polled as usual. A reply flagging lost keys → ReadFailed "keys_lost".
// A unit that refuses POLL (not a keypad) → Refused once, and it is no longer polled.

#include "drivers/bus/line_device.h"
#include "drivers/keypad/keypad_payload.h"

#include <array>
#include <deque>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace hall::drivers::keypad {

struct KeyEvent {
    std::uint8_t address = 0; // the keypad, i.e. its window's caller or evaluator
    Key key = Key::CallNext;
    // With a command key or Enter: the number typed before it ("" when none). With a digit: the
    // digits so far, this one included. Empty otherwise.
    std::string number;
};

// Called on the bus's worker thread; must not block. An exception is swallowed (the key is
// counted as delivered).
using KeyHandler = std::function<void(const KeyEvent&)>;

struct KeypadBusOptions {
    std::vector<std::uint8_t> addresses;         // the keypads on this line, 1..64
    std::chrono::milliseconds pollInterval{100}; // at most this often per keypad
    bus::ProbePolicy probe{};
    ReopenPolicy reopen{};
};

struct KeypadStatus {
    bus::UnitState state = bus::UnitState::Unknown;
    std::string number; // digits typed and not yet used
    std::size_t pendingFeedback = 0;
    std::uint64_t keys = 0; // keys delivered from this keypad
    bool polled = true;     // false once it refused POLL
};

// One transaction the bus worker chose (internal to KeypadBus, named here for its base).
struct KeypadJob {
    enum class Kind { Poll, Recovery, Signal } kind = Kind::Poll; // Signal: feedback
    std::uint8_t address = 0;
    std::uint8_t sequence = 0;
    std::uint64_t order = 0; // Signal: the item sent, found again by its order
    std::optional<Feedback> feedback;
};

class KeypadBus final : public bus::LineDevice<KeypadJob> {
public:
    // Throws std::invalid_argument for addresses outside 1..64 or repeated.
    KeypadBus(const DeviceDescriptor& descriptor, const std::string& port, bus::LineOpener open,
              bus::LineSettings line, DeviceEventSink events, KeyHandler onKey,
              KeypadBusOptions options);
    ~KeypadBus() override;

    // Queue feedback for one keypad. Throws std::invalid_argument (unknown address, value out of
    // range) and changes nothing.
    void send(std::uint8_t address, const Feedback& feedback);
    void setLed(std::uint8_t address, std::uint8_t led, LedMode mode) {
        send(address, LedCommand{led, mode});
    }
    void beep(std::uint8_t address, std::uint8_t count = 1,
              std::chrono::milliseconds length = std::chrono::milliseconds(100)) {
        send(address, BeepCommand{count, length});
    }
    void display(std::uint8_t address, const std::string& text) {
        send(address, DisplayCommand{text});
    }

    KeypadStatus status(std::uint8_t address) const;
    // Waits until no feedback is pending for a keypad that is not offline; false on timeout.
    bool waitFeedbackSent(std::chrono::milliseconds timeout) const;
    bus::LineCounters counters() const { return master_.counters(); }

private:
    using Job = KeypadJob;
    using JobKind = KeypadJob::Kind;
    struct Item {
        std::optional<Feedback> feedback;
        std::uint64_t order = 0;
        bool pending = false;
    };
    struct Pad {
        std::array<Item, 4> leds; // by LED 1..4
        Item display;
        std::deque<Item> beeps;        // at most kMaxQueuedBeeps; more are not queued
        std::uint8_t pollSequence = 0; // moves on only after a poll reply arrived
        Clock::time_point lastPoll{};
        std::string number;
        std::uint64_t keys = 0;
        bool polled = true;
    };
    static constexpr std::size_t kMaxQueuedBeeps = 4;
    void lineOpenedLocked() override;
    std::optional<Job> pick(Clock::time_point now, Clock::time_point& wakeAt) override;
    bus::TransactResult transact(ByteStream& line, const Job& job, std::stop_token stop) override;
    void apply(const Job& job, const bus::TransactResult& r,
               std::vector<bus::UnitEvent>& events) override;
    void afterStep() override; // delivers the keys apply() collected
    Item* findItem(Pad& pad, std::uint64_t order);
    void collect(std::uint8_t address, Pad& pad, const PollReply& reply);
    bool feedbackSentLocked() const;

    bus::BusMaster master_;
    KeyHandler onKey_;
    KeypadBusOptions options_;

    // Under mutex_:
    std::map<std::uint8_t, Pad> pads_;
    std::size_t cursor_ = 0; // round-robin position in addresses()
    // Keys of the last step, from apply() to afterStep(): the worker's thread only.
    std::vector<KeyEvent> keys_;
};

} // namespace hall::drivers::keypad
