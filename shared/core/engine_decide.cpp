// Deciding commands: every rule check happens here, against a state that is never changed.

#include "shared/core/engine.h"
#include "shared/core/engine_state.h"
#include "shared/core/numbering.h"
#include "shared/core/overloaded.h"

#include <algorithm>

namespace hall::core {

namespace {

using std::chrono::duration_cast;
using std::chrono::minutes;

std::string windowName(int number) {
    return "window " + std::to_string(number);
}

bool openAt(const Service& svc, int minuteOfDay) {
    if (svc.openAtNight || svc.hours.empty()) return true;
    return std::any_of(svc.hours.begin(), svc.hours.end(), [&](const OpeningInterval& h) {
        return minuteOfDay >= h.openMinute && minuteOfDay < h.closeMinute;
    });
}

std::size_t codePoints(std::string_view utf8) {
    return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

Decision one(Timestamp now, EventBody body, std::optional<TicketId> ticket = std::nullopt) {
    Decision d;
    d.events.push_back(Event{now, std::move(body)});
    d.ticket = ticket;
    return d;
}

// Checks shared by every command that acts on a window.
class WindowCheck {
public:
    WindowCheck(const Engine::State& s, int number) : s_(s), w_(s.findWindow(number)), n_(number) {}

    std::optional<Error> exists() const {
        if (!w_) return fail(ErrorCode::UnknownWindow, "no " + windowName(n_));
        return std::nullopt;
    }
    std::optional<Error> canCall() const {
        if (auto e = exists()) return e;
        if (w_->state.staffId.empty())
            return fail(ErrorCode::NoStaffSignedIn, "nobody is signed in at " + windowName(n_));
        if (w_->state.paused) return fail(ErrorCode::WindowPaused, windowName(n_) + " is paused");
        if (w_->state.current)
            return fail(ErrorCode::WindowBusy, windowName(n_) + " still has " +
                                                   s_.tickets.at(*w_->state.current).number +
                                                   ": finish, transfer or mark it first");
        return std::nullopt;
    }
    // The window's current ticket, which must be in one of `states`.
    Result<const Ticket*> current(std::initializer_list<TicketState> states) const {
        if (auto e = exists()) return *e;
        if (!w_->state.current)
            return fail(ErrorCode::WindowIdle, windowName(n_) + " has no current ticket");
        const auto& t = s_.tickets.at(*w_->state.current);
        if (std::find(states.begin(), states.end(), t.state) == states.end())
            return fail(ErrorCode::InvalidState,
                        t.number + " is " + std::string(stateName(t.state)));
        return &t;
    }
    const WindowRuntime& window() const { return *w_; }

private:
    const Engine::State& s_;
    const WindowRuntime* w_;
    int n_;
};

// The one-ticket-per-person rule (when the hall has it): the person may not hold a second
// active ticket of the service on that business day. The refusal names the ticket they hold, so
// the citizen is told its number.
std::optional<Error> heldByPerson(const Engine::State& s, const std::string& serviceId,
                                  const std::string& serviceName, BusinessDay day,
                                  const std::string& personKey) {
    if (!s.config.queue.onePerPersonPerService || personKey.empty()) return std::nullopt;
    auto p = s.activePersons.find({personKey, serviceId, day});
    if (p == s.activePersons.end() || p->second <= 0) return std::nullopt;
    Error refused = fail(ErrorCode::DuplicatePerson,
                         "this person already holds a ticket for " + serviceName + " today");
    // A day's tickets have higher ids than those of the days before: the one held is found from
    // the end.
    for (auto it = s.tickets.rbegin(); it != s.tickets.rend() && it->second.day >= day; ++it)
        if (const Ticket& t = it->second;
            t.day == day && t.active() && t.personKey == personKey && t.serviceId == serviceId) {
            refused.ticket = t.id;
            break;
        }
    return refused;
}

// The person and priority rules every issued ticket obeys, online or from a lease.
std::optional<Error> personAndPriority(const Engine::State& s, const Service& svc,
                                       BusinessDay today, const std::string& personKey,
                                       PriorityClass priority, const std::string& greenCategory,
                                       const std::optional<Appointment>& appointment) {
    if (svc.identify && personKey.empty())
        return fail(ErrorCode::IdentityRequired,
                    svc.nameZh + " issues tickets only to a person identified by ID card or QR");
    if (auto refused = heldByPerson(s, svc.id, svc.nameZh, today, personKey)) return refused;
    if (priority == PriorityClass::GreenChannel) {
        const auto& cats = s.config.queue.greenChannelCategories;
        if (std::find(cats.begin(), cats.end(), greenCategory) == cats.end())
            return fail(ErrorCode::PriorityNotAllowed,
                        "'" + greenCategory + "' is not a green-channel category");
    } else if (!greenCategory.empty()) {
        return fail(ErrorCode::InvalidArgument, "a green-channel category needs that priority");
    }
    if ((priority == PriorityClass::Appointment) != appointment.has_value())
        return fail(ErrorCode::InvalidArgument,
                    "an appointment ticket needs its appointment, and only it has one");
    return std::nullopt;
}

const DayData* dayData(const Engine::State& s, BusinessDay day) {
    auto it = s.days.find(day);
    return it == s.days.end() ? nullptr : &it->second;
}

int lastSequence(const DayData* day, const std::string& serviceId) {
    if (!day) return 0;
    auto seq = day->sequences.find(serviceId);
    return seq == day->sequences.end() ? 0 : seq->second;
}

TicketId nextTicketId(BusinessDay today, int dayCount) {
    return static_cast<TicketId>(today.time_since_epoch().count()) *
               Engine::State::kTicketsPerDayIdSpace +
           static_cast<TicketId>(dayCount + 1);
}

// What both ways of issuing (IssueTicket, IssueLeasedTicket) end with: the person and priority
// rules, the day's ticket-id space, and the event with what the citizen chose; `addToEvent`
// fills in what only one way knows.
template <typename Issue, typename AddToEvent>
Result<Decision> issueTicketEvent(const Engine::State& s, const Issue& c, const Service& svc,
                                  BusinessDay today, int sequence, std::string number,
                                  Timestamp now, AddToEvent addToEvent) {
    if (auto refused = personAndPriority(s, svc, today, c.personKey, c.priority, c.greenCategory,
                                         c.appointment))
        return *refused;
    const DayData* day = dayData(s, today);
    const int dayCount = day ? day->issued : 0;
    if (static_cast<std::uint64_t>(dayCount) + 1 >= Engine::State::kTicketsPerDayIdSpace)
        return fail(ErrorCode::QuotaReached, "the hall has issued its maximum for the day");

    TicketIssued e;
    e.ticket = nextTicketId(today, dayCount);
    e.day = today;
    e.sequence = sequence;
    e.number = std::move(number);
    e.serviceId = svc.id;
    e.priority = c.priority;
    e.greenCategory = c.greenCategory;
    e.appointment = c.appointment;
    e.sourceDevice = c.sourceDevice;
    e.personKey = c.personKey;
    addToEvent(e);
    const auto id = e.ticket;
    return one(now, std::move(e), id);
}

Result<Decision> issue(const Engine::State& s, const IssueTicket& c, Timestamp now) {
    auto it = s.serviceIndex.find(c.serviceId);
    if (it == s.serviceIndex.end())
        return fail(ErrorCode::UnknownService, "no service '" + c.serviceId + "'");
    const auto& svc = s.config.services[it->second];
    if (!openAt(svc, toLocal(*s.zone, now).minuteOfDay))
        return fail(ErrorCode::ServiceClosed, svc.nameZh + " is not issuing tickets now");
    const auto today = s.day.value_or(s.businessDay(now));
    const DayData* day = dayData(s, today);
    // Leased numbers are counted here from the moment they are leased: normal issuing continues
    // after the last leased sequence, so no number is given twice.
    const int issued = lastSequence(day, svc.id);
    if (svc.dailyQuota > 0 && issued >= svc.dailyQuota)
        return fail(ErrorCode::QuotaReached, svc.nameZh + ": today's " +
                                                 std::to_string(svc.dailyQuota) +
                                                 " tickets are all issued");
    return issueTicketEvent(s, c, svc, today, issued + 1, formatTicketNumber(svc, issued + 1), now,
                            [](TicketIssued&) {});
}

// Checking in for a booking: the window around its slot, once per booking; then issued as any
// ticket is (opening hours, quota, one per person), with appointment priority, so the routing
// puts it first once its slot starts.
Result<Decision> checkIn(const Engine::State& s, const CheckIn& c, Timestamp now) {
    const auto& booking = c.booking;
    if (booking.id.empty())
        return fail(ErrorCode::InvalidArgument, "a check-in needs the booking's id");
    const auto today = s.day.value_or(s.businessDay(now));
    if (s.businessDay(booking.slotStart) != today)
        return fail(ErrorCode::BookingNotToday, "booking " + booking.id + " is for " +
                                                    formatDay(s.businessDay(booking.slotStart)));
    for (auto it = s.tickets.lower_bound(nextTicketId(today, -1)); it != s.tickets.end(); ++it) {
        const Ticket& t = it->second;
        if (t.day == today && t.appointment && t.appointment->id == booking.id) {
            Error refused{ErrorCode::AlreadyCheckedIn,
                          "booking " + booking.id + " is checked in: ticket " + t.number};
            refused.ticket = t.id;
            return refused;
        }
    }
    const auto& queue = s.config.queue;
    if (now < booking.slotStart - queue.checkInEarly)
        return fail(
            ErrorCode::TooEarly,
            "check-in for booking " + booking.id + " opens at " +
                formatLocalClock(*s.zone, booking.slotStart - queue.checkInEarly).substr(0, 5));
    if (now > booking.slotStart + queue.checkInLate)
        return fail(
            ErrorCode::TooLate,
            "check-in for booking " + booking.id + " closed at " +
                formatLocalClock(*s.zone, booking.slotStart + queue.checkInLate).substr(0, 5));
    IssueTicket issued;
    issued.serviceId = booking.serviceId;
    issued.priority = PriorityClass::Appointment;
    issued.appointment = Appointment{booking.id, booking.slotStart};
    issued.sourceDevice = c.sourceDevice;
    issued.personKey = booking.personKey;
    return issue(s, issued, now);
}

// Leasing is allowed at any hour of the business day (a machine leases before the doors open);
// the quota counts leased numbers at once, so a lease gets fewer numbers when fewer are left.
Result<Decision> grantLease(const Engine::State& s, const LeaseNumbers& c, Timestamp now) {
    auto it = s.serviceIndex.find(c.serviceId);
    if (it == s.serviceIndex.end())
        return fail(ErrorCode::UnknownService, "no service '" + c.serviceId + "'");
    const auto& svc = s.config.services[it->second];
    if (c.count < 1 || c.count > kMaxLeaseCount)
        return fail(ErrorCode::InvalidArgument,
                    "a lease holds 1 to " + std::to_string(kMaxLeaseCount) + " numbers");
    if (c.sourceDevice.empty())
        return fail(ErrorCode::InvalidArgument, "a lease needs the device that will hold it");
    const auto today = s.day.value_or(s.businessDay(now));
    const DayData* day = dayData(s, today);
    const int issued = lastSequence(day, svc.id);
    int count = c.count;
    if (svc.dailyQuota > 0) {
        if (issued >= svc.dailyQuota)
            return fail(ErrorCode::QuotaReached, svc.nameZh + ": today's " +
                                                     std::to_string(svc.dailyQuota) +
                                                     " tickets are all issued or leased");
        count = std::min(count, svc.dailyQuota - issued);
    }
    const int leases = day ? day->leases : 0;
    if (static_cast<std::uint64_t>(leases) + 1 >= Engine::State::kTicketsPerDayIdSpace)
        return fail(ErrorCode::QuotaReached, "the hall has granted its maximum of leases today");
    NumbersLeased e;
    e.lease = static_cast<LeaseId>(today.time_since_epoch().count()) *
                  Engine::State::kTicketsPerDayIdSpace +
              static_cast<LeaseId>(leases + 1);
    e.day = today;
    e.serviceId = svc.id;
    e.sourceDevice = c.sourceDevice;
    e.firstSequence = issued + 1;
    e.count = count;
    Decision d;
    d.lease = e.lease;
    d.events.push_back(Event{now, std::move(e)});
    return d;
}

// A leased number handed out by its holder. Its place in line is the issue time on the device,
// clamped to [the lease's grant, now]: a clock running ahead cannot put the ticket in front of
// people already waiting, one running behind no earlier than the lease. The quota was taken at
// leasing; opening hours, the one-per-person rule and priorities are checked as for IssueTicket,
// at that issue time.
Result<Decision> issueLeased(const Engine::State& s, const IssueLeasedTicket& c, Timestamp now) {
    const auto today = s.day.value_or(s.businessDay(now));
    auto found = s.leases.find(c.lease);
    if (found == s.leases.end()) {
        // Lease ids start with their business day, so an ended lease is still recognised (an id
        // of a day within the last year; anything else was never a lease).
        const auto leaseDay = BusinessDay(std::chrono::days(
            static_cast<std::int64_t>(c.lease / Engine::State::kTicketsPerDayIdSpace)));
        if (c.lease % Engine::State::kTicketsPerDayIdSpace != 0 && leaseDay < today &&
            leaseDay >= today - std::chrono::days(kLeaseIdsRecognisedDays))
            return fail(ErrorCode::LeaseExpired,
                        "lease " + std::to_string(c.lease) + " ended with business day " +
                            formatDay(leaseDay) + "; lease numbers for today");
        return fail(ErrorCode::UnknownLease, "no lease " + std::to_string(c.lease) + " today");
    }
    const NumberLease& lease = found->second;
    if (lease.day != today)
        return fail(ErrorCode::LeaseExpired, "lease " + std::to_string(c.lease) +
                                                 " ended with business day " +
                                                 formatDay(lease.day));
    if (lease.sourceDevice != c.sourceDevice)
        return fail(ErrorCode::LeaseNotHeld,
                    "lease " + std::to_string(c.lease) + " is held by another device");
    auto it = s.serviceIndex.find(lease.serviceId);
    if (it == s.serviceIndex.end())
        return fail(ErrorCode::UnknownService,
                    "service '" + lease.serviceId + "' of the lease is no longer configured");
    const auto& svc = s.config.services[it->second];
    int sequence = 0;
    for (int q = lease.firstSequence; q < lease.firstSequence + lease.count && sequence == 0; ++q)
        if (formatTicketNumber(svc, q) == c.number) sequence = q;
    if (sequence == 0)
        return fail(ErrorCode::NumberNotLeased,
                    "'" + c.number + "' is not a number of lease " + std::to_string(c.lease));
    if (lease.used.contains(sequence) ||
        s.byNumber.contains(std::pair<BusinessDay, std::string>{today, c.number}))
        return fail(ErrorCode::NumberUsed, c.number + " was already issued");
    const Timestamp issuedAt = std::min(std::max(c.issuedAt, lease.grantedAt), now);
    if (!openAt(svc, toLocal(*s.zone, issuedAt).minuteOfDay))
        return fail(ErrorCode::ServiceClosed, svc.nameZh + " was not issuing tickets at " +
                                                  formatLocalClock(*s.zone, issuedAt));
    return issueTicketEvent(s, c, svc, today, sequence, c.number, now, [&](TicketIssued& e) {
        e.lease = c.lease;
        e.issuedAt = issuedAt;
    });
}

Result<Decision> signIn(const Engine::State& s, const SignIn& c, Timestamp now) {
    WindowCheck w(s, c.window);
    if (auto e = w.exists()) return *e;
    if (!s.config.findStaff(c.staffId))
        return fail(ErrorCode::UnknownStaff, "no staff member '" + c.staffId + "'");
    for (const auto& other : s.windows)
        if (other.state.staffId == c.staffId && other.state.number != c.window)
            return fail(ErrorCode::StaffBusyElsewhere,
                        c.staffId + " is signed in at " + windowName(other.state.number));
    if (w.window().state.staffId == c.staffId)
        return fail(ErrorCode::InvalidState, c.staffId + " is already signed in here");
    if (w.window().state.current)
        return fail(ErrorCode::WindowBusy, windowName(c.window) + " has a ticket in progress");
    return one(now, StaffSignedIn{c.window, c.staffId});
}

Result<Decision> signOut(const Engine::State& s, const SignOut& c, Timestamp now) {
    WindowCheck w(s, c.window);
    if (auto e = w.exists()) return *e;
    if (w.window().state.staffId.empty())
        return fail(ErrorCode::NoStaffSignedIn, "nobody is signed in at " + windowName(c.window));
    if (w.window().state.current)
        return fail(ErrorCode::WindowBusy, windowName(c.window) + " has a ticket in progress");
    return one(now, StaffSignedOut{c.window});
}

Result<Decision> callNext(const Engine::State& s, const CallNext& c, Timestamp now) {
    WindowCheck w(s, c.window);
    if (auto e = w.canCall()) return *e;
    auto pick = routeNext(s, w.window(), now);
    if (!pick)
        return fail(ErrorCode::NothingToCall, "nobody is waiting for " + windowName(c.window));
    TicketCalled e{pick->ticket, c.window, w.window().state.staffId,
                   c.silent,     false,    std::move(pick->credit)};
    return one(now, std::move(e), pick->ticket);
}

std::optional<Error> noteTooLong(const std::string& note, std::size_t limit) {
    if (note.size() <= limit) return std::nullopt;
    return fail(ErrorCode::InvalidArgument,
                "the note is longer than " + std::to_string(limit) + " bytes");
}

// The ticket a call_number names: its whole number ("A012"); or, as a clerk types it, the
// number without its zeros ("A12") or — a hardware keypad has no letters — the digits alone
// ("12"), which name the waiting ticket with that sequence among the window's services (of that
// letter, when given): refused as ambiguous when two of them have one.
Result<const Ticket*> numberedTicket(const Engine::State& s, const CallNumber& c,
                                     BusinessDay today) {
    const auto find = [&](const std::string& number) -> const Ticket* {
        auto it = s.byNumber.find(std::pair<BusinessDay, std::string>{today, number});
        return it == s.byNumber.end() ? nullptr : &s.tickets.at(it->second);
    };
    if (const Ticket* t = find(c.number)) return t;
    const auto typed = splitTypedNumber(c.number);
    if (!typed) return fail(ErrorCode::UnknownTicket, "no ticket " + c.number + " today");
    const Ticket* found = nullptr;
    const Ticket* waiting = nullptr;
    std::string names;
    const WindowRuntime* w = s.findWindow(c.window);
    for (const auto& ws : s.windowConfig(*w).services) {
        const Service& svc = s.service(ws.serviceId);
        if (!typed->letters.empty() && svc.prefix != typed->letters) continue;
        const Ticket* t = find(formatTicketNumber(svc, typed->sequence));
        if (t == nullptr) continue;
        found = t;
        if (t->state != TicketState::Waiting) continue;
        names += (waiting ? ", " : "") + t->number;
        if (waiting) return fail(ErrorCode::InvalidArgument, names + " are waiting: give the letter too");
        waiting = t;
    }
    if (waiting) return waiting;
    if (found) return found; // refused below, in its own words
    return fail(ErrorCode::UnknownTicket, "no ticket " + c.number + " of this window's services today");
}

Result<Decision> callNumber(const Engine::State& s, const CallNumber& c, Timestamp now) {
    WindowCheck w(s, c.window);
    if (auto e = w.canCall()) return *e;
    if (auto e = noteTooLong(c.reason, kMaxActionNoteBytes)) return *e;
    auto numbered = numberedTicket(s, c, s.day.value_or(s.businessDay(now)));
    if (!numbered) return numbered.error();
    const auto& t = **numbered;
    if (t.state != TicketState::Waiting)
        return fail(ErrorCode::InvalidState, t.number + " is " + std::string(stateName(t.state)));
    if (t.targetWindow && *t.targetWindow != c.window)
        return fail(ErrorCode::InvalidState,
                    t.number + " was transferred to " + windowName(*t.targetWindow));
    // A ticket that waits for this window alone (parked here, or sent here) is not called out of
    // turn: nobody else could call it.
    if (s.config.queue.callNumberNeedsReason && c.reason.empty() && t.targetWindow != c.window)
        return fail(ErrorCode::ReasonRequired, "a call out of turn needs a reason in this hall");
    return one(now,
               TicketCalled{t.id, c.window, w.window().state.staffId, c.silent, true, {}, c.reason},
               t.id);
}

Result<Decision> markNoShow(const Engine::State& s, const MarkNoShow& c, Timestamp now) {
    WindowCheck w(s, c.window);
    auto t = w.current({TicketState::Called});
    if (!t) return t.error();
    const auto& q = s.config.queue;
    if (const auto since = now - (*t)->lastCalledAt.value_or(now); since < q.noShowAfter)
        return fail(ErrorCode::TooEarly,
                    (*t)->number + " was called " +
                        std::to_string(duration_cast<std::chrono::seconds>(since).count()) +
                        " s ago; a no-show can be marked after " +
                        std::to_string(duration_cast<std::chrono::seconds>(q.noShowAfter).count()) +
                        " s");
    NoShowMarked e;
    e.ticket = (*t)->id;
    e.window = c.window;
    e.staffId = w.window().state.staffId;
    e.final = (*t)->noShows >= q.noShowMaxRequeues;
    if (!e.final) {
        e.eligibleAt = now + q.noShowRequeueDelay;
        e.queuedAt = q.noShowPlacement == NoShowPlacement::KeepPlace ? (*t)->queuedAt : now;
    }
    return one(now, std::move(e), (*t)->id);
}

Result<Decision> transfer(const Engine::State& s, const Transfer& c, Timestamp now) {
    WindowCheck w(s, c.window);
    auto t = w.current({TicketState::Called, TicketState::Serving});
    if (!t) return t.error();
    if (!c.toService && !c.toWindow)
        return fail(ErrorCode::InvalidArgument, "a transfer needs a service or a window");
    const auto toService = c.toService.value_or((*t)->serviceId);
    if (!s.serviceIndex.contains(toService))
        return fail(ErrorCode::UnknownService, "no service '" + toService + "'");
    if (c.toWindow && !s.findWindow(*c.toWindow))
        return fail(ErrorCode::UnknownWindow, "no " + windowName(*c.toWindow));
    if (c.toWindow == c.window && toService == (*t)->serviceId)
        return fail(ErrorCode::InvalidArgument, "the ticket is already at this window");
    if (auto e = noteTooLong(c.note, kMaxActionNoteBytes)) return *e;
    TicketTransferred e;
    e.ticket = (*t)->id;
    e.fromWindow = c.window;
    e.staffId = w.window().state.staffId;
    e.fromService = (*t)->serviceId;
    e.toService = toService;
    e.toWindow = c.toWindow;
    e.queuedAt = s.config.queue.transferKeepsPlace ? (*t)->issuedAt : now;
    e.note = c.note;
    // Sent on from a window it is to return from: it still returns there, unless this window
    // asks for it back itself.
    e.returnTo =
        c.returnHere ? std::optional(ReturnPoint{c.window, (*t)->serviceId}) : (*t)->returnTo;
    return one(now, std::move(e), (*t)->id);
}

// A finish ends the visit, unless the ticket was sent here to come back: then it returns to the
// window and service that sent it, carrying this clerk's note (or the outcome when there is
// none), and the visit counts as transferred here.
Result<Decision> finish(const Engine::State& s, const Finish& c, Timestamp now) {
    WindowCheck w(s, c.window);
    auto t = w.current({TicketState::Called, TicketState::Serving});
    if (!t) return t.error();
    const auto& outcomes = s.config.queue.finishOutcomes;
    const std::string outcome = c.outcome.empty() ? outcomes.front() : c.outcome;
    if (std::find(outcomes.begin(), outcomes.end(), outcome) == outcomes.end())
        return fail(ErrorCode::InvalidArgument,
                    "'" + outcome + "' is not one of the hall's finish outcomes");
    if (auto e = noteTooLong(c.note, kMaxFinishNoteBytes)) return *e;
    const Ticket& ticket = **t;
    const auto& staff = w.window().state.staffId;
    if (ticket.returnTo && ticket.returnTo->window != c.window &&
        s.serviceIndex.contains(ticket.returnTo->serviceId)) {
        TicketTransferred back;
        back.ticket = ticket.id;
        back.fromWindow = c.window;
        back.staffId = staff;
        back.fromService = ticket.serviceId;
        back.toService = ticket.returnTo->serviceId;
        back.toWindow = ticket.returnTo->window;
        back.queuedAt = s.config.queue.transferKeepsPlace ? ticket.issuedAt : now;
        back.note = c.note.empty() ? outcome : c.note;
        return one(now, std::move(back), ticket.id);
    }
    return one(now, TicketFinished{ticket.id, c.window, staff, outcome, c.note}, ticket.id);
}

Result<Decision> park(const Engine::State& s, const Park& c, Timestamp now) {
    WindowCheck w(s, c.window);
    auto t = w.current({TicketState::Called, TicketState::Serving});
    if (!t) return t.error();
    if (c.minutes < 0 || c.minutes > kMaxParkMinutes)
        return fail(ErrorCode::InvalidArgument,
                    "a ticket is parked for 1 to " + std::to_string(kMaxParkMinutes) + " minutes");
    const Millis after =
        c.minutes ? duration_cast<Millis>(minutes(c.minutes)) : s.config.queue.parkReturnAfter;
    return one(now, TicketParked{(*t)->id, c.window, w.window().state.staffId, now + after},
               (*t)->id);
}

// The person is checked as at issuing, for the ticket's own service and day (a transfer may
// have moved it; a visit begun before midnight keeps its day). A ticket identified at issuing,
// or earlier at a window, keeps its person: reading another card cannot make it someone else's.
Result<Decision> identifyVisit(const Engine::State& s, const IdentifyVisit& c, Timestamp now) {
    WindowCheck w(s, c.window);
    auto t = w.current({TicketState::Called, TicketState::Serving});
    if (!t) return t.error();
    const Ticket& ticket = **t;
    if (c.personKey.empty())
        return fail(ErrorCode::InvalidArgument, "identifying a visit needs the person key");
    if (!isPersonKey(c.personKey))
        return fail(ErrorCode::InvalidArgument,
                    "a person key is the keyed hash (64 lowercase hex digits), never an ID number");
    if (ticket.personKey == c.personKey)
        return fail(ErrorCode::InvalidState, ticket.number + " is already identified");
    if (!ticket.personKey.empty())
        return fail(ErrorCode::InvalidState,
                    ticket.number + " is already identified as another person");
    const auto svc = s.serviceIndex.find(ticket.serviceId);
    const std::string& serviceName =
        svc == s.serviceIndex.end() ? ticket.serviceId : s.config.services[svc->second].nameZh;
    if (auto refused = heldByPerson(s, ticket.serviceId, serviceName, ticket.day, c.personKey))
        return *refused;
    return one(now, VisitIdentified{ticket.id, c.window, c.personKey}, ticket.id);
}

Result<Decision> undoCall(const Engine::State& s, const UndoCall& c, Timestamp now) {
    WindowCheck w(s, c.window);
    if (auto e = w.exists()) return *e;
    const auto& win = w.window();
    if (!win.lastCall || win.state.current != win.lastCall->ticket ||
        s.tickets.at(win.lastCall->ticket).state != TicketState::Called)
        return fail(ErrorCode::NothingToUndo,
                    windowName(c.window) + " has no call that can still be undone");
    return one(now, CallUndone{win.lastCall->ticket, c.window}, win.lastCall->ticket);
}

Result<Decision> cancel(const Engine::State& s, const CancelTicket& c, Timestamp now) {
    const auto* t = s.findTicket(c.ticket);
    if (!t) return fail(ErrorCode::UnknownTicket, "no such ticket");
    if (t->state != TicketState::Waiting)
        return fail(ErrorCode::InvalidState,
                    t->number + " is " + std::string(stateName(t->state)) + ", not waiting");
    if (c.reason == CancelReason::DayClosed)
        return fail(ErrorCode::InvalidArgument, "day-end cancellation is the engine's own");
    return one(now, TicketCancelled{t->id, c.reason}, t->id);
}

Result<Decision> rate(const Engine::State& s, const Rate& c, Timestamp now) {
    const auto* t = s.findTicket(c.ticket);
    if (!t) return fail(ErrorCode::UnknownTicket, "no such ticket (or too old to rate)");
    if (c.window && t->window != c.window)
        return fail(ErrorCode::NotServedHere, "ticket " + t->number + " was not served at window " +
                                                  std::to_string(*c.window));
    if (t->state != TicketState::Done)
        return fail(ErrorCode::NotServed, t->number + " has not been served");
    const int level = static_cast<int>(c.level);
    if (level < 1 || level > kRatingLevels)
        return fail(ErrorCode::InvalidArgument, "rating level must be 1 to 5");
    const auto& policy = s.config.evaluation;
    // A key evaluator cannot ask for reasons (Rate::keyEvaluator): the follow-up case does.
    if (isBadRating(c.level) && c.reasons.empty() && !c.keyEvaluator)
        return fail(ErrorCode::ReasonRequired,
                    std::string(ratingLabelZh(c.level)) + " needs at least one reason");
    for (const auto& r : c.reasons)
        if (std::find(policy.reasons.begin(), policy.reasons.end(), r) == policy.reasons.end())
            return fail(ErrorCode::UnknownReason, "'" + r + "' is not one of the listed reasons");
    if (codePoints(c.comment) > static_cast<std::size_t>(policy.maxCommentLength))
        return fail(ErrorCode::CommentTooLong, "the comment is longer than " +
                                                   std::to_string(policy.maxCommentLength) +
                                                   " characters");
    bool supplementary = false;
    // A key press cannot be told from a second press of the same citizen, nor from a passer-by:
    // a key evaluator only gives a visit its first rating.
    if (t->rated && c.keyEvaluator)
        return fail(ErrorCode::AlreadyRated, t->number + " is rated already");
    if (t->rated) {
        if (t->supplemented || now - *t->finishedAt > policy.supplementPeriod)
            return fail(ErrorCode::SupplementClosed,
                        t->number + " was rated and can no longer take a supplementary rating");
        supplementary = true;
    }
    RatingRecorded e{t->id,         c.level, c.reasons,    c.comment,
                     supplementary, false,   t->serviceId, t->window.value_or(0),
                     t->staffId};
    return one(now, std::move(e), t->id);
}

// Time passing: automatic ratings for tickets left unrated past the policy's delay.
Result<Decision> tick(const Engine::State& s, Timestamp now) {
    Decision d;
    if (s.config.evaluation.unrated != UnratedPolicy::DefaultSatisfied) return d;
    const auto after = s.config.evaluation.unratedDefaultAfter;
    for (const auto& [finished, id] : s.unrated) {
        if (finished + after > now) break;
        const auto& t = s.tickets.at(id);
        d.events.push_back(Event{now, RatingRecorded{id,
                                                     RatingLevel::Satisfied,
                                                     {},
                                                     {},
                                                     false,
                                                     true,
                                                     t.serviceId,
                                                     t.window.value_or(0),
                                                     t.staffId}});
    }
    return d;
}

} // namespace

ServiceAvailability Engine::availability(std::string_view serviceId, Timestamp now) const {
    // The same rules as issue() below, in the same order.
    auto it = s_->serviceIndex.find(serviceId);
    if (it == s_->serviceIndex.end()) return {};
    const auto& svc = s_->config.services[it->second];
    ServiceAvailability a;
    a.issuingNow = openAt(svc, toLocal(*s_->zone, now).minuteOfDay);
    if (svc.dailyQuota > 0) {
        const int issued =
            lastSequence(dayData(*s_, s_->day.value_or(s_->businessDay(now))), svc.id);
        a.remaining = std::max(0, svc.dailyQuota - issued);
        if (*a.remaining == 0) a.issuingNow = false;
    }
    return a;
}

Result<Decision> Engine::decide(const Command& command, Timestamp now) const {
    const auto today = s_->businessDay(now);
    // Before the first event there is no day to roll over from; a clock that went back keeps
    // the current day.
    if (!s_->day || today <= *s_->day) return decideToday(command, now);
    // A new business day: the rollover comes first, and the command is decided on the state
    // after it (numbering restarts, yesterday's queue is closed).
    Event rollover{now, DayRolledOver{*s_->day, today}};
    Engine next(s_->config, s_->zone);
    *next.s_ = *s_;
    next.apply(rollover);
    auto decision = next.decideToday(command, now);
    if (!decision) return decision;
    decision->events.insert(decision->events.begin(), std::move(rollover));
    return decision;
}

Result<Decision> Engine::decideToday(const Command& command, Timestamp now) const {
    const auto& s = *s_;
    return std::visit(
        Overloaded{
            [&](const IssueTicket& c) { return issue(s, c, now); },
            [&](const CheckIn& c) { return checkIn(s, c, now); },
            [&](const SignIn& c) { return signIn(s, c, now); },
            [&](const SignOut& c) { return signOut(s, c, now); },
            [&](const PauseWindow& c) -> Result<Decision> {
                WindowCheck w(s, c.window);
                if (auto e = w.exists()) return *e;
                if (w.window().state.paused)
                    return fail(ErrorCode::InvalidState,
                                windowName(c.window) + " is already paused");
                return one(now, WindowPaused{c.window, c.reason});
            },
            [&](const ResumeWindow& c) -> Result<Decision> {
                WindowCheck w(s, c.window);
                if (auto e = w.exists()) return *e;
                if (!w.window().state.paused)
                    return fail(ErrorCode::InvalidState, windowName(c.window) + " is not paused");
                return one(now, WindowResumed{c.window});
            },
            [&](const CallNext& c) { return callNext(s, c, now); },
            [&](const CallNumber& c) { return callNumber(s, c, now); },
            [&](const Recall& c) -> Result<Decision> {
                auto t = WindowCheck(s, c.window).current({TicketState::Called});
                if (!t) return t.error();
                return one(now, TicketRecalled{(*t)->id, c.window, c.silent}, (*t)->id);
            },
            [&](const StartServing& c) -> Result<Decision> {
                auto t = WindowCheck(s, c.window).current({TicketState::Called});
                if (!t) return t.error();
                return one(now, ServingStarted{(*t)->id, c.window}, (*t)->id);
            },
            [&](const Finish& c) { return finish(s, c, now); },
            [&](const Park& c) { return park(s, c, now); },
            [&](const IdentifyVisit& c) { return identifyVisit(s, c, now); },
            [&](const MarkNoShow& c) { return markNoShow(s, c, now); },
            [&](const Transfer& c) { return transfer(s, c, now); },
            [&](const UndoCall& c) { return undoCall(s, c, now); },
            [&](const CancelTicket& c) { return cancel(s, c, now); },
            [&](const Rate& c) { return rate(s, c, now); },
            [&](const Tick&) { return tick(s, now); },
            [&](const LeaseNumbers& c) { return grantLease(s, c, now); },
            [&](const IssueLeasedTicket& c) { return issueLeased(s, c, now); },
        },
        command);
}

} // namespace hall::core
