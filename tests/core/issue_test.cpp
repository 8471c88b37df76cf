// Issuing tickets: numbering per service, quotas, opening hours, one ticket per person, and the
// priority classes.

#include "tests/core/hall_fixture.h"

using namespace hall::core;
using namespace hall::core::testing;

TEST_CASE("numbers are the prefix and a zero-padded sequence per service") {
    auto config = smallHall();
    config.services[2].numberWidth = 4;
    config.services[1].prefix = "BZ";
    Hall h(config);

    const auto a1 = h.issue("a");
    const auto a2 = h.issue("a");
    const auto b1 = h.issue("b");
    const auto a3 = h.issue("a");
    const auto c1 = h.issue("c");
    CHECK(h.number(a1) == "A001");
    CHECK(h.number(a2) == "A002");
    CHECK(h.number(a3) == "A003");
    CHECK(h.number(b1) == "BZ001");
    CHECK(h.number(c1) == "C0001");
    CHECK(h.ticket(a3).sequence == 3);
    CHECK(h.ticket(b1).sequence == 1);

    // Ids increase and are never reused.
    CHECK(a1 < a2);
    CHECK(a2 < b1);
    CHECK(b1 < a3);
    CHECK(a3 < c1);
    CHECK(h.engine.lastTicketId() == c1);

    const auto& t = h.ticket(a2);
    CHECK(t.state == TicketState::Waiting);
    CHECK(t.serviceId == "a");
    CHECK(t.issuedServiceId == "a");
    CHECK(t.day == kDay0);
    CHECK(t.issuedAt == h.now);
    CHECK(t.queuedAt == h.now);
    CHECK(t.eligibleAt <= h.now);
    CHECK(t.sourceDevice == "kiosk-1");
    CHECK(t.priority == PriorityClass::Normal);
    CHECK(h.engine.ticketByNumber("A002") == h.engine.ticket(a2));
    CHECK(h.engine.ticketByNumber("A009") == nullptr);
    h.checkReplay();
}

TEST_CASE("the issue event carries the facts of the ticket") {
    Hall h;
    IssueTicket c;
    c.serviceId = "b";
    c.sourceDevice = "machine-3";
    c.personKey = "hash-of-person";
    const auto d = h.ok(c);
    REQUIRE(d.events.size() == 1);
    CHECK(d.events[0].at == h.now);
    const auto e = findEvent<TicketIssued>(d);
    REQUIRE(e.has_value());
    CHECK(e->number == "B001");
    CHECK(e->sequence == 1);
    CHECK(e->serviceId == "b");
    CHECK(e->day == kDay0);
    CHECK(e->sourceDevice == "machine-3");
    CHECK(e->personKey == "hash-of-person");
    CHECK(e->priority == PriorityClass::Normal);
    CHECK(h.ticket(e->ticket).personKey == "hash-of-person");
}

TEST_CASE("an unknown service is refused") {
    Hall h;
    IssueTicket c;
    c.serviceId = "passport";
    CHECK(h.refused(c) == ErrorCode::UnknownService);
    CHECK(h.engine.lastTicketId() == 0);
}

TEST_CASE("the daily quota stops issuing until the next business day") {
    auto config = smallHall();
    config.services[0].dailyQuota = 2;
    Hall h(config);
    const auto a1 = h.issue("a");
    h.issue("a");
    CHECK(h.refused(issueOf("a")) == ErrorCode::QuotaReached);
    // Other services are not affected; cancelling does not give a number back.
    h.issue("b");
    h.ok(CancelTicket{a1, CancelReason::Citizen});
    CHECK(h.refused(issueOf("a")) == ErrorCode::QuotaReached);

    h.now = at(9, 0, 0, 1);
    const auto next = h.issue("a");
    CHECK(h.number(next) == "A001");
    h.checkReplay();
}

TEST_CASE("opening hours: half-open local intervals; closing stops issuing, not serving") {
    auto config = smallHall();
    config.services[0].hours = {{9 * 60, 12 * 60}, {13 * 60, 17 * 60}};
    Hall h(config);
    h.signIn(1, "s1");

    h.now = at(8, 59, 59);
    CHECK(h.refused(issueOf("a")) == ErrorCode::ServiceClosed);
    h.now = at(9, 0);
    const auto first = h.issue("a");
    h.now = at(11, 59, 59);
    const auto beforeNoon = h.issue("a");
    h.now = at(12, 0);
    CHECK(h.refused(issueOf("a")) == ErrorCode::ServiceClosed);
    h.now = at(12, 59);
    CHECK(h.refused(issueOf("a")) == ErrorCode::ServiceClosed);
    h.issue("b"); // no hours: open all day
    h.now = at(13, 0);
    h.issue("a");
    h.now = at(17, 0);
    CHECK(h.refused(issueOf("a")) == ErrorCode::ServiceClosed);

    // After closing time the tickets already issued are still called and served.
    CHECK(h.serveNext(1) == first);
    CHECK(h.serveNext(1) == beforeNoon);
    h.checkReplay();
}

TEST_CASE("opening hours are read in the hall's time zone") {
    auto config = smallHall();
    config.services[0].hours = {{9 * 60, 17 * 60}};
    Hall h(config, -5h);
    const auto monday = kDay0;
    h.now = localAt(monday, 8, 59, 0, -5h);
    CHECK(h.refused(issueOf("a")) == ErrorCode::ServiceClosed);
    h.now = localAt(monday, 9, 0, 0, -5h);
    h.issue("a");
    h.now = localAt(monday, 16, 59, 0, -5h);
    h.issue("a");
    h.now = localAt(monday, 17, 0, 0, -5h);
    CHECK(h.refused(issueOf("a")) == ErrorCode::ServiceClosed);
}

TEST_CASE("a service open at night issues at any hour; one without hours is always open") {
    auto config = smallHall();
    config.services[0].hours = {{9 * 60, 17 * 60}};
    config.services[0].openAtNight = true;
    config.services[1].hours = {{9 * 60, 17 * 60}};
    Hall h(config);
    for (const auto t : {at(0, 0), at(3, 30), at(22, 15), at(23, 59, 59)}) {
        h.now = t;
        h.issue("a");
        h.issue("c");
        CHECK(h.refused(issueOf("b")) == ErrorCode::ServiceClosed);
    }
}

TEST_CASE("one active ticket per person and service") {
    Hall h;
    h.signIn(1, "s1");
    const auto first = h.issue("a", "person-1");
    IssueTicket again = issueOf("a");
    again.personKey = "person-1";
    CHECK(h.refused(again) == ErrorCode::DuplicatePerson);

    // Another service, another person, and anonymous tickets are fine.
    h.issue("b", "person-1");
    h.issue("a", "person-2");
    h.issue("a");
    h.issue("a");

    // Still active while called and served.
    REQUIRE(h.callNext(1) == first);
    CHECK(h.refused(again) == ErrorCode::DuplicatePerson);
    h.ok(StartServing{1});
    CHECK(h.refused(again) == ErrorCode::DuplicatePerson);
    h.ok(Finish{1});
    const auto second = h.issue("a", "person-1");
    h.ok(CancelTicket{second, CancelReason::Citizen});
    h.issue("a", "person-1");
    h.checkReplay();
}

TEST_CASE("one ticket per person can be switched off") {
    auto config = smallHall();
    config.queue.onePerPersonPerService = false;
    Hall h(config);
    h.issue("a", "person-1");
    h.issue("a", "person-1");
    CHECK(h.engine.waitingCount("a") == 2);
}

TEST_CASE("the person rule is per business day") {
    Hall h;
    h.issue("a", "person-1");
    h.now = at(8, 0, 0, 1);
    h.issue("a", "person-1");
}

TEST_CASE("green channel needs a configured category") {
    auto config = smallHall();
    config.queue.greenChannelCategories = {"elderly", "military"};
    Hall h(config);
    const auto id = h.issueGreen("a", "military");
    CHECK(h.ticket(id).priority == PriorityClass::GreenChannel);
    CHECK(h.ticket(id).greenCategory == "military");
    CHECK(h.number(id) == "A001"); // same numbering as everyone else

    IssueTicket c = issueOf("a");
    c.priority = PriorityClass::GreenChannel;
    c.greenCategory = "pregnant"; // a default category, but not configured in this hall
    CHECK(h.refused(c) == ErrorCode::PriorityNotAllowed);
    c.greenCategory = "";
    CHECK(h.refused(c) == ErrorCode::PriorityNotAllowed);
}

TEST_CASE("an appointment ticket needs its appointment") {
    Hall h;
    IssueTicket c = issueOf("a");
    c.priority = PriorityClass::Appointment;
    CHECK(h.refused(c) == ErrorCode::InvalidArgument);
    const auto id = h.issueAppointment("a", at(10, 0), "YY-2026-0042");
    const auto& t = h.ticket(id);
    CHECK(t.priority == PriorityClass::Appointment);
    REQUIRE(t.appointment.has_value());
    CHECK(t.appointment->id == "YY-2026-0042");
    CHECK(t.appointment->slotStart == at(10, 0));
    h.checkReplay();
}

TEST_CASE("decide() alone changes nothing") {
    Hall h;
    h.issue("a");
    const auto before = h.engine.fingerprint();
    const auto d = h.engine.decide(issueOf("a"), h.now);
    REQUIRE(d.ok());
    CHECK(h.engine.fingerprint() == before);
    CHECK(h.engine.waitingCount("a") == 1);
    // Deciding the same command twice gives the same number.
    const auto again = h.engine.decide(issueOf("a"), h.now);
    REQUIRE(again.ok());
    CHECK(findEvent<TicketIssued>(d.value())->number == "A002");
    CHECK(findEvent<TicketIssued>(again.value())->number == "A002");
}

TEST_CASE("availability says beforehand what issuing would refuse for: hours, then quota") {
    auto config = smallHall();
    config.services[0].hours = {{9 * 60, 12 * 60}};
    config.services[0].dailyQuota = 2;
    Hall h(config);
    h.now = at(8, 59);
    CHECK(h.engine.availability("a", h.now) == ServiceAvailability{false, 2});
    CHECK(h.refused(issueOf("a")) == ErrorCode::ServiceClosed);
    h.now = at(9, 0);
    CHECK(h.engine.availability("a", h.now) == ServiceAvailability{true, 2});
    h.issue("a");
    CHECK(h.engine.availability("a", h.now) == ServiceAvailability{true, 1});
    h.issue("a");
    CHECK(h.engine.availability("a", h.now) == ServiceAvailability{false, 0});
    CHECK(h.refused(issueOf("a")) == ErrorCode::QuotaReached);
    // No hours, no quota: always issuing, nothing counted down; unknown: not issuing.
    CHECK(h.engine.availability("b", h.now) == ServiceAvailability{true, std::nullopt});
    CHECK(h.engine.availability("passport", h.now) == ServiceAvailability{});
}
