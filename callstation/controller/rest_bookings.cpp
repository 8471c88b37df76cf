// The hall's bookings over the REST API (docs/api.md, "Bookings"): the booking system or the
// hall's staff add them, list a day's, cancel one. The ID number a booking may come with is
// turned into the person key at once (the hall's secret, as terminals do with an ID card) and
// dropped; neither the book nor the audit log ever holds it. Check-in itself is a terminal's
// `check_in` request (terminal_session.cpp), decided by the engine.

#include "callstation/controller/engine_worker.h"
#include "callstation/controller/hub.h"
#include "callstation/controller/rest_api.h"
#include "callstation/controller/rest_support.h"
#include "drivers/scanner/booking_code.h"
#include "shared/protocol/signage.h"

#include <nlohmann/json.hpp>
#include <random>

namespace hall::controller {

namespace http = boost::beast::http;
using nlohmann::json;
using rest::Call;

namespace {

// "2026-12-07T10:30", hall time.
std::optional<core::Timestamp> parseSlot(const std::string& text, const core::TimeZone& zone) {
    const auto t = text.find('T');
    if (t == std::string::npos) return std::nullopt;
    const auto day = protocol::parseDay(text.substr(0, t));
    const auto minute = protocol::parseMinute(text.substr(t + 1));
    if (!day || !minute) return std::nullopt;
    return core::localToUtc(zone, *day, *minute);
}

std::string formatSlot(core::Timestamp slot, const core::TimeZone& zone) {
    const auto local = core::toLocal(zone, slot);
    return core::formatDay(local.date) + "T" + core::formatLocalClock(zone, slot).substr(0, 5);
}

// A code nobody guesses: 10 of the letters and digits that cannot be misread.
std::string newBookingId() {
    static constexpr std::string_view kAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    std::random_device random;
    std::string id;
    for (int i = 0; i < 10; ++i)
        id += kAlphabet[random() % kAlphabet.size()];
    return id;
}

// A booking as the API shows it, with the number of its ticket once it is checked in.
json bookingJson(const core::Booking& booking, const core::Engine& engine) {
    json out{{"id", booking.id},
             {"code", drivers::scanner::bookingQrText(booking.id)},
             {"service", booking.serviceId},
             {"slot", formatSlot(booking.slotStart, engine.zone())},
             {"person", !booking.personKey.empty()},
             {"ticket", nullptr}};
    const auto day = core::toLocal(engine.zone(), booking.slotStart).date;
    engine.forEachTicket([&](const core::Ticket& t) {
        if (t.day == day && t.appointment && t.appointment->id == booking.id)
            out["ticket"] = t.number;
    });
    return out;
}

} // namespace

void RestApi::bookings(const std::shared_ptr<Call>& call, std::optional<std::string> id) {
    const auto verb = call->method();
    if (!id && verb == http::verb::get) {
        std::optional<core::BusinessDay> day;
        if (call->query.count("day") && !(day = protocol::parseDay(call->query["day"])))
            return call->fail(http::status::bad_request, "bad_request", "day: a date, YYYY-MM-DD");
        return context_.worker.run([this, call, day](HallData& data) {
            const auto& engine = data.engine.engine();
            const auto shown = day.value_or(engine.businessDay(context_.clock.now()));
            json list = json::array();
            for (const auto& b : data.bookings.onDay(shown, engine.zone()))
                list.push_back(bookingJson(b, engine));
            boost::asio::post(context_.network, [call, shown, list = std::move(list)] {
                call->ok(json{{"day", core::formatDay(shown)}, {"bookings", list}});
            });
        });
    }
    if (!id && verb == http::verb::post) {
        auto body = call->jsonBody();
        if (!body) return;
        core::Booking booking;
        std::string slotText, idNumber;
        try {
            booking.id = body->value("id", newBookingId());
            booking.serviceId = body->at("service").get<std::string>();
            slotText = body->at("slot").get<std::string>();
            idNumber = body->value("id_number", std::string());
        } catch (const json::exception&) {
            return call->fail(http::status::bad_request, "bad_booking",
                              "service and slot (YYYY-MM-DDTHH:MM) are required; id and id_number "
                              "are text");
        }
        if (!context_.hub.config().findService(booking.serviceId))
            return call->fail(http::status::bad_request, "bad_booking",
                              "service: no service '" + booking.serviceId + "'");
        if (!idNumber.empty()) {
            booking.personKey = rest::personKeyOf(idNumber, context_.personKeySecret);
            if (booking.personKey.empty())
                return call->fail(http::status::bad_request, "bad_booking",
                                  "id_number: not an ID number (15 or 18 letters and digits)");
        }
        return context_.worker.run([this, call, booking = std::move(booking),
                                    slotText](HallData& data) mutable {
            const auto& engine = data.engine.engine();
            json answer;
            std::optional<BookingError> refused;
            std::string failed;
            if (const auto slot = parseSlot(slotText, engine.zone())) {
                booking.slotStart = *slot;
                try {
                    data.bookings.add(booking, engine.businessDay(context_.clock.now()),
                                      engine.zone());
                    booking = *data.bookings.find(booking.id);
                    answer = bookingJson(booking, engine);
                    data.audit.record(context_.clock.now(), call->admin.device, "booking_add",
                                      booking.id + " " + booking.serviceId + " " + slotText);
                } catch (const BookingError& e) {
                    refused = e;
                } catch (const std::exception& e) {
                    failed = e.what();
                }
            } else {
                refused =
                    BookingError("bad_booking", "a local date and time, YYYY-MM-DDTHH:MM", "slot");
            }
            boost::asio::post(context_.network, [call, answer, refused, failed] {
                if (refused) return call->refuse(*refused);
                if (!failed.empty())
                    return call->fail(http::status::internal_server_error, "internal", failed);
                call->ok(answer, http::status::created);
            });
        });
    }
    if (id && verb == http::verb::delete_) {
        return context_.worker.run([this, call, id = *id](HallData& data) {
            std::optional<BookingError> refused;
            std::string failed;
            try {
                data.bookings.cancel(id);
                data.audit.record(context_.clock.now(), call->admin.device, "booking_cancel", id);
            } catch (const BookingError& e) {
                refused = e;
            } catch (const std::exception& e) {
                failed = e.what();
            }
            boost::asio::post(context_.network, [call, id, refused, failed] {
                if (refused) return call->refuse(*refused);
                if (!failed.empty())
                    return call->fail(http::status::internal_server_error, "internal", failed);
                call->ok(json{{"cancelled", id}});
            });
        });
    }
    call->fail(http::status::method_not_allowed, "not_found",
               "GET or POST /api/v1/bookings, DELETE /api/v1/bookings/<id>");
}

} // namespace hall::controller
