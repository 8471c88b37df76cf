#pragma once
// One keypad behind the bus twin (drivers/bus/twin/bus_twin.h): a caller keypad or an
// evaluator, answering POLL with the keys pressed (press(), typed()), and showing the feedback
// it was sent:
//
//   caller: display "A012", led 1 on, 2 beeps, 0 keys waiting
//
// It keeps its last POLL reply until a POLL with another SEQ arrives (keypad_payload.h), and
// holds at most kQueue keys: more are dropped and the next reply says so (the overflow flag).

#include "drivers/bus/twin/bus_twin.h"
#include "drivers/keypad/keypad_payload.h"

#include <array>
#include <deque>
#include <string>

namespace hall::drivers::keypad {

class KeypadUnit : public bus::BusUnit {
public:
    static constexpr std::size_t kQueue = 32;

    explicit KeypadUnit(bus::UnitType type = bus::UnitType::CallerKeypad) : type_(type) {}

    std::optional<std::vector<std::uint8_t>> handle(const bus::Frame& request) override;
    std::string render() const override;

    // Throws std::invalid_argument for a key this kind of keypad does not have (an evaluator
    // has only the five evaluation keys; a caller keypad has all the others).
    void press(Key key);
    // Digit keys, one per character: "012".
    void typed(const std::string& digits);
    // Power lost and back: display, LEDs, waiting keys and the kept reply are gone.
    void powerCycle();

    bus::UnitType type() const { return type_; }
    std::size_t waiting() const { return queue_.size(); }
    const std::string& display() const { return display_; }
    LedMode led(std::uint8_t n) const { return leds_.at(n - 1u); }
    std::uint64_t beeps() const { return beeps_; }

private:
    bus::UnitType type_;
    std::deque<Key> queue_;
    bool overflow_ = false;
    // The last POLL reply, kept until a POLL with another SEQ (exactly-once delivery).
    std::uint8_t lastSequence_ = 0;
    std::optional<std::vector<std::uint8_t>> lastReply_;
    std::string display_;
    std::array<LedMode, 4> leds_{};
    std::uint64_t beeps_ = 0;
};

} // namespace hall::drivers::keypad
