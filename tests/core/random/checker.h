#pragma once
// The invariants of the randomised suite, checked around every command of a random sequence.
//
// Before a command the checker takes what it needs from the engine (ticket states, windows, and
// for "call next" the ticket the routing rules must pick). After it, the engine's answer and its
// new state are compared with the rules and with a model built only from the events:
//   - numbering: per (business day, service) numbers are unique across normal and leased
//     issuing; a normal issue takes the sequence after every one issued or leased, a lease
//     reserves the next ones, a leased ticket is one of its lease's numbers, reported once by
//     the lease's holder on the lease's day, and stands in line at its clamped issue time;
//   - life cycle: only allowed state changes, final states stay final, a ticket is finished at
//     most once, a window's current ticket is called/serving at that window and nowhere else;
//   - routing: "call next" picks what the priority branches and the window's policy say, FIFO
//     by queue time within each (smooth weighted round robin checked through its credits);
//   - refusals: the error code is one the state explains (a quota refusal means the quota is
//     used up, "nothing to call" means nothing was callable, …);
//   - statistics: the day's counts equal the counts of the events (issued, served, final
//     no-shows, transfers, waits, arrivals per hour on the ticket's day; ratings on the day
//     they are given) and the parts add up.
// Each check returns a description of the first broken rule, or an empty string.

#include "shared/core/engine.h"
#include "tests/core/random/generator.h"

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace hall::core::testing {

struct Coverage {
    std::array<long, 6> callBranch{}; // index 1..5: the routing branch "call next" went through
    long weightedChoices = 0;
    long rollovers = 0;
    long requeuedNoShows = 0;
    long finalNoShows = 0;
    long transfers = 0;
    long returns = 0; // transferred "and back", finished there, and returned
    long parks = 0;
    long parkedCalledBack = 0; // parked tickets called again (by call_next or by number)
    long undos = 0;
    long supplements = 0;
    long automaticRatings = 0;
    long keyBadRatings = 0; // 不满意 / 非常不满意 from a key evaluator, taken without reasons
    long lateFinishes = 0;         // a ticket of an earlier day finished after the rollover
    long leasedOutOfOrder = 0;     // leased tickets placed in line ahead of tickets issued before
    long identified = 0;           // visits identified at a window (读卡)
    long identifyDuplicates = 0;   // … refused: the person holds another ticket of it
    long identifyReidentified = 0; // … refused: the ticket already carries a person
    std::map<std::string, long> accepted; // by command
    std::map<std::string, long> refused;  // by error code
    std::map<std::string, long> outcomes; // finished visits, by outcome

    void merge(const Coverage& other);
    std::string summary() const;
};

class Checker {
public:
    Checker(const HallConfig& config, std::shared_ptr<const TimeZone> zone);

    void before(const Engine& engine, const Command& command, Timestamp now);
    std::string accepted(const Engine& engine, const Command& command, const Decision& decision,
                         Timestamp now);
    std::string refused(const Engine& engine, const Command& command, const Error& error,
                        Timestamp now);

    const std::vector<KnownTicket>& known() const { return known_; }
    const Coverage& coverage() const { return coverage_; }

private:
    struct CallExpectation {
        bool computed = false;
        int window = 0;
        int branch = 0; // 0: nothing callable
        TicketId pick = 0;
        bool weighted = false;
        std::vector<TicketId> heads; // per window service: FIFO head of its plain pool, 0 if none
    };
    struct IssueExpectation {
        bool knownService = false;
        bool quotaFull = false;
        bool closed = false;
        bool duplicateCertain = false;  // an active ticket of the same person, issued for and
                                        // still in this service
        bool duplicatePossible = false; // … issued for or now in this service
        bool badPriority = false;
        bool missingAppointment = false;
        bool identityRequired = false; // an identify service, and no person key
    };
    // What the model says about an IdentifyVisit before it runs; `computed` when the window
    // has a called or serving ticket.
    struct IdentifyExpectation {
        bool computed = false;
        TicketId ticket = 0;
        bool badKey = false;    // not the keyed hash's shape (64 lowercase hex digits)
        bool sameKey = false;   // the ticket carries this very key already
        bool otherKey = false;  // … or another one
        bool duplicate = false; // another active ticket of the person, service and day
    };
    // What the model says about a LeaseNumbers or an IssueLeasedTicket before it runs.
    struct LeaseExpectation {
        bool knownService = false;
        bool quotaFull = false;
        bool badRequest = false; // count out of range or no device
        int grantable = 0;       // numbers the lease will hold
    };
    struct LeasedIssueExpectation {
        bool leaseToday = false; // a lease of the current day exists
        bool expired = false;    // the id is that of an earlier day
        bool holder = false;
        bool inLease = false;
        bool used = false;
        bool closed = false; // at the clamped issue time
        Timestamp queuedAt{};
        int sequence = 0;
    };
    struct ModelLease {
        BusinessDay day{};
        std::string serviceId;
        std::string device;
        Timestamp grantedAt{};
        int first = 0;
        int count = 0;
        std::set<int> used;
    };
    using Credits = std::optional<std::vector<std::int64_t>>;

    void expectCall(const Engine& engine, int window, Timestamp now);
    void expectIssue(const Engine& engine, const IssueTicket& cmd, Timestamp now);
    void expectCheckIn(const Engine& engine, const CheckIn& cmd, Timestamp now);
    template <typename Issue>
    void expectPersonAndPriority(const Issue& cmd, const std::string& serviceId, BusinessDay today);
    bool closedAt(const Service& s, Timestamp t) const;
    void expectIdentify(const IdentifyVisit& cmd);
    void expectLease(const Engine& engine, const LeaseNumbers& cmd, Timestamp now);
    void expectLeasedIssue(const Engine& engine, const IssueLeasedTicket& cmd, Timestamp now);
    std::string explainLeaseRefusal(const Command& command, ErrorCode code) const;
    bool badFinish(const Finish& c) const;
    bool badCallReason(const CallNumber& c, const Ticket* called) const;
    bool namesTicket(const CallNumber& c, const Ticket& t) const;
    bool noShowTooEarly(const Ticket& called, Timestamp now) const;
    bool returnsElsewhere(const Ticket& t, int window) const;
    std::string checkReturn(const Finish& c, const TicketTransferred& e, const Ticket& before,
                            const Ticket& after,
                            Timestamp queued) const; // an outcome the hall lacks or a note too long
    void confirmVisit(TicketId id);
    std::string checkCall(const Engine& engine, const CallNext& cmd, const Decision& decision,
                          Timestamp now);
    std::string checkAcceptedPreconditions(const Engine& engine, const Command& command,
                                           const Decision& decision, Timestamp now) const;
    std::string observeEvents(const Engine& engine, const Decision& decision, bool byCallNext);
    std::string checkFacts(const Engine& engine, const Command& command, const Decision& decision,
                           Timestamp now) const;
    std::string checkState(const Engine& engine, const Decision& decision) const;
    std::string checkStatistics(const Engine& engine) const;
    std::string checkMissed(const Engine& engine) const;
    // duplicate_person names the active ticket the person holds for the service.
    std::string checkHeldTicket(const Command& command, const Error& error) const;

    const WindowState* windowBefore(int number) const;
    const Ticket* ticketBefore(TicketId id) const;

    HallConfig config_;
    std::shared_ptr<const TimeZone> zone_;

    // Snapshot before the current command.
    std::vector<Ticket> ticketsBefore_; // by id
    std::vector<WindowState> windowsBefore_;
    bool rolloverPending_ = false;
    CallExpectation call_;
    IssueExpectation issue_;
    IdentifyExpectation identify_;
    LeaseExpectation lease_;
    LeasedIssueExpectation leasedIssue_;
    // What the model says about a CheckIn before it runs (then issue_ as for its IssueTicket).
    struct CheckInExpectation {
        bool noId = false;
        bool otherDay = false;
        std::optional<TicketId> checkedIn; // a ticket of today with the booking's appointment id
        bool tooEarly = false;
        bool tooLate = false;
        bool refusedBeforeIssuing() const {
            return noId || otherDay || checkedIn || tooEarly || tooLate;
        }
    };
    CheckInExpectation checkIn_;

    // Model built from the events.
    std::vector<KnownTicket> known_;
    std::map<TicketId, BusinessDay> dayOf_;
    std::map<std::pair<BusinessDay, std::string>, int> issuedBy_; // (day, service) → count
    // (day, service) → the last sequence issued or leased, and every sequence issued.
    std::map<std::pair<BusinessDay, std::string>, int> lastSequence_;
    std::set<std::tuple<BusinessDay, std::string, int>> usedSequences_;
    std::map<LeaseId, ModelLease> leases_; // of the current day
    struct DayCounts {
        int issued = 0;
        int served = 0;
        int finalNoShows = 0;
        int transferred = 0;
        int waitsCalled = 0;    // visits called (first call, not undone)
        int waitsConfirmed = 0; // of those, confirmed by service, no-show or transfer
        int automaticRatings = 0;
        int firstRatings = 0; // visits first rated on this day
        int supplements = 0;  // 追评 of those visits, on this day or later
        int leasedNumbers = 0;
        int leasedIssued = 0;
        std::array<int, 24> arrivals{};
    };
    std::map<BusinessDay, DayCounts> days_;
    std::map<TicketId, int> finishes_;
    std::map<TicketId, bool> calledThisVisit_;
    std::map<TicketId, bool> lastCallWasFirst_;
    std::map<TicketId, bool> confirmedThisVisit_;
    std::map<int, Credits> credits_;           // by window: smooth-WRR credits, nullopt = unknown
    std::map<int, Credits> creditsBeforeCall_; // by window: to restore on undo
    // Tickets identified at a window since their last call: that call can no longer be undone.
    std::set<TicketId> identifiedSinceCall_;
    // The day's tickets that missed their call and were not called since: (when, window).
    using Missed = std::pair<Timestamp, int>;
    std::map<TicketId, Missed> missed_;
    std::map<TicketId, std::optional<Missed>> missedBeforeCall_; // to restore on undo
    std::optional<BusinessDay> day_;
    // Rated visits: the day of the first rating, where the visit counts, and its latest level.
    std::map<TicketId, std::pair<BusinessDay, RatingLevel>> ratedVisits_;

    Coverage coverage_;
};

} // namespace hall::core::testing
