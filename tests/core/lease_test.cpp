// Number leases: a terminal reserves a block of numbers, hands them out (perhaps offline) and
// reports them; the tickets join the queue in issue-time order, numbers stay unique, and every
// wrong report is refused without changing anything.

#include "tests/core/hall_fixture.h"

using namespace hall::core;
using namespace hall::core::testing;

namespace {

// Leases `count` numbers of a service for a device; the lease as the engine holds it.
const NumberLease& lease(Hall& h, std::string serviceId, int count,
                         std::string device = "machine-1") {
    const auto d = h.ok(LeaseNumbers{std::move(serviceId), count, std::move(device)});
    REQUIRE(d.lease.has_value());
    REQUIRE(d.events.size() == 1);
    const NumberLease* l = h.engine.lease(*d.lease);
    REQUIRE(l != nullptr);
    return *l;
}

IssueLeasedTicket leased(LeaseId id, std::string number, Timestamp issuedAt,
                         std::string device = "machine-1") {
    IssueLeasedTicket c;
    c.lease = id;
    c.number = std::move(number);
    c.issuedAt = issuedAt;
    c.sourceDevice = std::move(device);
    return c;
}

TicketId issuedTicket(const Decision& d) {
    REQUIRE(d.ticket.has_value());
    return *d.ticket;
}

} // namespace

TEST_CASE("a lease reserves the next numbers: normal issuing continues after them") {
    Hall h;
    h.issue("a"); // A001
    const auto& l = lease(h, "a", 3);
    CHECK(l.day == kDay0);
    CHECK(l.serviceId == "a");
    CHECK(l.sourceDevice == "machine-1");
    CHECK(l.grantedAt == h.now);
    CHECK(l.firstSequence == 2);
    CHECK(l.count == 3);
    CHECK(h.engine.leaseNumbers(l) == std::vector<std::string>{"A002", "A003", "A004"});
    // Lease ids carry their day, like ticket ids.
    CHECK(l.id / 1'000'000 == static_cast<LeaseId>(kDay0.time_since_epoch().count()));

    const auto next = h.issue("a");
    CHECK(h.number(next) == "A005");
    CHECK(h.number(h.issue("b")) == "B001"); // other services are not touched

    const auto second = lease(h, "a", 2).id;
    CHECK(second == l.id + 1);
    CHECK(h.engine.leaseNumbers(*h.engine.lease(second)) ==
          std::vector<std::string>{"A006", "A007"});
    h.checkReplay();
}

TEST_CASE("leased tickets join the queue in issue-time order, not report order") {
    Hall h;
    const auto granted = h.now; // 09:00
    const auto id = lease(h, "a", 3).id;
    h.now = at(9, 5);
    const auto online1 = h.issue("a"); // A004, queued 09:05
    h.now = at(9, 20);
    const auto online2 = h.issue("a"); // A005, queued 09:20

    // Reported at 09:30, out of order in time: A003 was handed out at 09:02, A002 at 09:10.
    h.now = at(9, 30);
    const auto late = issuedTicket(h.ok(leased(id, "A003", at(9, 2))));
    const auto middle = issuedTicket(h.ok(leased(id, "A002", at(9, 10))));
    CHECK(h.ticket(late).issuedAt == at(9, 2));
    CHECK(h.ticket(late).queuedAt == at(9, 2));
    CHECK(h.ticket(late).visitStartedAt == at(9, 2));
    CHECK(h.ticket(late).sourceDevice == "machine-1");
    CHECK(h.ticket(middle).queuedAt == at(9, 10));
    CHECK(h.engine.lease(id)->used == std::set<int>{2, 3});

    auto pos = h.engine.position(middle, h.now);
    REQUIRE(pos.ok());
    CHECK(pos->ahead == 2); // A003 (09:02) and A004 (09:05)

    h.signIn(1, "s1");
    std::vector<std::string> called;
    for (int i = 0; i < 4; ++i) {
        called.push_back(h.number(h.callNext(1)));
        h.ok(Finish{1});
    }
    CHECK(called == std::vector<std::string>{"A003", "A004", "A002", "A005"});
    (void)online1;
    (void)online2;
    (void)granted;
    h.checkReplay();
}

TEST_CASE("the issue time is clamped to the lease's grant and to now") {
    Hall h;
    h.now = at(10, 0);
    const auto id = lease(h, "a", 3).id;
    h.now = at(10, 30);
    // A device clock behind: no earlier than the lease.
    const auto early = issuedTicket(h.ok(leased(id, "A001", at(8, 0))));
    CHECK(h.ticket(early).queuedAt == at(10, 0));
    // A device clock ahead: no later than the moment the report is decided.
    const auto ahead = issuedTicket(h.ok(leased(id, "A002", at(11, 45))));
    CHECK(h.ticket(ahead).queuedAt == at(10, 30));
    CHECK(h.ticket(ahead).issuedAt == at(10, 30));
    h.checkReplay();
}

TEST_CASE("wrong reports are refused and change nothing") {
    Hall h;
    const auto id = lease(h, "a", 2).id;
    const auto other = lease(h, "a", 1, "kiosk-9").id; // A003
    h.now = at(9, 10);

    CHECK(h.refused(leased(id + 100, "A001", h.now)) == ErrorCode::UnknownLease);
    CHECK(h.refused(leased(id, "A001", h.now, "machine-2")) == ErrorCode::LeaseNotHeld);
    CHECK(h.refused(leased(other, "A003", h.now)) == ErrorCode::LeaseNotHeld);
    CHECK(h.refused(leased(id, "A003", h.now)) == ErrorCode::NumberNotLeased);
    CHECK(h.refused(leased(id, "B001", h.now)) == ErrorCode::NumberNotLeased);
    CHECK(h.refused(leased(id, "A1", h.now)) == ErrorCode::NumberNotLeased);

    h.ok(leased(id, "A001", h.now));
    CHECK(h.refused(leased(id, "A001", h.now)) == ErrorCode::NumberUsed);

    auto green = leased(id, "A002", h.now);
    green.priority = PriorityClass::GreenChannel;
    green.greenCategory = "vip";
    CHECK(h.refused(green) == ErrorCode::PriorityNotAllowed);
    green.greenCategory = "elderly";
    const auto g = issuedTicket(h.ok(green));
    CHECK(h.ticket(g).priority == PriorityClass::GreenChannel);

    CHECK(h.refused(LeaseNumbers{"nosuch", 3, "machine-1"}) == ErrorCode::UnknownService);
    CHECK(h.refused(LeaseNumbers{"a", 0, "machine-1"}) == ErrorCode::InvalidArgument);
    CHECK(h.refused(LeaseNumbers{"a", kMaxLeaseCount + 1, "machine-1"}) ==
          ErrorCode::InvalidArgument);
    CHECK(h.refused(LeaseNumbers{"a", 3, ""}) == ErrorCode::InvalidArgument);
    h.checkReplay();
}

TEST_CASE("leases end with the business day") {
    Hall h;
    const auto id = lease(h, "a", 3).id;
    h.ok(leased(id, "A001", h.now));
    h.now = at(8, 0, 0, 1); // the next morning
    CHECK(h.refused(leased(id, "A002", at(23, 0))) == ErrorCode::LeaseExpired);
    h.ok(Tick{});
    CHECK(h.engine.lease(id) == nullptr);
    CHECK(h.refused(leased(id, "A002", h.now)) == ErrorCode::LeaseExpired);
    // Numbering starts again: the new day knows nothing of yesterday's lease.
    CHECK(h.number(h.issue("a")) == "A001");
    const auto today = lease(h, "a", 1);
    CHECK(today.id ==
          static_cast<LeaseId>((kDay0 + std::chrono::days(1)).time_since_epoch().count()) *
                  1'000'000 +
              1);
    h.checkReplay();
}

TEST_CASE("the quota counts leased numbers when they are leased") {
    auto config = smallHall();
    config.services[0].dailyQuota = 5;
    Hall h(config);
    h.issue("a");
    h.issue("a");
    const auto& l = lease(h, "a", 10); // only three are left
    CHECK(l.count == 3);
    CHECK(h.engine.leaseNumbers(l) == std::vector<std::string>{"A003", "A004", "A005"});
    const auto id = l.id;
    CHECK(h.refused(issueOf("a")) == ErrorCode::QuotaReached);
    CHECK(h.refused(LeaseNumbers{"a", 1, "machine-1"}) == ErrorCode::QuotaReached);
    // The leased numbers are still good: their quota was taken at leasing.
    h.ok(leased(id, "A005", h.now));
    h.checkReplay();
}

TEST_CASE("opening hours and the one-per-person rule apply at the issue time") {
    auto config = smallHall();
    config.services[0].hours = {{8 * 60, 12 * 60}};
    config.queue.onePerPersonPerService = true;
    Hall h(config);
    h.now = at(7, 0); // leasing before the doors open is allowed
    const auto id = lease(h, "a", 4).id;
    h.now = at(12, 30);
    // Handed out at 11:58, reported after closing: accepted.
    h.ok(leased(id, "A001", at(11, 58)));
    // Handed out (the device says) at 12:10: the service was closed.
    CHECK(h.refused(leased(id, "A002", at(12, 10))) == ErrorCode::ServiceClosed);

    auto person = leased(id, "A002", at(9, 0));
    person.personKey = "hash-1";
    const auto first = issuedTicket(h.ok(person));
    auto again = leased(id, "A003", at(9, 5));
    again.personKey = "hash-1";
    CHECK(h.refused(again) == ErrorCode::DuplicatePerson);
    CHECK(h.ticket(first).personKey == "hash-1");
    h.checkReplay();
}

TEST_CASE("statistics count leased numbers, leased tickets and arrivals at the issue time") {
    Hall h;
    const auto id = lease(h, "a", 4).id;
    h.now = at(11, 5);
    h.ok(leased(id, "A001", at(9, 40)));
    h.ok(leased(id, "A002", at(10, 15)));
    h.issue("a");
    const auto stats = h.engine.statistics(kDay0);
    REQUIRE(stats.has_value());
    CHECK(stats->hall.leasedNumbers == 4);
    CHECK(stats->hall.leasedIssued == 2);
    CHECK(stats->hall.issued == 3);
    CHECK(stats->byService.at("a").leasedNumbers == 4);
    CHECK(stats->byService.at("a").leasedIssued == 2);
    CHECK(stats->hall.arrivalsByHour[9] == 1);
    CHECK(stats->hall.arrivalsByHour[10] == 1);
    CHECK(stats->hall.arrivalsByHour[11] == 1);

    // The wait is measured from when the citizen took the ticket.
    h.signIn(1, "s1");
    h.now = at(11, 10);
    CHECK(h.number(h.callNext(1)) == "A001");
    h.ok(Finish{1});
    const auto after = h.engine.statistics(kDay0);
    REQUIRE(after.has_value());
    CHECK(after->hall.wait.max() == minutes(90));
    h.checkReplay();
}

TEST_CASE("the fingerprint covers leases and their used numbers") {
    Hall h;
    const auto before = h.engine.fingerprint();
    const auto id = lease(h, "a", 2).id;
    const auto leasedPrint = h.engine.fingerprint();
    CHECK(leasedPrint != before);
    h.ok(leased(id, "A002", h.now));
    CHECK(h.engine.fingerprint() != leasedPrint);
    CHECK(h.engine.fingerprint().find("lease " + std::to_string(id)) != std::string::npos);
    h.checkReplay();
}
