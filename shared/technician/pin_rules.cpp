#include "shared/technician/pin_rules.h"

#include <algorithm>

namespace hall::technician {

namespace {

bool allDigits(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int digitAt(std::string_view s, std::size_t i) {
    return s[i] - '0';
}

// Every next digit is the previous one plus `step` (mod 10).
bool isRun(std::string_view pin, int step) {
    for (std::size_t i = 1; i < pin.size(); ++i)
        if ((digitAt(pin, i - 1) + step + 10) % 10 != digitAt(pin, i)) return false;
    return true;
}

} // namespace

bool looksLikePin(std::string_view pin) {
    return !pin.empty() && pin.size() <= kMaxPinLength && allDigits(pin);
}

std::optional<std::string> pinRuleViolation(std::string_view pin) {
    if (!allDigits(pin)) return "the PIN must contain digits only";
    if (pin.size() < kMinPinLength || pin.size() > kMaxPinLength)
        return "the PIN must have 6 to 12 digits";
    if (isRun(pin, 0)) return "the PIN must not repeat one digit";
    if (isRun(pin, 1) || isRun(pin, -1)) return "the PIN must not be a straight run of digits";
    return std::nullopt;
}

} // namespace hall::technician
