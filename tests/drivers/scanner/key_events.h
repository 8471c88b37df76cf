#pragma once
// A keyboard-mode scanner's key events for a string, the way such scanners type: for a shifted
// character Shift down, key down, key up, Shift up; a SYN_REPORT after each key change. Built
// from an inverse of the US keymap, so the tests check decoding against the table, not
// against a copy of it.

#include "drivers/scanner/key_decoder.h"
#include "drivers/scanner/us_keymap.h"

#include <linux/input-event-codes.h>
#include <stdexcept>
#include <string>
#include <vector>

namespace scanner_test {

inline std::vector<hall::drivers::scanner::InputEvent> typeKeys(const std::string& text) {
    using hall::drivers::scanner::InputEvent;
    std::vector<InputEvent> out;
    auto push = [&](unsigned code, int value) {
        out.push_back({EV_MSC, MSC_SCAN, static_cast<std::int32_t>(0x70000 + code)});
        out.push_back({EV_KEY, static_cast<std::uint16_t>(code), value});
        out.push_back({EV_SYN, SYN_REPORT, 0});
    };
    for (char c : text) {
        bool found = false;
        // Main block first, so digits come from the number row rather than the keypad.
        for (unsigned code = 1; code < KEY_KP7 && !found; ++code) {
            for (bool shift : {false, true}) {
                if (hall::drivers::scanner::usKeyChar(code, shift) != c) continue;
                if (shift) push(KEY_LEFTSHIFT, 1);
                push(code, 1);
                push(code, 0);
                if (shift) push(KEY_LEFTSHIFT, 0);
                found = true;
                break;
            }
        }
        if (!found) throw std::invalid_argument("no US key types this character");
    }
    return out;
}

// typeKeys + Enter.
inline std::vector<hall::drivers::scanner::InputEvent> typeCode(const std::string& text) {
    auto out = typeKeys(text);
    out.push_back({EV_KEY, KEY_ENTER, 1});
    out.push_back({EV_SYN, SYN_REPORT, 0});
    out.push_back({EV_KEY, KEY_ENTER, 0});
    out.push_back({EV_SYN, SYN_REPORT, 0});
    return out;
}

} // namespace scanner_test
