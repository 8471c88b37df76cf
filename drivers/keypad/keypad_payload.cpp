#include "drivers/keypad/keypad_payload.h"

#include <stdexcept>
#include <string>

namespace hall::drivers::keypad {
namespace {

bool displayChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '-' || c == ' ';
}

} // namespace

std::variant<PollReply, DeviceError> parsePollReply(std::span<const std::uint8_t> data) {
    if (data.size() < 2)
        return deviceError("bad_poll_reply", "a keypad's poll reply of " +
                                                 std::to_string(data.size()) +
                                                 " bytes lacks the flags and key count");
    const std::size_t n = data[1];
    if (n > kMaxKeysPerPoll || data.size() != 2 + n)
        return deviceError("bad_poll_reply",
                           "a keypad's poll reply announces " + std::to_string(n) + " keys in " +
                               std::to_string(data.size()) +
                               " bytes: its firmware does not speak this protocol version");
    PollReply r;
    r.overflow = (data[0] & kFlagOverflow) != 0;
    for (std::size_t i = 0; i < n; ++i) {
        if (auto k = keyFromCode(data[2 + i]))
            r.keys.push_back(*k);
        else
            ++r.unknownCodes;
    }
    return r;
}

std::vector<std::uint8_t> encodePollReply(bool overflow, std::span<const Key> keys) {
    if (keys.size() > kMaxKeysPerPoll)
        throw std::invalid_argument("a poll reply carries at most 16 keys");
    std::vector<std::uint8_t> out;
    out.reserve(3 + keys.size());
    out.push_back(static_cast<std::uint8_t>(bus::Status::Ok));
    out.push_back(overflow ? kFlagOverflow : 0);
    out.push_back(static_cast<std::uint8_t>(keys.size()));
    for (const Key k : keys)
        out.push_back(static_cast<std::uint8_t>(k));
    return out;
}

std::string_view ledModeName(LedMode mode) {
    switch (mode) {
    case LedMode::Off:
        return "off";
    case LedMode::On:
        return "on";
    case LedMode::Blink:
        return "blink";
    }
    return "unknown";
}

std::optional<std::string> checkFeedback(const Feedback& feedback) {
    if (auto* l = std::get_if<LedCommand>(&feedback)) {
        if (l->led < 1 || l->led > 4)
            return "keypad LED " + std::to_string(l->led) + " is not 1..4";
        if (static_cast<std::uint8_t>(l->mode) > 2) return std::string("unknown LED mode");
    } else if (auto* b = std::get_if<BeepCommand>(&feedback)) {
        if (b->count < 1 || b->count > 5)
            return "beep count " + std::to_string(b->count) + " is not 1..5";
        if (b->length.count() < 10 || b->length.count() > 1000 || b->length.count() % 10 != 0)
            return "beep length " + std::to_string(b->length.count()) +
                   " ms is not 10..1000 ms in 10 ms steps";
    } else if (auto* d = std::get_if<DisplayCommand>(&feedback)) {
        if (d->text.size() > kMaxDisplay)
            return "a keypad display shows at most 8 characters, not " +
                   std::to_string(d->text.size());
        for (const char c : d->text)
            if (!displayChar(c))
                return std::string("a keypad display shows 0-9, A-Z, '-' and ' ' only");
    }
    return std::nullopt;
}

EncodedFeedback encodeFeedback(const Feedback& feedback) {
    if (auto why = checkFeedback(feedback)) throw std::invalid_argument(*why);
    if (auto* l = std::get_if<LedCommand>(&feedback))
        return {bus::cmd::kLed, {l->led, static_cast<std::uint8_t>(l->mode)}};
    if (auto* b = std::get_if<BeepCommand>(&feedback))
        return {bus::cmd::kBeep, {b->count, static_cast<std::uint8_t>(b->length.count() / 10)}};
    const auto& d = std::get<DisplayCommand>(feedback);
    EncodedFeedback e{bus::cmd::kDisplay, {}};
    for (const char c : d.text)
        e.payload.push_back(static_cast<std::uint8_t>(c));
    return e;
}

std::variant<Feedback, bus::Status> decodeFeedback(std::uint8_t command,
                                                   std::span<const std::uint8_t> p) {
    Feedback f;
    switch (command) {
    case bus::cmd::kLed:
        if (p.size() != 2 || p[1] > 2) return bus::Status::BadPayload;
        f = LedCommand{p[0], static_cast<LedMode>(p[1])};
        break;
    case bus::cmd::kBeep:
        if (p.size() != 2) return bus::Status::BadPayload;
        f = BeepCommand{p[0], std::chrono::milliseconds(p[1] * 10)};
        break;
    case bus::cmd::kDisplay:
        f = DisplayCommand{std::string(p.begin(), p.end())};
        break;
    default:
        return bus::Status::UnknownCommand;
    }
    if (checkFeedback(f)) return bus::Status::BadPayload;
    return f;
}

} // namespace hall::drivers::keypad
