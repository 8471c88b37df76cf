#pragma once
// Which PINs a technician may choose. A PIN guards device settings and enrollment on a box that
// stands in a public hall, so the rules refuse the PINs people try first.

#include <optional>
#include <string>
#include <string_view>

namespace hall::technician {

inline constexpr std::size_t kMinPinLength = 6;
inline constexpr std::size_t kMaxPinLength = 12;

// Empty when the PIN is acceptable, otherwise why not (English, shown by the CLI):
// 6–12 digits, not all the same digit (000000), not a straight run up or down (123456, 987654,
// also across 9→0 such as 890123).
std::optional<std::string> pinRuleViolation(std::string_view pin);

// Only the shape: 1–12 ASCII digits. A PIN entered at the menu is checked against the hash only
// if it has this shape; the rules above apply when a PIN is set.
bool looksLikePin(std::string_view pin);

} // namespace hall::technician
