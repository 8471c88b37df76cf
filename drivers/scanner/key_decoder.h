#pragma once
// Turns the key events of a keyboard-mode scanner (evdev) back into the code it "typed".
//
// evdev protocol facts used here (linux/input.h, Documentation/input/event-codes.rst):
//   EV_KEY value 1 = press, 0 = release, 2 = autorepeat. A character is taken on press;
//   releases only matter for modifiers; autorepeat never comes from a scanner and is ignored.
//   EV_SYN SYN_REPORT closes one batch of events. EV_SYN SYN_DROPPED means the kernel's buffer
//   overflowed and events were lost: the code being typed is corrupt, and everything up to the
//   next SYN_REPORT must be discarded. Modifier state is then unknown and is reset to released
//   (a scanner releases Shift after each character).
//   EV_MSC MSC_SCAN (the raw HID usage) and EV_LED carry nothing we need.
// Modifiers: Shift (either) shifts; Caps Lock toggles letter case; Ctrl + a letter or one of
// @ [ \ ] ^ _ types the ASCII control character (how scanners send GS, 0x1D, inside GS1 codes).
// Alt (scanners' "Alt + keypad" mode for non-ASCII) and any key that types nothing poison the
// code: it is reported as unknown_key instead of being delivered with a character missing.
//
// Terminator: a key from terminatorKeys (default Enter and keypad Enter) ends the code. With no
// terminator keys, a pause of idleTimeout ends it, as for serial scanners without a suffix.

#include "drivers/scanner/payload_assembler.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace hall::drivers::scanner {

// One evdev event without its timestamp (struct input_event's type, code and value).
struct InputEvent {
    std::uint16_t type = 0;
    std::uint16_t code = 0;
    std::int32_t value = 0;
};

struct KeySettings {
    std::vector<unsigned> terminatorKeys = defaultTerminatorKeys();
    std::chrono::milliseconds idleTimeout{50}; // no terminator keys: this pause ends a code
    std::chrono::milliseconds staleAfter{500}; // with one: drop a partial code after this pause
    PayloadLimits limits;

    static std::vector<unsigned> defaultTerminatorKeys(); // KEY_ENTER, KEY_KPENTER
};

std::optional<std::string> checkKeySettings(const KeySettings& settings);

class KeyDecoder {
public:
    explicit KeyDecoder(KeySettings settings); // throws std::invalid_argument
    void feed(const InputEvent& event, const FrameSink& sink);
    std::optional<std::chrono::milliseconds> idleWait() const;
    void idle(const FrameSink& sink);
    void reset(); // drops the partial code and forgets modifier state

private:
    void press(unsigned code, const FrameSink& sink);
    bool isTerminator(unsigned code) const;

    KeySettings settings_;
    PayloadAssembler assembler_;
    bool leftShift_ = false, rightShift_ = false;
    bool leftCtrl_ = false, rightCtrl_ = false;
    bool leftAlt_ = false, rightAlt_ = false;
    bool capsLock_ = false;
    bool dropping_ = false; // after SYN_DROPPED, until the next SYN_REPORT
};

} // namespace hall::drivers::scanner
