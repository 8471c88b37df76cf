#include "drivers/scanner/booking_code.h"

namespace hall::drivers::scanner {

std::optional<std::string> normalBookingId(std::string_view id) {
    if (id.size() < kBookingIdMin || id.size() > kBookingIdMax) return std::nullopt;
    std::string normal;
    normal.reserve(id.size());
    for (const char c : id) {
        if (c >= 'a' && c <= 'z') {
            normal.push_back(static_cast<char>(c - 'a' + 'A'));
        } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            normal.push_back(c);
        } else {
            return std::nullopt;
        }
    }
    return normal;
}

std::string bookingQrText(std::string_view id) {
    std::string text(kAppointmentPrefix);
    text += id;
    return text;
}

} // namespace hall::drivers::scanner
