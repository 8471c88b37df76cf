#pragma once
// Ticket numbers: the service's prefix and the day's sequence, zero-padded to the service's width
// ("A" + 17 → "A017"). One function for issuing and leasing, so a leased number is exactly the
// number normal issuing would have given that sequence.

#include "shared/core/hall_config.h"

#include <optional>
#include <string>
#include <string_view>

namespace hall::core {

std::string formatTicketNumber(const Service& service, int sequence);

// A number as a clerk or a keypad types it: letters (possibly none) then 1–6 digits, "A12",
// "12", "A012"; nullopt for anything else.
struct TypedNumber {
    std::string letters;
    int sequence = 0;
};
std::optional<TypedNumber> splitTypedNumber(std::string_view typed);

} // namespace hall::core
