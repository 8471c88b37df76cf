#pragma once
// The hall's queue engine: every rule about tickets, windows and ratings, with no I/O.
//
// Each command is first decided against the current state (`decide`, which changes nothing and
// either refuses with an Error or returns the events that follow), then the events are applied
// (`apply`). Persistence sits in between: shared/store journals the events durably and only then
// applies them, and rebuilds an engine after a restart by applying the journal again.

#include "shared/core/commands.h"
#include "shared/core/events.h"
#include "shared/core/hall_config.h"
#include "shared/core/lease.h"
#include "shared/core/result.h"
#include "shared/core/statistics.h"
#include "shared/core/ticket.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hall::core {

struct Decision {
    std::vector<Event> events;      // empty when nothing changes (a Tick with nothing due)
    std::optional<TicketId> ticket; // the ticket the command concerned (issued, called, …)
    std::optional<LeaseId> lease;   // LeaseNumbers: the lease granted
};

struct WindowState {
    int number = 0;
    std::string staffId; // empty: nobody signed in
    bool paused = false;
    std::string pauseReason;
    std::optional<TicketId> current; // called or serving ticket
    // The visit that ended here last: the one the window's evaluation pad (and a five-key
    // evaluator) rates, until the next visit ends here.
    std::optional<TicketId> lastFinished;
};

// Whether a ticket machine may issue for a service now, and how many numbers it has left: what
// issue_ticket would refuse for (service_closed, quota_reached), known before a citizen asks.
struct ServiceAvailability {
    bool issuingNow = false;
    std::optional<int> remaining; // numbers left of today's quota (leased ones count as given)
    bool operator==(const ServiceAvailability&) const = default;
};

struct QueuePosition {
    int ahead = 0; // waiting tickets of the same service that will be called before it
    std::optional<Millis> estimatedWait; // absent when no open window serves the service
};

class Engine {
public:
    // `config` must be valid (see validate()); throws std::invalid_argument otherwise.
    Engine(HallConfig config, std::shared_ptr<const TimeZone> zone);
    ~Engine();
    Engine(Engine&&) noexcept;
    Engine& operator=(Engine&&) noexcept;

    Result<Decision> decide(const Command& command, Timestamp now) const;
    void apply(const Event& event);
    Result<Decision> execute(const Command& command, Timestamp now); // decide, then apply

    // --- queries -----------------------------------------------------------------------------
    const HallConfig& config() const;
    const TimeZone& zone() const;
    BusinessDay businessDay(Timestamp t) const;
    std::optional<BusinessDay> currentDay() const; // of the last applied event, if any
    // The earliest day the engine keeps in memory when `today` is current: applying the journal
    // from this day on rebuilds the engine exactly (the supplementary-rating period and the
    // unrated-ticket policy reach back this far).
    BusinessDay retentionStart(BusinessDay today) const;

    const Ticket* ticket(TicketId id) const;
    const Ticket* ticketByNumber(std::string_view number) const; // current business day
    void forEachTicket(const std::function<void(const Ticket&)>& visit) const; // by id

    const WindowState* window(int number) const;
    std::vector<WindowState> windows() const; // in configuration order

    Result<QueuePosition> position(TicketId id, Timestamp now) const;
    // Expected wait for a ticket issued now: people waiting × recent service time ÷ open windows.
    std::optional<Millis> estimatedWait(std::string_view serviceId, Timestamp now) const;
    int waitingCount(std::string_view serviceId) const;
    // The earliest place in line among the service's waiting tickets (not counting those
    // transferred or parked to a particular window): how long the longest has waited.
    std::optional<Timestamp> waitingSince(std::string_view serviceId) const;
    // Unknown services are not issuing.
    ServiceAvailability availability(std::string_view serviceId, Timestamp now) const;
    std::map<std::string, int> waitingByService() const;
    // A zone counts the tickets of every service that one of its windows serves.
    std::map<std::string, int> waitingByZone() const;

    // Tickets of the current day that did not come to their call and have not been called
    // since, newest first, at most `limit`: requeued ones (state waiting, called again later)
    // and final no-shows. Each carries missedWindow and missedAt.
    std::vector<const Ticket*> missed(std::size_t limit) const;
    // The waiting tickets only `window` may call (parked there, or transferred to it), first in
    // line first, at most `limit`.
    std::vector<const Ticket*> heldFor(int window, std::size_t limit) const;

    // Statistics of a day still held in memory (the current day and the supplement period).
    std::optional<DayStatistics> statistics(BusinessDay day) const;
    // Past days whose statistics changed since the last call (late finishes, day-end
    // cancellations): the store rewrites their stored reports.
    std::vector<BusinessDay> takeChangedPastDays();

    // A lease of the current business day (null once its day is over, or if there is none).
    const NumberLease* lease(LeaseId id) const;
    // The lease's display numbers in issuing order ("A101", "A102", …).
    std::vector<std::string> leaseNumbers(const NumberLease& lease) const;

    TicketId lastTicketId() const;
    // A canonical text of the whole state: two engines with equal fingerprints behave the same.
    std::string fingerprint() const;

    struct State; // opaque: defined in engine_state.h for the engine's own parts

private:
    Result<Decision> decideToday(const Command& command, Timestamp now) const;
    std::unique_ptr<State> s_;
};

} // namespace hall::core
