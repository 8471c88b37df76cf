#pragma once
// ASCII-only character helpers for text that comes off devices (scanned codes, card numbers):
// locale-free on purpose, so a kiosk's locale can never change how a code is read.

#include <string_view>

namespace hall::drivers {

constexpr bool isAsciiSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

// s without leading and trailing ASCII whitespace.
constexpr std::string_view trimAscii(std::string_view s) {
    while (!s.empty() && isAsciiSpace(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && isAsciiSpace(s.back()))
        s.remove_suffix(1);
    return s;
}

} // namespace hall::drivers
