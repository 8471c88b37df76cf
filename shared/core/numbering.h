#pragma once
// Ticket numbers: the service's prefix and the day's sequence, zero-padded to the service's width
// ("A" + 17 → "A017"). One function for issuing and leasing, so a leased number is exactly the
// number normal issuing would have given that sequence.

#include "shared/core/hall_config.h"

#include <string>

namespace hall::core {

std::string formatTicketNumber(const Service& service, int sequence);

} // namespace hall::core
