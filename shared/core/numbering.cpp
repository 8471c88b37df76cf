#include "shared/core/numbering.h"

#include <cstdio>

namespace hall::core {

std::string formatTicketNumber(const Service& service, int sequence) {
    char digits[32];
    std::snprintf(digits, sizeof digits, "%0*d", service.numberWidth, sequence);
    return service.prefix + digits;
}

} // namespace hall::core
