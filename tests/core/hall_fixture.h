#pragma once
// Test helpers for the queue engine: a small hall, local timestamps, and a driver that runs
// commands at an explicit "now", journals the events of every accepted command and checks that a
// refused one changed nothing.

#include "shared/core/engine.h"

#include <chrono>
#include <doctest/doctest.h>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace doctest {
template <> struct StringMaker<hall::core::ErrorCode> {
    static String convert(hall::core::ErrorCode code) {
        return String(std::string(hall::core::errorCodeName(code)).c_str());
    }
};
template <> struct StringMaker<hall::core::TicketState> {
    static String convert(hall::core::TicketState state) {
        return String(std::string(hall::core::stateName(state)).c_str());
    }
};
template <> struct StringMaker<hall::core::PriorityClass> {
    static String convert(hall::core::PriorityClass p) {
        return String(std::string(hall::core::priorityName(p)).c_str());
    }
};
} // namespace doctest

namespace hall::core::testing {

using namespace std::chrono_literals;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

// Monday 2026-11-23, the first business day of most tests.
inline constexpr BusinessDay kDay0 = std::chrono::sys_days{std::chrono::year{2026} / 11 / 23};
inline constexpr minutes kShanghai = 8h;

// The UTC instant of a local wall-clock time in a hall whose zone has the given fixed offset.
inline Timestamp localAt(BusinessDay date, int h, int m, int s = 0, minutes offset = kShanghai) {
    return Timestamp(date) + hours(h) + minutes(m) + seconds(s) - offset;
}
// Local time on the n-th day after kDay0 in a +8 hall.
inline Timestamp at(int h, int m, int s = 0, int day = 0) {
    return localAt(kDay0 + std::chrono::days(day), h, m, s);
}

inline Service service(std::string id, std::string prefix) {
    Service s;
    s.nameZh = id + "业务";
    s.nameEn = id + " service";
    s.id = std::move(id);
    s.prefix = std::move(prefix);
    return s;
}

inline Window window(int number, std::vector<WindowService> services,
                     RoutingPolicy routing = RoutingPolicy::Ordered, std::string zone = "main") {
    Window w;
    w.number = number;
    w.name = std::to_string(number) + "号窗口";
    w.zoneId = std::move(zone);
    w.routing = routing;
    w.services = std::move(services);
    return w;
}

// An anonymous, normal ticket for a service.
inline IssueTicket issueOf(std::string serviceId) {
    IssueTicket c;
    c.serviceId = std::move(serviceId);
    return c;
}

inline Staff staff(std::string id) {
    Staff s;
    s.name = "clerk " + id;
    s.staffNumber = "N-" + id;
    s.id = std::move(id);
    return s;
}

// Zones main and east; services a (A), b (B), c (C), all open all day without quota;
// windows 1 [a, b] and 2 [b, a] in main, 3 [c] in east, all ordered; staff s1..s4.
inline HallConfig smallHall() {
    HallConfig c;
    c.name = "test hall";
    c.zones = {{"main", "主厅", "Main hall"}, {"east", "东区", "East wing"}};
    c.services = {service("a", "A"), service("b", "B"), service("c", "C")};
    c.windows = {window(1, {{"a", 1}, {"b", 1}}), window(2, {{"b", 1}, {"a", 1}}),
                 window(3, {{"c", 1}}, RoutingPolicy::Ordered, "east")};
    c.staff = {staff("s1"), staff("s2"), staff("s3"), staff("s4")};
    return c;
}

// The first event of a kind in a decision, copied (decisions are often temporaries).
template <typename E> std::optional<E> findEvent(const Decision& d) {
    for (const auto& e : d.events)
        if (const auto* p = std::get_if<E>(&e.body)) return *p;
    return std::nullopt;
}

inline std::vector<std::string> eventNames(const Decision& d) {
    std::vector<std::string> names;
    for (const auto& e : d.events)
        names.emplace_back(eventName(e.body));
    return names;
}

// Replays a journal into a fresh engine of the same hall.
inline Engine replay(const HallConfig& config, std::shared_ptr<const TimeZone> zone,
                     const std::vector<Event>& journal) {
    Engine fresh(config, std::move(zone));
    for (const auto& e : journal)
        fresh.apply(e);
    return fresh;
}

class Hall {
public:
    explicit Hall(HallConfig config = smallHall(), minutes offset = kShanghai)
        : zone_(std::make_shared<FixedOffsetZone>(offset)), engine(std::move(config), zone_),
          now(at(9, 0)) {}

    std::shared_ptr<const TimeZone> zone_;
    Engine engine;
    Timestamp now;
    std::vector<Event> journal;

    // Runs a command at `now`. Accepted: its events are journaled. Refused: the engine must be
    // exactly as before.
    Result<Decision> run(const Command& command) {
        const auto before = engine.fingerprint();
        auto result = engine.execute(command, now);
        if (result.ok()) {
            journal.insert(journal.end(), result->events.begin(), result->events.end());
        } else {
            INFO("refused ", commandName(command), ": ", result.error().message);
            CHECK(engine.fingerprint() == before);
        }
        return result;
    }

    Decision ok(const Command& command) {
        auto r = run(command);
        INFO(commandName(command), " refused: ", r.ok() ? "" : r.error().message);
        REQUIRE(r.ok());
        return r.value();
    }

    ErrorCode refused(const Command& command) {
        auto r = run(command);
        INFO(commandName(command), " was expected to be refused");
        REQUIRE_FALSE(r.ok());
        return r.error().code;
    }

    TicketId issue(std::string serviceId, std::string personKey = {}) {
        IssueTicket c;
        c.serviceId = std::move(serviceId);
        c.personKey = std::move(personKey);
        c.sourceDevice = "kiosk-1";
        return issued(ok(c));
    }
    TicketId issueGreen(std::string serviceId, std::string category = "elderly") {
        IssueTicket c;
        c.serviceId = std::move(serviceId);
        c.priority = PriorityClass::GreenChannel;
        c.greenCategory = std::move(category);
        return issued(ok(c));
    }
    TicketId issueAppointment(std::string serviceId, Timestamp slotStart,
                              std::string appointmentId = "appt-1") {
        IssueTicket c;
        c.serviceId = std::move(serviceId);
        c.priority = PriorityClass::Appointment;
        c.appointment = Appointment{std::move(appointmentId), slotStart};
        return issued(ok(c));
    }

    void signIn(int windowNumber, std::string staffId) {
        ok(SignIn{windowNumber, std::move(staffId)});
    }
    TicketId callNext(int windowNumber) {
        auto d = ok(CallNext{windowNumber, false});
        REQUIRE(d.ticket.has_value());
        return *d.ticket;
    }
    TicketId callNumber(int windowNumber, std::string number) {
        auto d = ok(CallNumber{windowNumber, std::move(number), false});
        REQUIRE(d.ticket.has_value());
        return *d.ticket;
    }
    // Calls next and finishes: the ticket is served.
    TicketId serveNext(int windowNumber, Millis serviceTime = 0ms) {
        const auto id = callNext(windowNumber);
        if (serviceTime > 0ms) {
            ok(StartServing{windowNumber});
            now += serviceTime;
        }
        ok(Finish{windowNumber});
        return id;
    }

    const Ticket& ticket(TicketId id) const {
        const Ticket* t = engine.ticket(id);
        REQUIRE(t != nullptr);
        return *t;
    }
    std::string number(TicketId id) const { return ticket(id).number; }
    const WindowState& windowState(int number) const {
        const WindowState* w = engine.window(number);
        REQUIRE(w != nullptr);
        return *w;
    }

    // The journal rebuilds exactly this engine.
    void checkReplay() const {
        const Engine fresh = replay(engine.config(), zone_, journal);
        CHECK(fresh.fingerprint() == engine.fingerprint());
    }

private:
    static TicketId issued(const Decision& d) {
        const auto e = findEvent<TicketIssued>(d);
        REQUIRE(e.has_value());
        REQUIRE(d.ticket.has_value());
        CHECK(*d.ticket == e->ticket);
        return e->ticket;
    }
};

} // namespace hall::core::testing
