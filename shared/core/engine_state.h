#pragma once
// Internal state of core::Engine, shared by its apply, decide and routing parts.

#include "shared/core/engine.h"

#include <compare>
#include <deque>
#include <map>
#include <set>
#include <utility>

namespace hall::core {

// A waiting ticket's place in line: earlier queue time first, then the lower (older) id.
struct QueueKey {
    Timestamp queuedAt;
    TicketId id;
    auto operator<=>(const QueueKey&) const = default;
};
using Queue = std::set<QueueKey>;

// Waiting tickets of one service that are not transferred to a particular window, split by class
// so that each routing step looks at the head of a short ordered set.
struct ServiceQueues {
    Queue normal;
    Queue green;
    Queue appointment; // ahead of everyone once the slot starts, an ordinary ticket before
};

struct LastCall {
    TicketId ticket = 0;
    Ticket before; // the waiting ticket exactly as it was
    std::vector<std::int64_t> creditBefore;
};

struct WindowRuntime {
    std::size_t configIndex = 0;
    WindowState state;
    std::vector<std::int64_t> credit; // smooth weighted round robin, per service of the window
    std::optional<LastCall> lastCall; // what UndoCall restores
    Queue targeted;                   // waiting tickets transferred to this window
};

struct DayData {
    DayStatistics stats;
    std::map<std::string, int> sequences; // last sequence per service id
    int issued = 0;                       // tickets of the day: the low part of ticket ids
    int leases = 0;                       // leases of the day: the low part of lease ids
};

// Where a rated visit counts in the statistics: the day of its first rating, at its latest level.
struct RatedVisit {
    BusinessDay day{};
    RatingLevel level = RatingLevel::Satisfied;
};

struct Engine::State {
    HallConfig config;
    std::shared_ptr<const TimeZone> zone;
    std::map<std::string, std::size_t, std::less<>> serviceIndex;
    std::map<int, std::size_t> windowIndex; // window number → windows[]

    std::optional<BusinessDay> day;
    std::map<BusinessDay, DayData> days; // the current day and the retained past ones
    std::map<TicketId, Ticket> tickets;
    std::map<LeaseId, NumberLease> leases; // of the current business day only
    std::map<std::pair<BusinessDay, std::string>, TicketId, std::less<>> byNumber;
    std::vector<ServiceQueues> queues;  // by service index
    std::vector<WindowRuntime> windows; // by configuration order
    // Active tickets per (person key, service, day): the one-ticket-per-person rule.
    std::map<std::tuple<std::string, std::string, BusinessDay>, int> activePersons;
    std::map<std::string, std::deque<Millis>> recentServiceTimes; // last few per service
    std::set<TicketId> waitRecorded; // visits whose wait time is already in the statistics
    std::set<std::pair<Timestamp, TicketId>> unrated; // finished, unrated: the unrated policy
    // Visits rated on a day still held, by ticket: where a 追评 moves its visit's level. Kept by
    // ticket id, not on the ticket, so that a replay from the retention start knows them too.
    std::map<TicketId, RatedVisit> ratedVisits;
    // Tickets of the current day that missed their call and were not called since (requeued or
    // final no-shows), by the time they were marked: Engine::missed().
    std::set<std::pair<Timestamp, TicketId>> missed;
    std::set<BusinessDay> changedPastDays;

    static constexpr std::size_t kRecentServiceSamples = 20;
    static constexpr std::uint64_t kTicketsPerDayIdSpace = 1'000'000;

    // --- helpers used by apply, decide and routing ----------------------------------------
    const Service& service(std::string_view id) const;
    const Window& windowConfig(const WindowRuntime& w) const {
        return config.windows[w.configIndex];
    }
    WindowRuntime* findWindow(int number);
    const WindowRuntime* findWindow(int number) const;
    Ticket* findTicket(TicketId id);
    const Ticket* findTicket(TicketId id) const;
    Queue* queueOf(const Ticket& t); // where a waiting ticket lives; null if its service is unknown
    void enqueue(const Ticket& t);
    void dequeue(const Ticket& t);
    BusinessDay businessDay(Timestamp t) const;
    int retentionDays() const;
    // Statistics groups a visit outcome counts in: hall, service, window, staff.
    template <typename F>
    void countVisit(const Ticket& t, const std::string& serviceId, std::optional<int> window,
                    const std::string& staffId, F&& f);
    void recordWaitOnce(const Ticket& t);
};

template <typename F>
void Engine::State::countVisit(const Ticket& t, const std::string& serviceId,
                               std::optional<int> window, const std::string& staffId, F&& f) {
    auto it = days.find(t.day);
    if (it == days.end()) return; // a day already dropped from memory
    if (day && t.day != *day) changedPastDays.insert(t.day);
    auto& stats = it->second.stats;
    f(stats.hall);
    f(stats.byService[serviceId]);
    if (window) f(stats.byWindow[*window]);
    if (!staffId.empty()) f(stats.byStaff[staffId]);
}

// Routing and ranking (engine_routing.cpp).
struct RoutePick {
    TicketId ticket = 0;
    std::vector<std::int64_t> credit; // non-empty when the weighted choice made the pick
};
std::optional<RoutePick> routeNext(const Engine::State& s, const WindowRuntime& w, Timestamp now);
int ticketsAhead(const Engine::State& s, const Ticket& t, Timestamp now);

} // namespace hall::core
