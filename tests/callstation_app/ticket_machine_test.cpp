// The ticket machine's flow on the mock backend (a real engine on the demo hall): a touch takes
// a number with the people ahead; many waiting asks first; a refusal is said in plain words;
// the machine goes back to the services by itself; a second touch while issuing takes nothing.
#include "callstation/app/ticket_machine.h"
#include "shared/client/mock_backend.h"
#include "shared/client/ticket_issuer.h"
#include "shared/core/time.h"
#include "shared/tz/system_zone.h"
#include "tests/support/qt_event_wait.h"

#include <doctest/doctest.h>

using hall::callstation::TicketMachine;
using hall::testing::waitUntil;
using Stage = TicketMachine::Stage;
using namespace std::chrono_literals;

namespace {

struct Machine {
    hall::client::MockBackend backend;
    hall::client::TicketIssuer issuer;
    TicketMachine machine;
    Machine() {
        backend.playMorning();
        issuer.setClient(&backend);
        machine.setIssuer(&issuer);
        REQUIRE(waitingFor("household") > 0); // the morning left people waiting here
    }
    int waitingFor(const std::string& service) const {
        for (const auto& q : backend.state().snapshot().queues.services)
            if (q.serviceId == service) return q.waiting;
        return -1;
    }
};

} // namespace

TEST_CASE("the hall's ticket machine settings arrive with the snapshot") {
    Machine m;
    TicketMachine other;
    other.setProperty("askFromWaiting", 7);
    other.setProperty("reprintMinutes", 1);
    other.setIdleSeconds(99);
    other.setIssuer(&m.issuer); // the backend's snapshot holds the demo hall's [ticket_machine]
    CHECK(other.property("askFromWaiting").toInt() == 30);
    CHECK(other.property("reprintMinutes").toInt() == 5);
    CHECK(other.idleSeconds() == 30);
}

TEST_CASE("a touch takes a number: shown with the people ahead, then back to the services") {
    Machine m;
    m.machine.setProperty("showSeconds", 1);
    const int before = m.waitingFor("household");
    REQUIRE(before > 0);
    m.machine.choose(QStringLiteral("household"));
    CHECK(m.machine.stage() == Stage::Issuing);
    m.machine.choose(QStringLiteral("household")); // a second touch while issuing
    REQUIRE(waitUntil([&] { return m.machine.stage() == Stage::Showing; }));
    CHECK(m.machine.number().startsWith(QLatin1Char('F'))); // the household service's prefix
    CHECK(m.machine.serviceName() == QStringLiteral("户籍与出入境"));
    CHECK(m.machine.ahead() == before);
    CHECK_FALSE(m.machine.offline());
    CHECK(m.machine.ticketCode().startsWith(QStringLiteral("hall-ticket:")));
    CHECK(m.waitingFor("household") == before + 1); // one ticket, not two
    CHECK(m.machine.secondsLeft() == 1);
    REQUIRE(waitUntil([&] { return m.machine.stage() == Stage::Choosing; }, 3s));
}

TEST_CASE("many waiting: the machine asks first; no issues nothing, yes issues") {
    Machine m;
    m.machine.setProperty("askFromWaiting", 1);
    const int before = m.waitingFor("household");
    m.machine.choose(QStringLiteral("household"));
    CHECK(m.machine.stage() == Stage::Confirming);
    CHECK(m.machine.waiting() == before);
    m.machine.cancel();
    CHECK(m.machine.stage() == Stage::Choosing);
    hall::testing::spin(50ms);
    CHECK(m.waitingFor("household") == before);

    m.machine.choose(QStringLiteral("household"));
    REQUIRE(m.machine.stage() == Stage::Confirming);
    m.machine.confirm();
    REQUIRE(waitUntil([&] { return m.machine.stage() == Stage::Showing; }));
    CHECK(m.waitingFor("household") == before + 1);
    m.machine.finish();
    CHECK(m.machine.stage() == Stage::Choosing);
}

TEST_CASE("a refusal is said in the citizen's words, with what to do") {
    Machine m;
    m.backend.setSimulatedOnline(false); // the mock holds no leased numbers
    m.machine.choose(QStringLiteral("real_estate"));
    REQUIRE(waitUntil([&] { return m.machine.stage() == Stage::Refused; }));
    CHECK(m.machine.refusalCode() == QStringLiteral("no_leased_numbers"));
    CHECK_FALSE(m.machine.refusal().isEmpty());
    CHECK_FALSE(m.machine.refusal().contains(QStringLiteral("no_leased_numbers")));
    CHECK_FALSE(m.machine.refusalAdvice().isEmpty());
    CHECK(m.machine.number().isEmpty());

    // Every code the controller or the issuer can give has words of its own or the general ones.
    for (const char* code : {"service_closed", "quota_reached", "duplicate_person", "timeout",
                             "storage_error", "something_new"}) {
        CAPTURE(code);
        CHECK_FALSE(TicketMachine::refusalFor(QString::fromLatin1(code)).isEmpty());
        CHECK_FALSE(TicketMachine::adviceFor(QString::fromLatin1(code)).isEmpty());
    }
    CHECK(TicketMachine::refusalFor(QStringLiteral("quota_reached")) !=
          TicketMachine::refusalFor(QStringLiteral("service_closed")));
}

TEST_CASE("a service the hall says is not issuing is explained at once, without asking") {
    Machine m;
    // The demo hall issues from 08:30 to 12:00 and 13:30 to 17:00; the mock's clock is at lunch.
    m.backend.setClock([] {
        const auto zone = hall::tz::loadZone("Asia/Shanghai");
        const auto now =
            std::chrono::time_point_cast<hall::core::Millis>(std::chrono::system_clock::now());
        return hall::core::localToUtc(*zone, hall::core::toLocal(*zone, now).date, 12 * 60 + 30);
    });
    m.backend.setSimulatedOnline(false);
    m.backend.setSimulatedOnline(true); // a fresh snapshot at the new time
    const int before = m.waitingFor("household");
    m.machine.choose(QStringLiteral("household"));
    CHECK(m.machine.stage() == Stage::Refused); // at once, no request sent
    CHECK(m.machine.refusalCode() == QStringLiteral("service_closed"));
    hall::testing::spin(50ms);
    CHECK(m.waitingFor("household") == before);
}

TEST_CASE("idle at the services after idleSeconds; a touch wakes it; never idle with a citizen") {
    Machine m;
    m.machine.setIdleSeconds(5); // the least it takes
    CHECK_FALSE(m.machine.idle());
    REQUIRE(waitUntil([&] { return m.machine.idle(); }, 7s));
    m.machine.touch();
    CHECK_FALSE(m.machine.idle());

    // A citizen looking at a ticket is not idle, however long it takes.
    m.machine.setProperty("showSeconds", 8);
    m.machine.choose(QStringLiteral("household"));
    REQUIRE(waitUntil([&] { return m.machine.stage() == Stage::Showing; }));
    hall::testing::spin(6s);
    CHECK_FALSE(m.machine.idle());
}

TEST_CASE("check-in: a booking code gives its appointment ticket once; refusals say why") {
    Machine m;
    m.machine.setProperty("showSeconds", 1);
    // The mock's hall clock reads 10:00 today: a booking for then.
    const auto& zone = m.backend.engine().zone();
    const auto today = hall::core::toLocal(zone, hall::core::SystemClock().now()).date;
    m.backend.addBooking(hall::core::Booking{
        "BOOKA1B2", "household", hall::core::localToUtc(zone, today, 10 * 60), {}});
    m.machine.startCheckIn();
    CHECK(m.machine.stage() == Stage::CheckingIn);
    m.machine.checkInCode(QStringLiteral("booka1b2")); // typed in lower case
    REQUIRE(waitUntil([&] { return m.machine.stage() == Stage::Showing; }));
    const QString number = m.machine.number();
    CHECK(number.startsWith(QLatin1Char('F')));
    CHECK(m.machine.serviceName() == QStringLiteral("户籍与出入境"));
    REQUIRE(waitUntil([&] { return m.machine.stage() == Stage::Choosing; }, 3s));

    m.machine.checkInCode(QStringLiteral("BOOKA1B2"));
    REQUIRE(waitUntil([&] { return m.machine.stage() == Stage::Refused; }));
    CHECK(m.machine.refusalCode() == QStringLiteral("already_checked_in"));
    CHECK(m.machine.heldNumber() == number);
    m.machine.finish();

    m.machine.checkInCode(QStringLiteral("NOSUCH77"));
    REQUIRE(waitUntil([&] { return m.machine.stage() == Stage::Refused; }));
    CHECK(m.machine.refusalCode() == QStringLiteral("unknown_booking"));
    CHECK_FALSE(m.machine.refusal().isEmpty());
    m.machine.finish();

    // Offline there is nothing to check in against: said at once, an ordinary number advised.
    m.backend.setSimulatedOnline(false);
    m.machine.checkInCode(QStringLiteral("BOOKA1B2"));
    REQUIRE(waitUntil([&] { return m.machine.stage() == Stage::Refused; }));
    CHECK(m.machine.refusalCode() == QStringLiteral("check_in_offline"));
    m.backend.setSimulatedOnline(true);
}

TEST_CASE("green channel: a staff member's PIN issues a priority ticket; a wrong one keeps the "
          "stage with the reason; a service the hall refuses is the citizen's refusal") {
    Machine m;
    CHECK(m.machine.greenCategories() ==
          QStringList{"elderly", "disabled", "pregnant", "military"}); // the demo hall's list
    CHECK(TicketMachine::greenCategoryName(QStringLiteral("vip")) == QStringLiteral("vip"));
    m.machine.startGreenChannel();
    REQUIRE(m.machine.stage() == Stage::GreenChannel);

    // A wrong PIN: back to the stage (the staff puts it right there), nothing issued.
    m.machine.issueGreen(QStringLiteral("household"), QStringLiteral("elderly"),
                         QStringLiteral("BJ1001"), QStringLiteral("135790"));
    REQUIRE(waitUntil([&] { return !m.machine.staffProblem().isEmpty(); }));
    CHECK(m.machine.stage() == Stage::GreenChannel);
    // Incomplete: nothing is sent.
    m.machine.issueGreen(QStringLiteral("household"), QStringLiteral("elderly"), {}, {});
    CHECK(m.machine.stage() == Stage::GreenChannel);

    // The right one: a green-channel ticket, shown and with the staff's words gone.
    const int waitingBefore = m.waitingFor("household");
    m.machine.issueGreen(QStringLiteral("household"), QStringLiteral("elderly"),
                         QStringLiteral("BJ1001"),
                         QString::fromLatin1(hall::client::kDemoStaffPin));
    REQUIRE(waitUntil([&] { return m.machine.stage() == Stage::Showing; }));
    CHECK(m.machine.number().startsWith(QLatin1Char('F')));
    CHECK(m.machine.staffProblem().isEmpty());
    CHECK(m.waitingFor("household") == waitingBefore + 1);
    bool green = false;
    m.backend.engine().forEachTicket([&](const hall::core::Ticket& t) {
        if (t.number == m.machine.number().toStdString())
            green = t.priority == hall::core::PriorityClass::GreenChannel &&
                    t.greenCategory == "elderly";
    });
    CHECK(green);
    m.machine.finish();

    // A category the hall does not have is the staff's to fix; offline, the stage says why.
    m.machine.startGreenChannel();
    m.machine.issueGreen(QStringLiteral("household"), QStringLiteral("vip"),
                         QStringLiteral("BJ1001"),
                         QString::fromLatin1(hall::client::kDemoStaffPin));
    REQUIRE(waitUntil([&] { return !m.machine.staffProblem().isEmpty(); }));
    CHECK(m.machine.stage() == Stage::GreenChannel);
    m.backend.setSimulatedOnline(false);
    m.machine.issueGreen(QStringLiteral("household"), QStringLiteral("elderly"),
                         QStringLiteral("BJ1001"),
                         QString::fromLatin1(hall::client::kDemoStaffPin));
    REQUIRE(waitUntil([&] { return m.machine.stage() == Stage::GreenChannel; }));
    CHECK(m.machine.staffProblem().contains(QStringLiteral("server")));
    m.backend.setSimulatedOnline(true);
    // Leaving the stage forgets what the staff entered.
    m.machine.cancel();
    CHECK(m.machine.stage() == Stage::Choosing);
    CHECK(m.machine.staffProblem().isEmpty());
}
