#include "callstation/controller/booking_book.h"

#include "drivers/scanner/booking_code.h"
#include "shared/store/durable_file.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace hall::controller {

namespace {

using nlohmann::json;

core::BusinessDay dayOf(core::Timestamp t, const core::TimeZone& zone) {
    return core::toLocal(zone, t).date;
}

} // namespace

BookingBook BookingBook::open(std::filesystem::path file) {
    BookingBook book;
    book.file_ = std::move(file);
    const auto text = store::readWholeFile(book.file_);
    if (!text) return book;
    try {
        const json stored = json::parse(*text);
        for (const auto& b : stored.at("bookings")) {
            core::Booking booking;
            booking.id = b.at("id").get<std::string>();
            booking.serviceId = b.at("service").get<std::string>();
            booking.slotStart = core::Timestamp(core::Millis(b.at("slot_ms").get<std::int64_t>()));
            booking.personKey = b.value("person_key", std::string());
            book.bookings_[booking.id] = std::move(booking);
        }
    } catch (const json::exception& e) {
        throw std::runtime_error(book.file_.string() + " is not a bookings file: " + e.what());
    }
    return book;
}

void BookingBook::add(core::Booking booking, core::BusinessDay today, const core::TimeZone& zone) {
    const auto id = drivers::scanner::normalBookingId(booking.id);
    if (!id) throw BookingError("bad_booking", "6 to 32 letters or digits", "id");
    if (bookings_.count(*id)) throw BookingError("duplicate", "booking " + *id + " exists", "id");
    if (dayOf(booking.slotStart, zone) < today)
        throw BookingError("bad_booking", "the slot is on a day that is over", "slot");
    booking.id = *id;
    auto kept = bookings_;
    std::erase_if(kept,
                  [&](const auto& entry) { return dayOf(entry.second.slotStart, zone) < today; });
    kept[booking.id] = std::move(booking);
    std::swap(kept, bookings_);
    try {
        save();
    } catch (...) {
        std::swap(kept, bookings_); // not written: not taken
        throw;
    }
}

void BookingBook::cancel(const std::string& id) {
    const auto normal = drivers::scanner::normalBookingId(id);
    auto it = normal ? bookings_.find(*normal) : bookings_.end();
    if (it == bookings_.end()) throw BookingError("not_found", "no booking " + id);
    const core::Booking removed = it->second;
    bookings_.erase(it);
    try {
        save();
    } catch (...) {
        bookings_[removed.id] = removed;
        throw;
    }
}

std::optional<core::Booking> BookingBook::find(const std::string& id) const {
    const auto normal = drivers::scanner::normalBookingId(id);
    if (!normal) return std::nullopt;
    const auto it = bookings_.find(*normal);
    if (it == bookings_.end()) return std::nullopt;
    return it->second;
}

std::vector<core::Booking> BookingBook::onDay(core::BusinessDay day,
                                              const core::TimeZone& zone) const {
    std::vector<core::Booking> found;
    for (const auto& [id, booking] : bookings_)
        if (dayOf(booking.slotStart, zone) == day) found.push_back(booking);
    std::ranges::sort(found, {}, &core::Booking::slotStart);
    return found;
}

void BookingBook::save() const {
    json list = json::array();
    for (const auto& [id, b] : bookings_) {
        json entry{{"id", b.id},
                   {"service", b.serviceId},
                   {"slot_ms", b.slotStart.time_since_epoch().count()}};
        if (!b.personKey.empty()) entry["person_key"] = b.personKey;
        list.push_back(std::move(entry));
    }
    if (!store::writeFileDurably(file_, json{{"bookings", list}}.dump(1)))
        throw std::runtime_error("cannot write " + file_.string());
}

} // namespace hall::controller
