#pragma once
// Keyboard-mode scanners "type" each character of a code as a USB HID key press on a US layout
// (the factory default of every model we support; the scanner holds Shift for upper-case
// letters and shifted symbols). The kernel reports those presses as linux/input-event-codes.h
// KEY_* codes; this is the US layout's table from key code to character.
//
// Keypad keys type their digits and operators whatever the Num Lock state: a scanner that sends
// keypad codes (some do, for digits) means the digits.

#include <optional>

namespace hall::drivers::scanner {

// The character typed by `code`, with or without Shift; nullopt for a key that types nothing
// printable (modifiers, function keys, Enter handled by the caller…). Enter types '\n', Tab '\t'.
std::optional<char> usKeyChar(unsigned code, bool shift) noexcept;

// KEY_A … KEY_Z: the keys Caps Lock affects.
bool isLetterKey(unsigned code) noexcept;

} // namespace hall::drivers::scanner
