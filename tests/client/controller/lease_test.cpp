// A ticket machine that loses the controller keeps issuing from leased numbers; when the
// controller is back the tickets are reported once and join the queue in issue-time order.
#include "tests/client/controller/daemon_fixture.h"
#include "tests/support/qt_event_wait.h"
#include "shared/client/ticket_issuer.h"

#include <doctest/doctest.h>
#include <set>

using namespace client_test;
using namespace hall::testing;
using hall::client::Backend;
using hall::client::IssueOutcome;
using hall::client::TicketIssuer;
namespace protocol = hall::protocol;

namespace {

IssueOutcome issue(TicketIssuer& issuer, const std::string& service) {
    std::optional<IssueOutcome> outcome;
    issuer.issue(service, {}, [&](const IssueOutcome& o) { outcome = o; });
    REQUIRE(waitUntil([&] { return outcome.has_value(); }, 15s));
    return *outcome;
}

} // namespace

TEST_CASE("offline, a ticket machine issues leased numbers; back online they join in order") {
    DaemonHall hall;
    auto client = hall.client("machine");
    TicketIssuer issuer;
    issuer.setClient(client.get());
    issuer.setThreshold(3);
    issuer.setBlockSize(5);
    issuer.setServices({QStringLiteral("permits")});
    client->enroll(hall.code("machine-1", "ticket_machine"));
    REQUIRE(waitUntil([&] { return client->online(); }, 15s));
    // A block is leased as soon as the link is up.
    REQUIRE(waitUntil([&] { return issuer.available("permits") == 5; }, 10s));

    // Online: the controller numbers the ticket, after the leased block.
    const auto online = issue(issuer, "permits");
    REQUIRE(online.ok);
    CHECK_FALSE(online.offline);
    CHECK(online.number == "A006");

    hall.daemon.kill();
    REQUIRE(waitUntil([&] { return !client->online(); }, 10s));

    std::vector<std::string> offlineNumbers;
    for (int i = 0; i < 3; ++i) {
        const auto ticket = issue(issuer, "permits");
        REQUIRE(ticket.ok);
        CHECK(ticket.offline);
        offlineNumbers.push_back(ticket.number);
    }
    CHECK(offlineNumbers == std::vector<std::string>{"A001", "A002", "A003"});
    CHECK(client->outboxSize() == 3);
    CHECK(issuer.available("permits") == 2);

    hall.daemon.start();
    client->setPort(hall.daemon.port());
    REQUIRE(waitUntil([&] { return client->online() && client->outboxSize() == 0; }, 20s));
    CHECK(client->outbox().refusals().empty());
    // Once each: the online ticket and the three reported ones.
    CHECK(hall.waiting("permits") == 4);
    // The pool is topped up again now that the link is back.
    CHECK(waitUntil([&] { return issuer.available("permits") >= 3; }, 10s));

    // The queue is in issue-time order: the online ticket was issued first.
    hall.operate("sign_in", {{"window", 1}, {"staff", "s1"}});
    std::vector<std::string> called;
    for (int i = 0; i < 4; ++i) {
        const auto result = hall.operate("call_next", {{"window", 1}});
        called.push_back(result["ticket"]["number"].get<std::string>());
        hall.operate("start_serving", {{"window", 1}});
        hall.operate("finish", {{"window", 1}});
    }
    CHECK(called == std::vector<std::string>{"A006", "A001", "A002", "A003"});
    CHECK(std::set<std::string>(called.begin(), called.end()).size() == called.size());
}

TEST_CASE("with no leased numbers left, an offline issue is refused with a clear code") {
    DaemonHall hall;
    auto client = hall.client("machine");
    TicketIssuer issuer;
    issuer.setClient(client.get());
    const auto outcome = issue(issuer, "permits"); // never enrolled, never leased
    CHECK_FALSE(outcome.ok);
    CHECK(outcome.errorCode == "no_leased_numbers");
}
