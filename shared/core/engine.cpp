// Engine construction, applying events (the only place state changes) and queries.

#include "shared/core/engine.h"

#include "shared/core/engine_state.h"
#include "shared/core/numbering.h"
#include "shared/core/overloaded.h"

#include <sstream>
#include <stdexcept>

namespace hall::core {

// --- State helpers ---------------------------------------------------------------------------

const Service& Engine::State::service(std::string_view id) const {
    return config.services[serviceIndex.find(id)->second];
}

WindowRuntime* Engine::State::findWindow(int number) {
    auto it = windowIndex.find(number);
    return it == windowIndex.end() ? nullptr : &windows[it->second];
}

const WindowRuntime* Engine::State::findWindow(int number) const {
    auto it = windowIndex.find(number);
    return it == windowIndex.end() ? nullptr : &windows[it->second];
}

Ticket* Engine::State::findTicket(TicketId id) {
    auto it = tickets.find(id);
    return it == tickets.end() ? nullptr : &it->second;
}

const Ticket* Engine::State::findTicket(TicketId id) const {
    auto it = tickets.find(id);
    return it == tickets.end() ? nullptr : &it->second;
}

Queue* Engine::State::queueOf(const Ticket& t) {
    if (t.targetWindow) {
        auto* w = findWindow(*t.targetWindow);
        return w ? &w->targeted : nullptr;
    }
    auto it = serviceIndex.find(t.serviceId);
    if (it == serviceIndex.end()) return nullptr;
    auto& q = queues[it->second];
    switch (t.priority) {
    case PriorityClass::Normal:
        return &q.normal;
    case PriorityClass::GreenChannel:
        return &q.green;
    case PriorityClass::Appointment:
        return &q.appointment;
    }
    return nullptr;
}

void Engine::State::enqueue(const Ticket& t) {
    if (auto* q = queueOf(t)) q->insert({t.queuedAt, t.id});
}

void Engine::State::dequeue(const Ticket& t) {
    if (auto* q = queueOf(t)) q->erase({t.queuedAt, t.id});
}

BusinessDay Engine::State::businessDay(Timestamp t) const {
    return businessDayOf(*zone, t, config.queue.dayStartMinute);
}

int Engine::State::retentionDays() const {
    const auto reach = std::max(config.evaluation.supplementPeriod,
                                config.evaluation.unrated == UnratedPolicy::DefaultSatisfied
                                    ? config.evaluation.unratedDefaultAfter
                                    : Millis(0));
    const auto oneDay = std::chrono::duration_cast<Millis>(std::chrono::days(1));
    return static_cast<int>((reach + oneDay - Millis(1)) / oneDay) + 1;
}

void Engine::State::recordWaitOnce(const Ticket& t) {
    if (!t.calledAt || !waitRecorded.insert(t.id).second) return;
    const auto wait = *t.calledAt - t.visitStartedAt;
    countVisit(t, t.serviceId, t.window, t.staffId, [&](GroupStats& g) { g.wait.add(wait); });
}

// --- construction ----------------------------------------------------------------------------

Engine::Engine(HallConfig config, std::shared_ptr<const TimeZone> zone)
    : s_(std::make_unique<State>()) {
    if (auto errors = validate(config); !errors.empty())
        throw std::invalid_argument("invalid hall configuration:\n" + describe(errors));
    if (!zone) throw std::invalid_argument("the engine needs the hall's time zone");
    s_->config = std::move(config);
    s_->zone = std::move(zone);
    for (std::size_t i = 0; i < s_->config.services.size(); ++i)
        s_->serviceIndex.emplace(s_->config.services[i].id, i);
    s_->queues.resize(s_->config.services.size());
    for (std::size_t i = 0; i < s_->config.windows.size(); ++i) {
        const auto& w = s_->config.windows[i];
        s_->windowIndex.emplace(w.number, i);
        WindowRuntime rt;
        rt.configIndex = i;
        rt.state.number = w.number;
        rt.credit.assign(w.services.size(), 0);
        s_->windows.push_back(std::move(rt));
    }
}

Engine::~Engine() = default;
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;

Result<Decision> Engine::execute(const Command& command, Timestamp now) {
    auto decision = decide(command, now);
    if (decision)
        for (const auto& e : decision->events)
            apply(e);
    return decision;
}

// --- apply -----------------------------------------------------------------------------------

namespace {

void rollOver(Engine::State& s, const DayRolledOver& e, Timestamp at) {
    s.day = e.to;
    s.days[e.to]; // the new day exists from now on, even before its first ticket
    s.missed.clear(); // the day's missed list closes with the day
    // Yesterday's queue is closed: whoever still waits or was called and never came is cancelled.
    for (auto& [id, t] : s.tickets) {
        if (t.day >= e.to || (t.state != TicketState::Waiting && t.state != TicketState::Called))
            continue;
        if (t.state == TicketState::Called) {
            s.recordWaitOnce(t); // they waited for that call, even if they never came
            if (auto* w = t.window ? s.findWindow(*t.window) : nullptr) {
                w->state.current.reset();
                w->lastCall.reset();
            }
        } else {
            s.dequeue(t);
        }
        if (!t.personKey.empty()) --s.activePersons[{t.personKey, t.serviceId, t.day}];
        t.state = TicketState::Cancelled;
        t.cancelReason = CancelReason::DayClosed;
        t.finishedAt = at;
        s.countVisit(t, t.serviceId, std::nullopt, {}, [](GroupStats& g) {
            ++g.cancelled;
            ++g.cancelledAtClose;
        });
    }
    // Forget what lies before the retention start, except tickets still being served and the
    // statistics of the day just closed (after a long closure it is older than the retention
    // start, and its report has yet to be stored).
    const auto keepFrom = e.to - std::chrono::days(s.retentionDays());
    const auto keepStatsFrom = std::min(e.from, keepFrom);
    std::erase_if(s.tickets, [&](const auto& kv) {
        const auto& t = kv.second;
        if (t.day >= keepFrom || t.active()) return false;
        s.waitRecorded.erase(t.id);
        if (t.finishedAt) s.unrated.erase({*t.finishedAt, t.id});
        return true;
    });
    std::erase_if(s.byNumber, [&](const auto& kv) { return !s.tickets.contains(kv.second); });
    // Leases end with their business day; their unissued numbers are never issued.
    std::erase_if(s.leases, [&](const auto& kv) { return kv.second.day < e.to; });
    std::erase_if(s.days, [&](const auto& kv) { return kv.first < keepStatsFrom; });
    std::erase_if(s.activePersons, [](const auto& kv) { return kv.second <= 0; });
    std::erase_if(s.changedPastDays, [&](BusinessDay d) { return d < keepStatsFrom; });
    std::erase_if(s.ratedVisits, [&](const auto& kv) { return kv.second.day < keepStatsFrom; });
}

void issue(Engine::State& s, const TicketIssued& e, Timestamp at) {
    Ticket t;
    t.id = e.ticket;
    t.day = e.day;
    t.number = e.number;
    t.sequence = e.sequence;
    t.serviceId = e.serviceId;
    t.issuedServiceId = e.serviceId;
    t.priority = e.priority;
    t.greenCategory = e.greenCategory;
    t.appointment = e.appointment;
    t.sourceDevice = e.sourceDevice;
    t.personKey = e.personKey;
    // A leased ticket stands in line from the moment the device handed it out (clamped when it
    // was decided), not from when the controller heard of it; its wait is measured from there.
    const Timestamp issuedAt = e.issuedAt.value_or(at);
    t.issuedAt = t.queuedAt = t.eligibleAt = t.visitStartedAt = issuedAt;

    auto& day = s.days[e.day];
    auto& seq = day.sequences[e.serviceId];
    seq = std::max(seq, e.sequence);
    day.issued =
        std::max(day.issued, static_cast<int>(e.ticket % Engine::State::kTicketsPerDayIdSpace));
    if (!e.personKey.empty()) ++s.activePersons[{e.personKey, e.serviceId, e.day}];
    s.byNumber[{e.day, e.number}] = e.ticket;
    if (e.lease)
        if (auto lease = s.leases.find(*e.lease); lease != s.leases.end())
            lease->second.used.insert(e.sequence);
    const int hour = toLocal(*s.zone, issuedAt).hour();
    s.countVisit(t, t.serviceId, std::nullopt, {}, [&](GroupStats& g) {
        ++g.issued;
        ++g.arrivalsByHour[static_cast<std::size_t>(hour)];
        if (e.lease) ++g.leasedIssued;
    });
    s.enqueue(t);
    s.tickets.emplace(t.id, std::move(t));
}

void reserve(Engine::State& s, const NumbersLeased& e, Timestamp at) {
    auto& day = s.days[e.day];
    auto& seq = day.sequences[e.serviceId];
    seq = std::max(seq, e.firstSequence + e.count - 1);
    day.leases =
        std::max(day.leases, static_cast<int>(e.lease % Engine::State::kTicketsPerDayIdSpace));
    s.leases[e.lease] =
        NumberLease{e.lease, e.day, e.serviceId, e.sourceDevice, at, e.firstSequence, e.count, {}};
    for (GroupStats* g : {&day.stats.hall, &day.stats.byService[e.serviceId]})
        g->leasedNumbers += e.count;
}

// The window lets go of its ticket: it is idle again and there is no call left to undo.
void release(Engine::State& s, std::optional<int> window) {
    if (auto* w = window ? s.findWindow(*window) : nullptr) {
        w->state.current.reset();
        w->lastCall.reset();
    }
}

void deactivate(Engine::State& s, const Ticket& t) {
    if (!t.personKey.empty()) --s.activePersons[{t.personKey, t.serviceId, t.day}];
}

void call(Engine::State& s, Ticket& t, const TicketCalled& e, Timestamp at) {
    auto* w = s.findWindow(e.window);
    if (!w) return;
    w->lastCall = LastCall{t.id, t, w->credit};
    s.dequeue(t);
    if (!e.routingCredit.empty() && e.routingCredit.size() == w->credit.size())
        w->credit = e.routingCredit;
    t.state = TicketState::Called;
    t.window = e.window;
    t.staffId = e.staffId;
    if (!t.calledAt) t.calledAt = at;
    t.lastCalledAt = at;
    w->state.current = t.id;
    if (t.missedAt) s.missed.erase({*t.missedAt, t.id});
    t.missedWindow.reset();
    t.missedAt.reset();
    t.parkedUntil.reset();
}

void finish(Engine::State& s, Ticket& t, const TicketFinished& e, Timestamp at) {
    s.recordWaitOnce(t);
    const auto start = t.servingSince ? *t.servingSince : t.lastCalledAt.value_or(at);
    if (!t.servingSince) t.servingSince = start;
    const auto took = at - start + t.servedBefore;
    t.state = TicketState::Done;
    t.finishedAt = at;
    t.staffId = e.staffId;
    t.outcome = e.outcome;
    t.outcomeNote = e.note;
    s.countVisit(t, t.serviceId, t.window, t.staffId, [&](GroupStats& g) {
        ++g.served;
        g.service.add(took);
    });
    auto& recent = s.recentServiceTimes[t.serviceId];
    recent.push_back(took);
    if (recent.size() > Engine::State::kRecentServiceSamples) recent.pop_front();
    deactivate(s, t);
    if (auto* w = t.window ? s.findWindow(*t.window) : nullptr) w->state.lastFinished = t.id;
    release(s, t.window);
    if (s.config.evaluation.unrated == UnratedPolicy::DefaultSatisfied && !t.rated)
        s.unrated.insert({at, t.id});
}

void noShow(Engine::State& s, Ticket& t, const NoShowMarked& e, Timestamp at) {
    s.recordWaitOnce(t);
    release(s, t.window);
    t.missedWindow = e.window;
    t.missedAt = at;
    s.missed.insert({at, t.id});
    if (e.final) {
        t.state = TicketState::NoShow;
        t.finishedAt = at;
        s.countVisit(t, t.serviceId, t.window, t.staffId, [](GroupStats& g) { ++g.noShow; });
        deactivate(s, t);
        return;
    }
    t.state = TicketState::Waiting;
    ++t.noShows;
    t.eligibleAt = e.eligibleAt;
    t.queuedAt = e.queuedAt;
    t.window.reset();
    t.lastCalledAt.reset();
    s.enqueue(t);
}

void transfer(Engine::State& s, Ticket& t, const TicketTransferred& e, Timestamp at) {
    s.recordWaitOnce(t);
    s.countVisit(t, e.fromService, e.fromWindow, e.staffId, [](GroupStats& g) { ++g.transferred; });
    release(s, t.window);
    deactivate(s, t);
    t.serviceId = e.toService;
    if (!t.personKey.empty()) ++s.activePersons[{t.personKey, t.serviceId, t.day}];
    t.targetWindow = e.toWindow;
    t.transferNote = e.note;
    t.returnTo = e.returnTo;
    t.parkedUntil.reset();
    t.servedBefore = Millis(0);
    t.state = TicketState::Waiting;
    t.queuedAt = e.queuedAt;
    t.eligibleAt = t.visitStartedAt = at;
    t.calledAt.reset();
    t.lastCalledAt.reset();
    t.servingSince.reset();
    t.window.reset();
    t.staffId.clear();
    ++t.transfers;
    s.waitRecorded.erase(t.id);
    s.enqueue(t);
}

// The visit goes on: its wait was measured at the call, the service so far is kept, and the
// ticket waits for this window alone until it is called back.
void park(Engine::State& s, Ticket& t, const TicketParked& e, Timestamp at) {
    s.recordWaitOnce(t);
    if (t.servingSince) t.servedBefore += at - *t.servingSince;
    release(s, t.window);
    t.state = TicketState::Waiting;
    t.targetWindow = e.window;
    t.eligibleAt = e.returnAt;
    t.parkedUntil = e.returnAt;
    t.lastCalledAt.reset();
    t.servingSince.reset();
    t.window.reset();
    ++t.parks;
    s.enqueue(t);
}

// The person counts from now on, as for a ticket issued to them, until the ticket ends
// (deactivate). The citizen is at the counter, so the call is no longer a mistake to undo: undo
// restores the ticket as it was before the call, which would drop the person but not the count.
void identify(Engine::State& s, Ticket& t, const VisitIdentified& e) {
    t.personKey = e.personKey;
    ++s.activePersons[{t.personKey, t.serviceId, t.day}];
    if (auto* w = s.findWindow(e.window); w && w->lastCall && w->lastCall->ticket == t.id)
        w->lastCall.reset();
}

void undo(Engine::State& s, Ticket& t, const CallUndone& e) {
    auto* w = s.findWindow(e.window);
    if (!w || !w->lastCall || w->lastCall->ticket != t.id) return;
    t = w->lastCall->before;
    if (t.missedAt) s.missed.insert({*t.missedAt, t.id}); // it is a missed ticket again
    w->credit = w->lastCall->creditBefore;
    w->state.current.reset();
    w->lastCall.reset();
    s.enqueue(t);
}

void rate(Engine::State& s, Ticket* t, const RatingRecorded& e, Timestamp at) {
    if (t) {
        (e.supplementary ? t->supplemented : t->rated) = true;
        if (t->finishedAt) s.unrated.erase({*t->finishedAt, t->id});
    }
    // A visit counts once, on the day it is first rated, at its latest level: a 追评 moves it to
    // the new level on that day (rewriting that day's report when it is over) and is counted
    // there as supplementary. A rating stays tied to the service, window and staff that served.
    const auto apply = [&](DayStatistics& stats, auto&& f) {
        for (GroupStats* g : {&stats.hall, &stats.byService[e.serviceId], &stats.byWindow[e.window],
                              &stats.byStaff[e.staffId]})
            f(*g);
    };
    if (e.supplementary) {
        const auto visit = s.ratedVisits.find(e.ticket);
        if (visit == s.ratedVisits.end()) return; // first rated on a day no longer held
        auto day = s.days.find(visit->second.day);
        if (day == s.days.end()) return;
        if (s.day && visit->second.day != *s.day) s.changedPastDays.insert(visit->second.day);
        const RatingLevel from = visit->second.level;
        apply(day->second.stats, [&](GroupStats& g) { g.supplementRating(from, e.level); });
        visit->second.level = e.level;
        return;
    }
    const auto today = s.businessDay(at);
    auto day = s.days.find(today);
    if (day == s.days.end()) return;
    s.ratedVisits[e.ticket] = RatedVisit{today, e.level};
    apply(day->second.stats, [&](GroupStats& g) { g.addRating(e.level, e.automatic); });
}

} // namespace

void Engine::apply(const Event& event) {
    auto& s = *s_;
    if (!s.day) {
        s.day = s.businessDay(event.at);
        s.days[*s.day];
    }
    std::visit(Overloaded{
                   [&](const DayRolledOver& e) { rollOver(s, e, event.at); },
                   [&](const TicketIssued& e) { issue(s, e, event.at); },
                   [&](const StaffSignedIn& e) {
                       if (auto* w = s.findWindow(e.window)) w->state.staffId = e.staffId;
                   },
                   [&](const StaffSignedOut& e) {
                       if (auto* w = s.findWindow(e.window)) w->state.staffId.clear();
                   },
                   [&](const WindowPaused& e) {
                       if (auto* w = s.findWindow(e.window)) {
                           w->state.paused = true;
                           w->state.pauseReason = e.reason;
                       }
                   },
                   [&](const WindowResumed& e) {
                       if (auto* w = s.findWindow(e.window)) {
                           w->state.paused = false;
                           w->state.pauseReason.clear();
                       }
                   },
                   [&](const TicketCalled& e) {
                       if (auto* t = s.findTicket(e.ticket)) call(s, *t, e, event.at);
                   },
                   [&](const TicketRecalled& e) {
                       if (auto* t = s.findTicket(e.ticket)) ++t->recalls;
                   },
                   [&](const ServingStarted& e) {
                       if (auto* t = s.findTicket(e.ticket)) {
                           s.recordWaitOnce(*t);
                           t->state = TicketState::Serving;
                           t->servingSince = event.at;
                           if (auto* w = s.findWindow(e.window)) w->lastCall.reset();
                       }
                   },
                   [&](const TicketFinished& e) {
                       if (auto* t = s.findTicket(e.ticket)) finish(s, *t, e, event.at);
                   },
                   [&](const NoShowMarked& e) {
                       if (auto* t = s.findTicket(e.ticket)) noShow(s, *t, e, event.at);
                   },
                   [&](const TicketTransferred& e) {
                       if (auto* t = s.findTicket(e.ticket)) transfer(s, *t, e, event.at);
                   },
                   [&](const CallUndone& e) {
                       if (auto* t = s.findTicket(e.ticket)) undo(s, *t, e);
                   },
                   [&](const TicketCancelled& e) {
                       if (auto* t = s.findTicket(e.ticket)) {
                           s.dequeue(*t);
                           deactivate(s, *t);
                           if (t->missedAt) s.missed.erase({*t->missedAt, t->id});
                           t->state = TicketState::Cancelled;
                           t->cancelReason = e.reason;
                           t->finishedAt = event.at;
                           s.countVisit(*t, t->serviceId, std::nullopt, {},
                                        [](GroupStats& g) { ++g.cancelled; });
                       }
                   },
                   [&](const RatingRecorded& e) { rate(s, s.findTicket(e.ticket), e, event.at); },
                   [&](const NumbersLeased& e) { reserve(s, e, event.at); },
                   [&](const TicketParked& e) {
                       if (auto* t = s.findTicket(e.ticket)) park(s, *t, e, event.at);
                   },
                   [&](const VisitIdentified& e) {
                       if (auto* t = s.findTicket(e.ticket)) identify(s, *t, e);
                   },
               },
               event.body);
}

// --- queries ---------------------------------------------------------------------------------

const HallConfig& Engine::config() const {
    return s_->config;
}
const TimeZone& Engine::zone() const {
    return *s_->zone;
}
BusinessDay Engine::businessDay(Timestamp t) const {
    return s_->businessDay(t);
}
std::optional<BusinessDay> Engine::currentDay() const {
    return s_->day;
}

BusinessDay Engine::retentionStart(BusinessDay today) const {
    return today - std::chrono::days(s_->retentionDays());
}

const Ticket* Engine::ticket(TicketId id) const {
    return s_->findTicket(id);
}

const Ticket* Engine::ticketByNumber(std::string_view number) const {
    if (!s_->day) return nullptr;
    auto it = s_->byNumber.find(std::pair<BusinessDay, std::string>{*s_->day, number});
    return it == s_->byNumber.end() ? nullptr : s_->findTicket(it->second);
}

void Engine::forEachTicket(const std::function<void(const Ticket&)>& visit) const {
    for (const auto& [id, t] : s_->tickets)
        visit(t);
}

const WindowState* Engine::window(int number) const {
    const auto* w = s_->findWindow(number);
    return w ? &w->state : nullptr;
}

std::vector<WindowState> Engine::windows() const {
    std::vector<WindowState> out;
    for (const auto& w : s_->windows)
        out.push_back(w.state);
    return out;
}

int Engine::waitingCount(std::string_view serviceId) const {
    auto it = s_->serviceIndex.find(serviceId);
    if (it == s_->serviceIndex.end()) return 0;
    const auto& q = s_->queues[it->second];
    auto n = q.normal.size() + q.green.size() + q.appointment.size();
    for (const auto& w : s_->windows)
        for (const auto& k : w.targeted)
            if (s_->tickets.at(k.id).serviceId == serviceId) ++n;
    return static_cast<int>(n);
}

std::optional<Timestamp> Engine::waitingSince(std::string_view serviceId) const {
    auto it = s_->serviceIndex.find(serviceId);
    if (it == s_->serviceIndex.end()) return std::nullopt;
    std::optional<Timestamp> earliest;
    const auto& q = s_->queues[it->second];
    for (const Queue* line : {&q.normal, &q.green, &q.appointment})
        if (!line->empty() && (!earliest || line->begin()->queuedAt < *earliest))
            earliest = line->begin()->queuedAt;
    return earliest;
}

std::map<std::string, int> Engine::waitingByService() const {
    std::map<std::string, int> out;
    for (const auto& svc : s_->config.services)
        out[svc.id] = waitingCount(svc.id);
    return out;
}

std::vector<const Ticket*> Engine::missed(std::size_t limit) const {
    std::vector<const Ticket*> out;
    for (auto it = s_->missed.rbegin(); it != s_->missed.rend() && out.size() < limit; ++it)
        if (const Ticket* t = s_->findTicket(it->second)) out.push_back(t);
    return out;
}

std::vector<const Ticket*> Engine::heldFor(int window, std::size_t limit) const {
    std::vector<const Ticket*> out;
    const WindowRuntime* w = s_->findWindow(window);
    if (w == nullptr) return out;
    for (auto it = w->targeted.begin(); it != w->targeted.end() && out.size() < limit; ++it)
        if (const Ticket* t = s_->findTicket(it->id)) out.push_back(t);
    return out;
}

std::map<std::string, int> Engine::waitingByZone() const {
    const auto perService = waitingByService();
    std::map<std::string, int> out;
    for (const auto& zone : s_->config.zones) {
        std::set<std::string> served;
        for (const auto& w : s_->config.windows)
            if (w.zoneId == zone.id)
                for (const auto& ws : w.services)
                    served.insert(ws.serviceId);
        int n = 0;
        for (const auto& id : served)
            n += perService.at(id);
        out[zone.id] = n;
    }
    return out;
}

namespace {

// Windows that are staffed, not paused and serve the service.
int openWindowsFor(const Engine::State& s, std::string_view serviceId) {
    int n = 0;
    for (const auto& w : s.windows) {
        if (w.state.staffId.empty() || w.state.paused) continue;
        for (const auto& ws : s.windowConfig(w).services)
            if (ws.serviceId == serviceId) ++n;
    }
    return n;
}

Millis typicalServiceTime(const Engine::State& s, std::string_view serviceId) {
    auto it = s.recentServiceTimes.find(std::string(serviceId));
    if (it == s.recentServiceTimes.end() || it->second.empty())
        return std::chrono::minutes(5); // until the day has its own figures
    Millis sum{0};
    for (auto d : it->second)
        sum += d;
    return sum / static_cast<std::int64_t>(it->second.size());
}

std::optional<Millis> waitFor(const Engine::State& s, std::string_view serviceId, int ahead) {
    const int open = openWindowsFor(s, serviceId);
    if (open == 0) return std::nullopt;
    return typicalServiceTime(s, serviceId) * ahead / open;
}

} // namespace

Result<QueuePosition> Engine::position(TicketId id, Timestamp now) const {
    const auto* t = s_->findTicket(id);
    if (!t) return fail(ErrorCode::UnknownTicket, "no such ticket");
    if (t->state != TicketState::Waiting)
        return fail(ErrorCode::InvalidState,
                    t->number + " is " + std::string(stateName(t->state)) + ", not waiting");
    QueuePosition p;
    p.ahead = ticketsAhead(*s_, *t, now);
    p.estimatedWait = waitFor(*s_, t->serviceId, p.ahead);
    return p;
}

std::optional<Millis> Engine::estimatedWait(std::string_view serviceId, Timestamp) const {
    return waitFor(*s_, serviceId, waitingCount(serviceId));
}

std::optional<DayStatistics> Engine::statistics(BusinessDay day) const {
    auto it = s_->days.find(day);
    if (it == s_->days.end()) return std::nullopt;
    auto stats = it->second.stats;
    stats.day = day;
    return stats;
}

std::vector<BusinessDay> Engine::takeChangedPastDays() {
    std::vector<BusinessDay> out(s_->changedPastDays.begin(), s_->changedPastDays.end());
    s_->changedPastDays.clear();
    return out;
}

const NumberLease* Engine::lease(LeaseId id) const {
    auto it = s_->leases.find(id);
    return it == s_->leases.end() ? nullptr : &it->second;
}

std::vector<std::string> Engine::leaseNumbers(const NumberLease& lease) const {
    std::vector<std::string> out;
    auto it = s_->serviceIndex.find(lease.serviceId);
    if (it == s_->serviceIndex.end()) return out;
    const auto& svc = s_->config.services[it->second];
    for (int i = 0; i < lease.count; ++i)
        out.push_back(formatTicketNumber(svc, lease.firstSequence + i));
    return out;
}

TicketId Engine::lastTicketId() const {
    return s_->tickets.empty() ? 0 : s_->tickets.rbegin()->first;
}

std::string Engine::fingerprint() const {
    const auto& s = *s_;
    std::ostringstream o;
    auto ts = [](const std::optional<Timestamp>& t) {
        return t ? std::to_string(t->time_since_epoch().count()) : std::string("-");
    };
    o << "day " << (s.day ? formatDay(*s.day) : "-") << '\n';
    for (const auto& [id, t] : s.tickets) {
        o << id << ' ' << formatDay(t.day) << ' ' << t.number << ' ' << t.serviceId << ' '
          << t.issuedServiceId << ' ' << priorityName(t.priority) << ' ' << t.greenCategory << ' '
          << (t.appointment ? t.appointment->id + "@" + ts(t.appointment->slotStart) : "-") << ' '
          << t.sourceDevice << ' ' << t.personKey << ' ' << stateName(t.state) << ' '
          << (t.cancelReason ? cancelReasonName(*t.cancelReason) : "-") << ' ' << ts(t.issuedAt)
          << ' ' << ts(t.queuedAt) << ' ' << ts(t.eligibleAt) << ' ' << ts(t.visitStartedAt) << ' '
          << ts(t.calledAt) << ' ' << ts(t.lastCalledAt) << ' ' << ts(t.servingSince) << ' '
          << ts(t.finishedAt) << ' ' << t.window.value_or(0) << ' ' << t.targetWindow.value_or(0)
          << ' ' << t.missedWindow.value_or(0) << ' ' << ts(t.missedAt) << ' ' << t.staffId
          << ' ' << t.recalls << ' ' << t.noShows << ' ' << t.transfers << ' ' << t.parks << ' '
          << ts(t.parkedUntil) << ' ' << t.servedBefore.count() << ' '
          << (t.returnTo ? std::to_string(t.returnTo->window) + "/" + t.returnTo->serviceId : "-")
          << ' ' << t.outcome << " [" << t.outcomeNote << "] [" << t.transferNote << "] "
          << t.rated << t.supplemented << s.waitRecorded.contains(id) << '\n';
    }
    for (const auto& w : s.windows) {
        o << "window " << w.state.number << ' ' << w.state.staffId << ' ' << w.state.paused << ' '
          << w.state.pauseReason << ' ' << (w.state.current ? *w.state.current : 0) << ' '
          << (w.lastCall ? w.lastCall->ticket : 0) << ' ' << w.state.lastFinished.value_or(0)
          << " credit";
        for (auto c : w.credit)
            o << ' ' << c;
        o << " targeted " << w.targeted.size() << '\n';
    }
    for (std::size_t i = 0; i < s.queues.size(); ++i)
        o << "queue " << s.config.services[i].id << ' ' << s.queues[i].normal.size() << ' '
          << s.queues[i].green.size() << ' ' << s.queues[i].appointment.size() << '\n';
    for (const auto& [d, data] : s.days) {
        const auto& h = data.stats.hall;
        o << "stats " << formatDay(d) << ' ' << data.issued << ' ' << h.issued << ' ' << h.served
          << ' ' << h.noShow << ' ' << h.transferred << ' ' << h.cancelled << ' '
          << h.cancelledAtClose << ' ' << h.wait.count()
          << ' ' << h.service.count() << ' ' << h.ratedCount() << ' ' << data.leases << ' '
          << h.leasedNumbers << ' ' << h.leasedIssued << " ratings";
        for (int n : h.ratings)
            o << ' ' << n;
        o << ' ' << h.automaticRatings << ' ' << h.supplementary << '\n';
        for (const auto& [service, seq] : data.sequences)
            o << "sequence " << formatDay(d) << ' ' << service << ' ' << seq << '\n';
    }
    for (const auto& [id, l] : s.leases) {
        o << "lease " << id << ' ' << formatDay(l.day) << ' ' << l.serviceId << ' '
          << l.sourceDevice << ' ' << ts(l.grantedAt) << ' ' << l.firstSequence << ' ' << l.count
          << " used";
        for (int q : l.used)
            o << ' ' << q;
        o << '\n';
    }
    for (const auto& [k, n] : s.activePersons)
        if (n) o << "person " << std::get<0>(k) << ' ' << std::get<1>(k) << ' ' << n << '\n';
    for (const auto& [id, visit] : s.ratedVisits)
        o << "rated " << id << ' ' << formatDay(visit.day) << ' ' << static_cast<int>(visit.level)
          << '\n';
    o << "unrated " << s.unrated.size() << " missed " << s.missed.size() << '\n';
    return o.str();
}

} // namespace hall::core
