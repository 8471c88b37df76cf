#pragma once
// The hall's bookings (预约), as the booking system or the hall's staff enter them through the
// REST API: DATA_DIR/bookings.json, rewritten whole and synced on every change (a crash leaves
// the old file or the new one). A booking names its service, its slot and, when the booker gave
// their ID number, the person key of that number — never the number itself. Bookings of days
// before today are dropped at the next change. Whether a booking is checked in is the engine's
// to know (an appointment ticket with its id); the book only finds bookings. Used on the engine
// worker's thread.

#include "callstation/controller/refused_change.h"
#include "shared/core/ticket.h"
#include "shared/core/time.h"

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace hall::controller {

using BookingError = RefusedChange;

// The bookings the hall's booking system sent, kept by id in the form of the booking-code rule
// (drivers/scanner/booking_code.h).
class BookingBook {
public:
    // An absent file is an empty book. Throws std::runtime_error for a file it cannot read.
    static BookingBook open(std::filesystem::path file);

    // Throws BookingError; `today` drops the bookings of earlier days from the file.
    void add(core::Booking booking, core::BusinessDay today, const core::TimeZone& zone);
    void cancel(const std::string& id); // throws BookingError(not_found)

    std::optional<core::Booking> find(const std::string& id) const;
    // Every booking whose slot falls on `day` (hall time), by slot.
    std::vector<core::Booking> onDay(core::BusinessDay day, const core::TimeZone& zone) const;

private:
    void save() const;

    std::filesystem::path file_;
    std::map<std::string, core::Booking> bookings_; // by id
};

} // namespace hall::controller
