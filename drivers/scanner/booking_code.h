#pragma once
// The hall's booking code: what the online booking system prints in a booking's QR, what a
// citizen types at the ticket machine when no QR is at hand, and what the controller keys its
// bookings by. One rule for all of them:
//   id       6 to 32 ASCII letters or digits, kept upper-case. Lower case is accepted and
//            upper-cased, because keyboard-mode scanners follow the host's Caps Lock and can
//            invert letter case, and because a citizen types on a keyboard of any case.
//   QR text  "HALL-APPT:" + id; the prefix too is matched without regard to case.
// Locale-free on purpose (see drivers/base/ascii.h).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace hall::drivers::scanner {

inline constexpr std::string_view kAppointmentPrefix = "HALL-APPT:";
inline constexpr std::size_t kBookingIdMin = 6;
inline constexpr std::size_t kBookingIdMax = 32;

// The id in its kept form; nullopt when `id` is not a booking code.
std::optional<std::string> normalBookingId(std::string_view id);

// The text of the booking's QR.
std::string bookingQrText(std::string_view id);

} // namespace hall::drivers::scanner
