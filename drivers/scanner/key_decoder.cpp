#include "drivers/scanner/key_decoder.h"

#include "drivers/scanner/us_keymap.h"

#include <algorithm>
#include <linux/input-event-codes.h>
#include <stdexcept>

namespace hall::drivers::scanner {
namespace {

std::string endHint(const KeySettings& s) {
    if (s.terminatorKeys.empty())
        return "a pause of " + std::to_string(s.idleTimeout.count()) +
               " ms (this scanner is set up without a terminator key)";
    return "the Enter key (or the terminator key this scanner is set up with)";
}

// Ctrl + key → ASCII control character, as a terminal computes it: the character's code with
// bits 5 and 6 cleared, defined for @ A–Z [ \ ] ^ _ (0x40–0x5F) and the lower-case letters.
std::optional<char> controlChar(char c) {
    if (c >= 'a' && c <= 'z') return static_cast<char>(c - 'a' + 1);
    if (c >= '@' && c <= '_') return static_cast<char>(c - '@');
    return std::nullopt;
}

DeviceError unknownKey() {
    return retryError("unknown_key",
                      "the scanner typed a key that is not a character of a US keyboard layout; "
                      "scan again (if this repeats, set the scanner to a US keyboard layout and "
                      "plain ASCII output, not Alt + keypad codes)");
}

} // namespace

std::vector<unsigned> KeySettings::defaultTerminatorKeys() {
    return {KEY_ENTER, KEY_KPENTER};
}

std::optional<std::string> checkKeySettings(const KeySettings& s) {
    if (auto e = checkPayloadLimits(s.limits)) return e;
    using std::chrono::milliseconds;
    if (s.idleTimeout < milliseconds(1) || s.idleTimeout > milliseconds(10'000))
        return "scanner idle timeout must be 1 to 10000 ms";
    if (s.staleAfter < milliseconds(10) || s.staleAfter > milliseconds(60'000))
        return "scanner partial-code timeout must be 10 to 60000 ms";
    for (unsigned k : s.terminatorKeys)
        if (k == 0 || k > KEY_MAX)
            return "terminator key code " + std::to_string(k) + " is not a key";
    return std::nullopt;
}

KeyDecoder::KeyDecoder(KeySettings settings)
    : settings_(std::move(settings)), assembler_(settings_.limits, endHint(settings_)) {
    if (auto e = checkKeySettings(settings_)) throw std::invalid_argument(*e);
}

bool KeyDecoder::isTerminator(unsigned code) const {
    return std::find(settings_.terminatorKeys.begin(), settings_.terminatorKeys.end(), code) !=
           settings_.terminatorKeys.end();
}

void KeyDecoder::feed(const InputEvent& ev, const FrameSink& sink) {
    if (ev.type == EV_SYN) {
        if (ev.code == SYN_DROPPED) {
            dropping_ = true;
            leftShift_ = rightShift_ = leftCtrl_ = rightCtrl_ = leftAlt_ = rightAlt_ = false;
            assembler_.poison(retryError(
                "events_dropped",
                "key events from the scanner were lost (the system was too busy to read them); "
                "scan again"));
        } else if (ev.code == SYN_REPORT) {
            dropping_ = false;
        }
        return;
    }
    if (dropping_ || ev.type != EV_KEY) return;
    const bool down = ev.value == 1;
    if (ev.value != 0 && ev.value != 1) return; // autorepeat (2) or nonsense
    switch (ev.code) {
    case KEY_LEFTSHIFT:
        leftShift_ = down;
        return;
    case KEY_RIGHTSHIFT:
        rightShift_ = down;
        return;
    case KEY_LEFTCTRL:
        leftCtrl_ = down;
        return;
    case KEY_RIGHTCTRL:
        rightCtrl_ = down;
        return;
    case KEY_LEFTALT:
        leftAlt_ = down;
        return;
    case KEY_RIGHTALT:
        rightAlt_ = down;
        return;
    case KEY_CAPSLOCK:
        if (down) capsLock_ = !capsLock_;
        return;
    case KEY_NUMLOCK:
    case KEY_SCROLLLOCK:
    case KEY_LEFTMETA:
    case KEY_RIGHTMETA:
        return; // state keys some scanners toggle around a code; they type nothing
    default:
        if (down) press(ev.code, sink);
        return;
    }
}

void KeyDecoder::press(unsigned code, const FrameSink& sink) {
    if (isTerminator(code)) {
        assembler_.finish(sink);
        return;
    }
    if (leftAlt_ || rightAlt_) {
        assembler_.poison(unknownKey());
        return;
    }
    bool shift = leftShift_ || rightShift_;
    if (capsLock_ && isLetterKey(code)) shift = !shift;
    auto c = usKeyChar(code, shift);
    if (!c) {
        assembler_.poison(unknownKey());
        return;
    }
    if (leftCtrl_ || rightCtrl_) {
        c = controlChar(*c);
        if (!c) {
            assembler_.poison(unknownKey());
            return;
        }
    }
    assembler_.add(static_cast<std::uint8_t>(*c), sink);
}

std::optional<std::chrono::milliseconds> KeyDecoder::idleWait() const {
    if (!assembler_.pending()) return std::nullopt;
    return settings_.terminatorKeys.empty() ? settings_.idleTimeout : settings_.staleAfter;
}

void KeyDecoder::idle(const FrameSink& sink) {
    if (settings_.terminatorKeys.empty())
        assembler_.finish(sink);
    else
        assembler_.abandon(sink);
}

void KeyDecoder::reset() {
    assembler_.reset();
    leftShift_ = rightShift_ = leftCtrl_ = rightCtrl_ = leftAlt_ = rightAlt_ = false;
    capsLock_ = false;
    dropping_ = false;
}

} // namespace hall::drivers::scanner
