#include "shared/core/numbering.h"

#include <algorithm>
#include <cstdio>

namespace hall::core {

std::string formatTicketNumber(const Service& service, int sequence) {
    char digits[32];
    std::snprintf(digits, sizeof digits, "%0*d", service.numberWidth, sequence);
    return service.prefix + digits;
}

std::optional<TypedNumber> splitTypedNumber(std::string_view typed) {
    const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
    const auto isLetter = [](char c) { return c >= 'A' && c <= 'Z'; };
    std::size_t split = 0;
    while (split < typed.size() && isLetter(typed[split]))
        ++split;
    const auto digits = typed.substr(split);
    if (digits.empty() || digits.size() > 6 || !std::all_of(digits.begin(), digits.end(), isDigit))
        return std::nullopt;
    TypedNumber out{std::string(typed.substr(0, split)), 0};
    for (char c : digits)
        out.sequence = out.sequence * 10 + (c - '0');
    return out;
}

} // namespace hall::core
