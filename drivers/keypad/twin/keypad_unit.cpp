#include "drivers/keypad/twin/keypad_unit.h"

#include <stdexcept>

namespace hall::drivers::keypad {

void KeypadUnit::press(Key key) {
    const bool evaluator = type_ == bus::UnitType::Evaluator;
    if (isEvaluation(key) != evaluator)
        throw std::invalid_argument(std::string(evaluator ? "an evaluator" : "a caller keypad") +
                                    " has no key " + std::string(keyName(key)));
    if (queue_.size() >= kQueue) {
        overflow_ = true;
        return;
    }
    queue_.push_back(key);
}

void KeypadUnit::typed(const std::string& digits) {
    std::vector<Key> keys;
    for (const char c : digits) {
        auto k = digitKey(c);
        if (!k) throw std::invalid_argument("'" + digits + "' is not a string of digits");
        keys.push_back(*k);
    }
    for (const Key k : keys)
        press(k);
}

void KeypadUnit::powerCycle() {
    queue_.clear();
    overflow_ = false;
    lastSequence_ = 0;
    lastReply_.reset();
    display_.clear();
    leds_ = {};
}

std::optional<std::vector<std::uint8_t>> KeypadUnit::handle(const bus::Frame& request) {
    if (request.command == bus::cmd::kIdentify)
        return std::vector<std::uint8_t>{static_cast<std::uint8_t>(bus::Status::Ok),
                                         static_cast<std::uint8_t>(type_), bus::kProtocolVersion};
    if (request.command == bus::cmd::kPoll) {
        if (!request.payload.empty())
            return std::vector<std::uint8_t>{static_cast<std::uint8_t>(bus::Status::BadPayload)};
        if (lastReply_ && request.sequence == lastSequence_) return lastReply_; // a repeat
        // A new SEQ: the controller has the last reply; its keys are delivered.
        std::vector<Key> keys;
        while (!queue_.empty() && keys.size() < kMaxKeysPerPoll) {
            keys.push_back(queue_.front());
            queue_.pop_front();
        }
        lastReply_ = encodePollReply(overflow_, keys);
        lastSequence_ = request.sequence;
        overflow_ = false;
        return lastReply_;
    }
    auto decoded = decodeFeedback(request.command, request.payload);
    if (auto* s = std::get_if<bus::Status>(&decoded))
        return std::vector<std::uint8_t>{static_cast<std::uint8_t>(*s)};
    const auto& f = std::get<Feedback>(decoded);
    if (auto* l = std::get_if<LedCommand>(&f))
        leds_[static_cast<std::size_t>(l->led - 1)] = l->mode;
    else if (auto* b = std::get_if<BeepCommand>(&f))
        beeps_ += b->count;
    else
        display_ = std::get<DisplayCommand>(f).text;
    return std::vector<std::uint8_t>{static_cast<std::uint8_t>(bus::Status::Ok)};
}

std::string KeypadUnit::render() const {
    std::string s = type_ == bus::UnitType::Evaluator ? "evaluator: " : "caller: ";
    s += "display \"" + display_ + "\"";
    for (std::size_t i = 0; i < leds_.size(); ++i)
        if (leds_[i] != LedMode::Off)
            s += ", led " + std::to_string(i + 1) + " " + std::string(ledModeName(leds_[i]));
    s += ", " + std::to_string(beeps_) + " beep" + (beeps_ == 1 ? "" : "s");
    s += ", " + std::to_string(queue_.size()) + " key" + (queue_.size() == 1 ? "" : "s") +
         " waiting";
    return s;
}

} // namespace hall::drivers::keypad
