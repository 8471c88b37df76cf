// Checking in for a booking: today's, inside the window around its slot, once; the ticket is an
// appointment ticket of the booking's service with the booker's person key, called first once
// its slot starts; every refusal changes nothing and names what to do.
#include "tests/core/hall_fixture.h"

using namespace hall::core;
using namespace hall::core::testing;

namespace {

CheckIn checkInFor(std::string id, Timestamp slot, std::string personKey = "pk-booker") {
    return CheckIn{Booking{std::move(id), "a", slot, std::move(personKey)}, "tm-1"};
}

} // namespace

TEST_CASE("check-in: an appointment ticket, once per booking") {
    Hall h;
    h.now = at(9, 40);
    const auto decision = h.ok(checkInFor("BK1", at(10, 0)));
    REQUIRE(decision.ticket);
    const auto& ticket = h.ticket(*decision.ticket);
    CHECK(ticket.priority == PriorityClass::Appointment);
    REQUIRE(ticket.appointment);
    CHECK(ticket.appointment->id == "BK1");
    CHECK(ticket.appointment->slotStart == at(10, 0));
    CHECK(ticket.serviceId == "a");
    CHECK(ticket.personKey == "pk-booker");
    CHECK(ticket.sourceDevice == "tm-1");

    // A second check-in names the ticket the booking already has.
    const auto again = h.run(checkInFor("BK1", at(10, 0)));
    REQUIRE_FALSE(again.ok());
    CHECK(again.error().code == ErrorCode::AlreadyCheckedIn);
    CHECK(again.error().ticket == *decision.ticket);

    // The journal rebuilds the same state.
    CHECK(replay(h.engine.config(), h.zone_, h.journal).fingerprint() == h.engine.fingerprint());
}

TEST_CASE("check-in: the window around the slot is the hall's") {
    auto config = smallHall();
    config.queue.checkInEarly = minutes(20);
    config.queue.checkInLate = minutes(10);
    Hall h(config);

    h.now = at(9, 39);
    CHECK(h.refused(checkInFor("BK1", at(10, 0))) == ErrorCode::TooEarly);
    h.now = at(10, 11);
    CHECK(h.refused(checkInFor("BK1", at(10, 0))) == ErrorCode::TooLate);
    h.now = at(10, 10);
    h.ok(checkInFor("BK1", at(10, 0)));
    h.now = at(9, 40);
    h.ok(checkInFor("BK2", at(10, 0), "pk-other"));
}

TEST_CASE("check-in: another day's booking, no id, the service's own rules") {
    Hall h;
    h.now = at(9, 50);
    CHECK(h.refused(checkInFor("BK1", at(10, 0, 0, 1))) == ErrorCode::BookingNotToday);
    CHECK(h.refused(checkInFor("", at(10, 0))) == ErrorCode::InvalidArgument);
    CHECK(h.refused(CheckIn{Booking{"BK3", "nope", at(10, 0), ""}, "tm-1"}) ==
          ErrorCode::UnknownService);
    // One ticket per person and service: a booker who already took an ordinary number.
    h.issue("a", "pk-booker");
    CHECK(h.refused(checkInFor("BK4", at(10, 0))) == ErrorCode::DuplicatePerson);
}

TEST_CASE("check-in: before its slot a booking waits in line; once the slot starts it goes first") {
    Hall h;
    h.signIn(1, "s1");
    h.now = at(9, 20);
    const auto walkIn1 = h.issue("a");
    h.now = at(9, 25);
    const auto walkIn2 = h.issue("a");
    h.now = at(9, 30);
    const auto booked = *h.ok(checkInFor("BK1", at(10, 0), "")).ticket;
    h.now = at(9, 50);
    CHECK(h.callNext(1) == walkIn1);
    h.ok(StartServing{1});
    h.ok(Finish{1});
    h.now = at(10, 1);
    CHECK(h.callNext(1) == booked);
    h.ok(StartServing{1});
    h.ok(Finish{1});
    CHECK(h.callNext(1) == walkIn2);
}
