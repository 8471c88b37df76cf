#include "tests/core/random/checker.h"

#include "shared/core/numbering.h"

#include <algorithm>
#include <set>
#include <sstream>

namespace hall::core::testing {

namespace {

template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

// Strict order of the FIFO rule: queue time, then id.
bool queuedBefore(const Ticket& a, const Ticket& b) {
    return a.queuedAt < b.queuedAt || (a.queuedAt == b.queuedAt && a.id < b.id);
}

std::string ticketText(const Ticket& t) {
    std::ostringstream out;
    out << '#' << t.id << ' ' << t.number << " [" << stateName(t.state) << ' '
        << priorityName(t.priority) << " svc=" << t.serviceId
        << " queued=" << t.queuedAt.time_since_epoch().count()
        << " eligible=" << t.eligibleAt.time_since_epoch().count();
    if (t.targetWindow) out << " target=w" << *t.targetWindow;
    if (t.appointment) out << " slot=" << t.appointment->slotStart.time_since_epoch().count();
    out << ']';
    return out.str();
}

std::string creditsText(const std::vector<std::int64_t>& c) {
    std::string s = "[";
    for (std::size_t i = 0; i < c.size(); ++i)
        s += (i ? "," : "") + std::to_string(c[i]);
    return s + "]";
}

std::size_t codePoints(const std::string& s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char ch) {
        return (static_cast<unsigned char>(ch) & 0xC0) != 0x80;
    }));
}

std::string padded(int sequence, int width) {
    auto digits = std::to_string(sequence);
    if (static_cast<int>(digits.size()) < width)
        digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
    return digits;
}

int windowOf(const Command& command) {
    return std::visit(
        Overloaded{
            [](const SignIn& c) { return c.window; }, [](const SignOut& c) { return c.window; },
            [](const PauseWindow& c) { return c.window; },
            [](const ResumeWindow& c) { return c.window; },
            [](const CallNext& c) { return c.window; },
            [](const CallNumber& c) { return c.window; }, [](const Recall& c) { return c.window; },
            [](const StartServing& c) { return c.window; },
            [](const Finish& c) { return c.window; }, [](const MarkNoShow& c) { return c.window; },
            [](const Transfer& c) { return c.window; }, [](const UndoCall& c) { return c.window; },
            [](const Park& c) { return c.window; }, [](const IdentifyVisit& c) { return c.window; },
            [](const auto&) { return 0; }},
        command);
}

// The shape of a person key, written out here rather than taken from the engine: the keyed
// hash, 64 lowercase hex digits.
bool keyedHash(const std::string& key) {
    return key.size() == 64 && std::all_of(key.begin(), key.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

bool isTerminal(TicketState s) {
    return s == TicketState::Done || s == TicketState::NoShow || s == TicketState::Cancelled;
}

bool transitionAllowed(TicketState from, TicketState to) {
    using S = TicketState;
    if (from == to) return true;
    switch (from) {
    case S::Waiting:
        return to == S::Called || to == S::Cancelled;
    case S::Called:
        return to == S::Serving || to == S::Done || to == S::Waiting || to == S::NoShow ||
               to == S::Cancelled;
    case S::Serving:
        return to == S::Done || to == S::Waiting;
    default:
        return false;
    }
}

} // namespace

void Coverage::merge(const Coverage& o) {
    for (std::size_t i = 0; i < callBranch.size(); ++i)
        callBranch[i] += o.callBranch[i];
    weightedChoices += o.weightedChoices;
    rollovers += o.rollovers;
    requeuedNoShows += o.requeuedNoShows;
    finalNoShows += o.finalNoShows;
    transfers += o.transfers;
    returns += o.returns;
    parks += o.parks;
    parkedCalledBack += o.parkedCalledBack;
    undos += o.undos;
    supplements += o.supplements;
    automaticRatings += o.automaticRatings;
    keyBadRatings += o.keyBadRatings;
    lateFinishes += o.lateFinishes;
    leasedOutOfOrder += o.leasedOutOfOrder;
    identified += o.identified;
    identifyDuplicates += o.identifyDuplicates;
    identifyReidentified += o.identifyReidentified;
    for (const auto& [k, v] : o.accepted)
        accepted[k] += v;
    for (const auto& [k, v] : o.refused)
        refused[k] += v;
    for (const auto& [k, v] : o.outcomes)
        outcomes[k] += v;
}

std::string Coverage::summary() const {
    std::ostringstream out;
    out << "call-next branches: targeted " << callBranch[1] << ", appointment " << callBranch[2]
        << ", green " << callBranch[3] << ", starvation " << callBranch[4] << ", policy "
        << callBranch[5] << " (weighted choices " << weightedChoices << ")\n";
    out << "rollovers " << rollovers << ", late finishes " << lateFinishes << ", requeued no-shows "
        << requeuedNoShows << ", final no-shows " << finalNoShows << ", transfers " << transfers
        << " (returned " << returns << "), parks " << parks << " (called back " << parkedCalledBack
        << ")"
        << ", undos " << undos << ", supplements " << supplements << ", automatic ratings "
        << automaticRatings << ", key evaluators' bad ratings " << keyBadRatings
        << ", leased tickets placed ahead " << leasedOutOfOrder << "\nidentified at a window "
        << identified << " (refused: holds another ticket " << identifyDuplicates
        << ", already identified " << identifyReidentified << ")"
        << "\naccepted:";
    for (const auto& [k, v] : accepted)
        out << ' ' << k << '=' << v;
    out << "\nrefused:";
    for (const auto& [k, v] : refused)
        out << ' ' << k << '=' << v;
    return out.str();
}

Checker::Checker(const HallConfig& config, std::shared_ptr<const TimeZone> zone)
    : config_(config), zone_(std::move(zone)) {
    for (const auto& w : config_.windows)
        credits_[w.number] = std::vector<std::int64_t>(w.services.size(), 0);
}

const WindowState* Checker::windowBefore(int number) const {
    for (const auto& w : windowsBefore_)
        if (w.number == number) return &w;
    return nullptr;
}

const Ticket* Checker::ticketBefore(TicketId id) const {
    const auto it = std::lower_bound(ticketsBefore_.begin(), ticketsBefore_.end(), id,
                                     [](const Ticket& t, TicketId x) { return t.id < x; });
    return it != ticketsBefore_.end() && it->id == id ? &*it : nullptr;
}

void Checker::before(const Engine& engine, const Command& command, Timestamp now) {
    ticketsBefore_.clear();
    engine.forEachTicket([&](const Ticket& t) { ticketsBefore_.push_back(t); });
    windowsBefore_ = engine.windows();
    rolloverPending_ = engine.currentDay() && *engine.currentDay() != engine.businessDay(now);
    call_ = {};
    issue_ = {};
    identify_ = {};
    lease_ = {};
    leasedIssue_ = {};
    checkIn_ = {};
    if (const auto* c = std::get_if<CallNext>(&command)) expectCall(engine, c->window, now);
    if (const auto* c = std::get_if<CheckIn>(&command)) expectCheckIn(engine, *c, now);
    if (const auto* c = std::get_if<IssueTicket>(&command)) expectIssue(engine, *c, now);
    if (const auto* c = std::get_if<IdentifyVisit>(&command)) expectIdentify(*c);
    if (const auto* c = std::get_if<LeaseNumbers>(&command)) expectLease(engine, *c, now);
    if (const auto* c = std::get_if<IssueLeasedTicket>(&command))
        expectLeasedIssue(engine, *c, now);
}

bool Checker::closedAt(const Service& s, Timestamp t) const {
    if (s.hours.empty() || s.openAtNight) return false;
    const int minute = toLocal(*zone_, t).minuteOfDay;
    return std::none_of(s.hours.begin(), s.hours.end(), [&](const auto& h) {
        return h.openMinute <= minute && minute < h.closeMinute;
    });
}

template <typename Issue>
void Checker::expectPersonAndPriority(const Issue& cmd, const std::string& serviceId,
                                      BusinessDay today) {
    if (config_.queue.onePerPersonPerService && !cmd.personKey.empty()) {
        for (const auto& t : ticketsBefore_) {
            if (!t.active() || t.day != today || t.personKey != cmd.personKey) continue;
            if (t.serviceId == serviceId && t.issuedServiceId == serviceId)
                issue_.duplicateCertain = true;
            if (t.serviceId == serviceId || t.issuedServiceId == serviceId)
                issue_.duplicatePossible = true;
        }
    }
    const Service* service = config_.findService(serviceId);
    issue_.identityRequired = service && service->identify && cmd.personKey.empty();
    const auto& cats = config_.queue.greenChannelCategories;
    issue_.badPriority = cmd.priority == PriorityClass::GreenChannel &&
                         std::find(cats.begin(), cats.end(), cmd.greenCategory) == cats.end();
    issue_.missingAppointment =
        cmd.priority == PriorityClass::Appointment && !cmd.appointment.has_value();
}

// The window's ticket takes on the person as if issued to them: a well-formed key, a ticket
// with no person yet, and (when the hall has the rule) no other active ticket of that person for
// the ticket's service on the ticket's day.
void Checker::expectIdentify(const IdentifyVisit& cmd) {
    const WindowState* w = windowBefore(cmd.window);
    const Ticket* t = w && w->current ? ticketBefore(*w->current) : nullptr;
    if (!t) return;
    auto& x = identify_;
    x.computed = true;
    x.ticket = t->id;
    x.badKey = !keyedHash(cmd.personKey);
    x.sameKey = !t->personKey.empty() && t->personKey == cmd.personKey;
    x.otherKey = !t->personKey.empty() && t->personKey != cmd.personKey;
    if (config_.queue.onePerPersonPerService)
        x.duplicate =
            std::any_of(ticketsBefore_.begin(), ticketsBefore_.end(), [&](const Ticket& o) {
                return o.id != t->id && o.active() && o.day == t->day &&
                       o.personKey == cmd.personKey && o.serviceId == t->serviceId;
            });
}

void Checker::expectLease(const Engine& engine, const LeaseNumbers& cmd, Timestamp now) {
    const Service* s = config_.findService(cmd.serviceId);
    lease_.knownService = s != nullptr;
    lease_.badRequest = cmd.count < 1 || cmd.count > kMaxLeaseCount || cmd.sourceDevice.empty();
    if (!s) return;
    const auto today = engine.businessDay(now);
    const auto it = lastSequence_.find({today, cmd.serviceId});
    const int last = it == lastSequence_.end() ? 0 : it->second;
    lease_.quotaFull = s->dailyQuota > 0 && last >= s->dailyQuota;
    lease_.grantable = s->dailyQuota > 0 ? std::min(cmd.count, s->dailyQuota - last) : cmd.count;
}

void Checker::expectLeasedIssue(const Engine& engine, const IssueLeasedTicket& cmd, Timestamp now) {
    const auto today = engine.businessDay(now);
    auto& x = leasedIssue_;
    const auto idDay =
        BusinessDay(std::chrono::days(static_cast<std::int64_t>(cmd.lease / 1'000'000)));
    x.expired = cmd.lease % 1'000'000 != 0 && idDay < today &&
                idDay >= today - std::chrono::days(kLeaseIdsRecognisedDays);
    const auto it = leases_.find(cmd.lease);
    if (it == leases_.end() || it->second.day != today) return;
    const ModelLease& l = it->second;
    x.leaseToday = true;
    x.holder = l.device == cmd.sourceDevice;
    const Service* s = config_.findService(l.serviceId);
    if (!s) return;
    for (int q = l.first; q < l.first + l.count; ++q)
        if (s->prefix + padded(q, s->numberWidth) == cmd.number) x.sequence = q;
    x.inLease = x.sequence != 0;
    x.used = x.inLease && usedSequences_.contains({today, l.serviceId, x.sequence});
    x.queuedAt = std::min(std::max(cmd.issuedAt, l.grantedAt), now);
    x.closed = closedAt(*s, x.queuedAt);
    expectPersonAndPriority(cmd, l.serviceId, today);
}

// Refusals of leasing and of leased issues, explained by the model.
std::string Checker::explainLeaseRefusal(const Command& command, ErrorCode code) const {
    if (std::holds_alternative<LeaseNumbers>(command)) {
        switch (code) {
        case ErrorCode::UnknownService:
            return lease_.knownService ? "no" : "";
        case ErrorCode::QuotaReached:
            return lease_.quotaFull ? "" : "no";
        case ErrorCode::InvalidArgument:
            return lease_.badRequest ? "" : "no";
        default:
            return "no";
        }
    }
    const auto& x = leasedIssue_;
    switch (code) {
    case ErrorCode::LeaseExpired:
        return x.expired ? "" : "no";
    case ErrorCode::UnknownLease:
        return !x.leaseToday && !x.expired ? "" : "no";
    case ErrorCode::LeaseNotHeld:
        return x.leaseToday && !x.holder ? "" : "no";
    case ErrorCode::NumberNotLeased:
        return x.leaseToday && !x.inLease ? "" : "no";
    case ErrorCode::NumberUsed:
        return x.used ? "" : "no";
    case ErrorCode::ServiceClosed:
        return x.closed ? "" : "no";
    case ErrorCode::DuplicatePerson:
        return issue_.duplicatePossible ? "" : "no";
    case ErrorCode::IdentityRequired:
        return issue_.identityRequired ? "" : "no";
    case ErrorCode::PriorityNotAllowed:
        return issue_.badPriority ? "" : "no";
    case ErrorCode::InvalidArgument:
        return issue_.missingAppointment ? "" : "no";
    default:
        return "no";
    }
}

void Checker::expectCall(const Engine& engine, int number, Timestamp now) {
    const Window* w = config_.findWindow(number);
    if (!w) return;
    call_.computed = true;
    call_.window = number;
    call_.weighted = w->routing == RoutingPolicy::Weighted;
    const auto threshold = config_.queue.starvationThreshold;

    auto serviceIndex = [&](const std::string& id) -> int {
        for (std::size_t i = 0; i < w->services.size(); ++i)
            if (w->services[i].serviceId == id) return static_cast<int>(i);
        return -1;
    };
    const Ticket* best[5] = {nullptr, nullptr, nullptr, nullptr, nullptr}; // branches 1..4
    std::vector<const Ticket*> heads(w->services.size(), nullptr);
    auto consider = [](const Ticket*& slot, const Ticket& t) {
        if (!slot || queuedBefore(t, *slot)) slot = &t;
    };
    for (const auto& t : ticketsBefore_) {
        if (t.state != TicketState::Waiting || t.eligibleAt > now) continue;
        if (t.targetWindow) {
            if (*t.targetWindow == number) consider(best[1], t);
            continue; // meant for another window: never called here
        }
        const int idx = serviceIndex(t.serviceId);
        if (idx < 0) continue;
        const bool slotStarted = t.priority == PriorityClass::Appointment && t.appointment &&
                                 t.appointment->slotStart <= now;
        if (slotStarted) {
            consider(best[2], t);
        } else if (t.priority == PriorityClass::GreenChannel) {
            consider(best[3], t);
        } else {
            if (threshold > Millis(0) && now - t.queuedAt >= threshold) consider(best[4], t);
            consider(heads[static_cast<std::size_t>(idx)], t);
        }
    }
    (void)engine;
    for (int b = 1; b <= 4; ++b) {
        if (best[b]) {
            call_.branch = b;
            call_.pick = best[b]->id;
            return;
        }
    }
    call_.heads.assign(heads.size(), 0);
    for (std::size_t i = 0; i < heads.size(); ++i)
        if (heads[i]) call_.heads[i] = heads[i]->id;
    for (std::size_t i = 0; i < heads.size(); ++i) {
        if (heads[i]) {
            call_.branch = 5;
            if (!call_.weighted) call_.pick = heads[i]->id;
            return;
        }
    }
}

void Checker::expectIssue(const Engine& engine, const IssueTicket& cmd, Timestamp now) {
    const Service* s = config_.findService(cmd.serviceId);
    issue_.knownService = s != nullptr;
    if (!s) return;
    const auto today = engine.businessDay(now);
    // Leased numbers count against the quota from the moment they are leased.
    const auto it = lastSequence_.find({today, cmd.serviceId});
    const int issuedToday = it == lastSequence_.end() ? 0 : it->second;
    issue_.quotaFull = s->dailyQuota > 0 && issuedToday >= s->dailyQuota;
    issue_.closed = closedAt(*s, now);
    expectPersonAndPriority(cmd, cmd.serviceId, today);
}

// A booking is checked in once, inside the window around its slot, on its own day; then it is
// issued as an appointment ticket under the IssueTicket rules.
void Checker::expectCheckIn(const Engine& engine, const CheckIn& cmd, Timestamp now) {
    const auto& b = cmd.booking;
    const auto today = engine.businessDay(now);
    checkIn_.noId = b.id.empty();
    checkIn_.otherDay = engine.businessDay(b.slotStart) != today;
    for (const auto& t : ticketsBefore_)
        if (t.day == today && t.appointment && t.appointment->id == b.id) checkIn_.checkedIn = t.id;
    checkIn_.tooEarly = now < b.slotStart - config_.queue.checkInEarly;
    checkIn_.tooLate = now > b.slotStart + config_.queue.checkInLate;
    IssueTicket issue;
    issue.serviceId = b.serviceId;
    issue.priority = PriorityClass::Appointment;
    issue.appointment = Appointment{b.id, b.slotStart};
    issue.sourceDevice = cmd.sourceDevice;
    issue.personKey = b.personKey;
    expectIssue(engine, issue, now);
}

std::string Checker::accepted(const Engine& engine, const Command& command,
                              const Decision& decision, Timestamp now) {
    ++coverage_.accepted[std::string(commandName(command))];
    for (const auto& e : decision.events) {
        if (std::holds_alternative<TicketTransferred>(e.body) &&
            std::holds_alternative<Finish>(command))
            ++coverage_.returns;
        if (const auto* called = std::get_if<TicketCalled>(&e.body))
            if (const Ticket* t = ticketBefore(called->ticket); t && t->parkedUntil)
                ++coverage_.parkedCalledBack;
    }
    if (const auto* r = std::get_if<Rate>(&command); r && r->keyEvaluator && isBadRating(r->level))
        ++coverage_.keyBadRatings;
    if (auto e = checkAcceptedPreconditions(engine, command, decision, now); !e.empty()) return e;
    const bool byCallNext = std::holds_alternative<CallNext>(command);
    if (auto e = observeEvents(engine, decision, byCallNext); !e.empty()) return e;
    if (const auto* c = std::get_if<CallNext>(&command))
        if (auto e = checkCall(engine, *c, decision, now); !e.empty()) return e;
    if (auto e = checkFacts(engine, command, decision, now); !e.empty()) return e;
    if (auto e = checkState(engine, decision); !e.empty()) return e;
    return checkStatistics(engine);
}

std::string Checker::checkFacts(const Engine& engine, const Command& command,
                                const Decision& decision, Timestamp now) const {
    const auto& q = config_.queue;
    const auto& ev = config_.evaluation;
    for (const auto& event : decision.events) {
        if (const auto* e = std::get_if<TicketIssued>(&event.body)) {
            const Ticket* t = engine.ticket(e->ticket);
            if (e->day != engine.businessDay(now)) return "ticket issued on another day";
            if (const auto* c = std::get_if<IssueTicket>(&command)) {
                if (e->serviceId != c->serviceId || e->priority != c->priority ||
                    e->personKey != c->personKey || e->sourceDevice != c->sourceDevice ||
                    e->lease || e->issuedAt)
                    return "the issue event does not carry the command's facts";
                if (!t || t->issuedAt != now || t->queuedAt != now || t->visitStartedAt != now ||
                    t->eligibleAt > now || t->number != e->number || t->day != e->day)
                    return "the new ticket does not match its issue event";
            } else if (const auto* in = std::get_if<CheckIn>(&command)) {
                if (e->serviceId != in->booking.serviceId ||
                    e->priority != PriorityClass::Appointment ||
                    e->personKey != in->booking.personKey || e->sourceDevice != in->sourceDevice ||
                    e->lease || e->issuedAt)
                    return "the check-in's issue event does not carry the booking's facts";
                if (!t || t->issuedAt != now || t->queuedAt != now || t->number != e->number)
                    return "the checked-in ticket does not match its issue event";
            } else {
                const auto& leased = std::get<IssueLeasedTicket>(command);
                const auto queued = leasedIssue_.queuedAt;
                if (e->lease != leased.lease || e->number != leased.number ||
                    e->priority != leased.priority || e->personKey != leased.personKey ||
                    e->sourceDevice != leased.sourceDevice || e->issuedAt != queued)
                    return "the leased issue event does not carry the command's facts";
                // Its place in line is the clamped issue time, within [grant, now].
                if (!t || t->issuedAt != queued || t->queuedAt != queued ||
                    t->visitStartedAt != queued || t->eligibleAt > now ||
                    t->number != leased.number)
                    return "the leased ticket does not stand in line at its issue time";
            }
        }
    }
    if (rolloverPending_) return {}; // the "before" snapshot predates the rollover

    for (const auto& event : decision.events) {
        std::string error = std::visit(
            Overloaded{
                [&](const NoShowMarked& e) -> std::string {
                    const Ticket* before = ticketBefore(e.ticket);
                    const Ticket* after = engine.ticket(e.ticket);
                    if (!before || !after) return "no-show of an unknown ticket";
                    if (e.final != (before->noShows >= q.noShowMaxRequeues))
                        return "no-show final=" + std::to_string(e.final) + " after " +
                               std::to_string(before->noShows) + " requeues (limit " +
                               std::to_string(q.noShowMaxRequeues) + ")";
                    if (e.final) {
                        return after->state == TicketState::NoShow ? ""
                                                                   : "final no-show not applied";
                    }
                    const auto queued =
                        q.noShowPlacement == NoShowPlacement::KeepPlace ? before->queuedAt : now;
                    if (e.eligibleAt != now + q.noShowRequeueDelay || e.queuedAt != queued)
                        return "requeued no-show: eligible/queued time against the policy";
                    if (after->state != TicketState::Waiting || after->queuedAt != queued ||
                        after->eligibleAt != e.eligibleAt || after->noShows != before->noShows + 1)
                        return "requeued no-show not applied as decided";
                    return {};
                },
                [&](const TicketTransferred& e) -> std::string {
                    const Ticket* before = ticketBefore(e.ticket);
                    const Ticket* after = engine.ticket(e.ticket);
                    if (!before || !after) return "transfer of an unknown ticket";
                    const auto queued = q.transferKeepsPlace ? before->issuedAt : now;
                    if (const auto* f = std::get_if<Finish>(&command))
                        return checkReturn(*f, e, *before, *after, queued);
                    const auto& c = std::get<Transfer>(command);
                    const auto to = c.toService.value_or(before->serviceId);
                    const auto returnTo =
                        c.returnHere ? std::optional(ReturnPoint{c.window, before->serviceId})
                                     : before->returnTo;
                    if (e.fromService != before->serviceId || e.toService != to ||
                        e.toWindow != c.toWindow || e.fromWindow != c.window ||
                        e.queuedAt != queued || e.note != c.note || e.returnTo != returnTo)
                        return "transfer event against the command or the policy";
                    if (after->transferNote != c.note || after->returnTo != returnTo)
                        return "transfer note or return point not applied";
                    if (after->state != TicketState::Waiting || after->serviceId != to ||
                        after->targetWindow != c.toWindow || after->queuedAt != queued ||
                        after->visitStartedAt != now || after->transfers != before->transfers + 1 ||
                        after->number != before->number ||
                        after->issuedServiceId != before->issuedServiceId)
                        return "transfer not applied as decided: " + ticketText(*after);
                    return {};
                },
                [&](const TicketParked& e) -> std::string {
                    const auto& c = std::get<Park>(command);
                    const Ticket* before = ticketBefore(e.ticket);
                    const Ticket* after = engine.ticket(e.ticket);
                    if (!before || !after) return "park of an unknown ticket";
                    const Millis wait =
                        c.minutes ? Millis(std::chrono::minutes(c.minutes)) : q.parkReturnAfter;
                    if (e.window != c.window || e.returnAt != now + wait)
                        return "park event against the command or the policy";
                    if (after->state != TicketState::Waiting || after->targetWindow != c.window ||
                        after->eligibleAt != e.returnAt || after->parkedUntil != e.returnAt ||
                        after->parks != before->parks + 1 || after->queuedAt != before->queuedAt ||
                        after->calledAt != before->calledAt || after->window ||
                        after->serviceId != before->serviceId)
                        return "park not applied as decided: " + ticketText(*after);
                    return {};
                },
                [&](const VisitIdentified& e) -> std::string {
                    const auto& c = std::get<IdentifyVisit>(command);
                    const Ticket* before = ticketBefore(e.ticket);
                    const Ticket* after = engine.ticket(e.ticket);
                    if (!before || !after) return "identified an unknown ticket";
                    if (e.ticket != identify_.ticket || decision.ticket != e.ticket ||
                        e.window != c.window || e.personKey != c.personKey)
                        return "visit_identified names another ticket, window or key than asked";
                    if (after->personKey != c.personKey) return "the person key was not applied";
                    // The person is all that changes: the visit goes on as it was.
                    if (after->state != before->state || after->window != before->window ||
                        after->serviceId != before->serviceId || after->number != before->number ||
                        after->calledAt != before->calledAt ||
                        after->lastCalledAt != before->lastCalledAt ||
                        after->servingSince != before->servingSince ||
                        after->queuedAt != before->queuedAt || after->staffId != before->staffId ||
                        after->recalls != before->recalls || after->parks != before->parks)
                        return "identifying changed the visit: " + ticketText(*after);
                    return {};
                },
                [&](const TicketCalled& e) -> std::string {
                    const Ticket* before = ticketBefore(e.ticket);
                    const Ticket* after = engine.ticket(e.ticket);
                    const WindowState* w = windowBefore(e.window);
                    if (!before || !after || !w) return "call of an unknown ticket or window";
                    const auto* byNumber = std::get_if<CallNumber>(&command);
                    if (e.reason != (byNumber ? byNumber->reason : std::string()))
                        return "the call does not carry the reason given";
                    if (after->parkedUntil) return "a called ticket is still marked parked";
                    if (e.staffId != w->staffId) return "call names another clerk";
                    if (after->state != TicketState::Called || after->window != e.window ||
                        after->staffId != w->staffId)
                        return "call not applied as decided";
                    const auto calledAt = before->calledAt ? before->calledAt : std::optional(now);
                    if (after->calledAt != calledAt)
                        return "calledAt is not the visit's first call";
                    return {};
                },
                [&](const TicketFinished& e) -> std::string {
                    const auto& c = std::get<Finish>(command);
                    if (const Ticket* before = ticketBefore(e.ticket);
                        before && returnsElsewhere(*before, c.window))
                        return "finished a ticket that was to return to w" +
                               std::to_string(before->returnTo->window);
                    const Ticket* after = engine.ticket(e.ticket);
                    if (!after || after->state != TicketState::Done || after->finishedAt != now)
                        return "finish not applied";
                    const auto outcome =
                        c.outcome.empty() ? config_.queue.finishOutcomes.front() : c.outcome;
                    if (e.outcome != outcome || after->outcome != outcome ||
                        after->outcomeNote != c.note)
                        return "finish outcome not decided or applied as asked";
                    return {};
                },
                [&](const RatingRecorded& e) -> std::string {
                    const Ticket* before = ticketBefore(e.ticket);
                    if (!before) return "rating of an unknown ticket";
                    if (e.serviceId != before->serviceId ||
                        e.window != before->window.value_or(0) || e.staffId != before->staffId)
                        return "rating not tied to the service, window and staff that served";
                    if (e.automatic) {
                        if (ev.unrated != UnratedPolicy::DefaultSatisfied || before->rated ||
                            !before->finishedAt ||
                            *before->finishedAt + ev.unratedDefaultAfter > now)
                            return "automatic rating not due";
                        return {};
                    }
                    const auto& c = std::get<Rate>(command);
                    if (e.level != c.level || e.reasons != c.reasons || e.comment != c.comment)
                        return "rating event does not carry the command's facts";
                    if (e.supplementary != before->rated) return "supplementary flag is wrong";
                    return {};
                },
                [&](const auto&) -> std::string { return {}; },
            },
            event.body);
        if (!error.empty()) return error;
    }

    // After a tick no ticket is left unrated past the policy's delay.
    if (std::holds_alternative<Tick>(command) && ev.unrated == UnratedPolicy::DefaultSatisfied) {
        std::string error;
        engine.forEachTicket([&](const Ticket& t) {
            if (error.empty() && t.state == TicketState::Done && !t.rated && t.finishedAt &&
                *t.finishedAt + ev.unratedDefaultAfter <= now)
                error = "tick left " + ticketText(t) + " unrated past the policy's delay";
        });
        return error;
    }
    return {};
}

std::string Checker::checkAcceptedPreconditions(const Engine& engine, const Command& command,
                                                const Decision& decision, Timestamp now) const {
    // Events are stamped with the command's instant (a rollover's own stamp is left open).
    for (const auto& e : decision.events)
        if (!std::holds_alternative<DayRolledOver>(e.body) && e.at != now)
            return "an event is not stamped with the command's time";
    if (const auto* c = std::get_if<IssueTicket>(&command)) {
        if (!issue_.knownService) return "issued a ticket for an unknown service";
        if (issue_.quotaFull) return "issued a ticket although the daily quota is used up";
        if (issue_.closed) return "issued a ticket outside the service's opening hours";
        if (issue_.duplicateCertain)
            return "issued a second active ticket to person " + c->personKey;
        if (issue_.badPriority) return "issued a green-channel ticket of an unknown category";
        if (issue_.identityRequired) return "issued an identify-only service to nobody";
        if (issue_.missingAppointment) return "issued an appointment ticket without appointment";
        return {};
    }
    if (const auto* c = std::get_if<CheckIn>(&command)) {
        if (checkIn_.refusedBeforeIssuing())
            return "checked in a booking without id, of another day, twice or outside its window";
        if (!issue_.knownService || issue_.quotaFull || issue_.closed || issue_.duplicateCertain ||
            issue_.identityRequired)
            return "checked in a booking that the issuing rules refuse";
        const auto issued = decision.ticket ? engine.ticket(*decision.ticket) : nullptr;
        if (!issued || issued->priority != PriorityClass::Appointment || !issued->appointment ||
            issued->appointment->id != c->booking.id ||
            issued->appointment->slotStart != c->booking.slotStart ||
            issued->personKey != c->booking.personKey)
            return "a check-in's ticket is not the booking's appointment ticket";
        return {};
    }
    if (std::holds_alternative<LeaseNumbers>(command)) {
        if (!lease_.knownService || lease_.badRequest || lease_.quotaFull)
            return "granted a lease that the rules refuse";
        if (!decision.lease) return "a granted lease has no id";
        return {};
    }
    if (std::holds_alternative<IssueLeasedTicket>(command)) {
        const auto& x = leasedIssue_;
        if (!x.leaseToday) return "issued from a lease that is not today's";
        if (!x.holder) return "issued a leased number for a device that does not hold the lease";
        if (!x.inLease) return "issued a number that is not the lease's";
        if (x.used) return "issued a leased number twice";
        if (x.closed) return "issued a leased ticket at a time its service was closed";
        if (issue_.duplicateCertain) return "issued a second active ticket to a person";
        if (issue_.badPriority || issue_.missingAppointment)
            return "issued a leased ticket with a bad priority";
        if (issue_.identityRequired) return "issued a leased identify-only ticket to nobody";
        return {};
    }
    if (rolloverPending_) return {}; // the snapshot is from before the rollover the command makes
    const int number = windowOf(command);
    const WindowState* w = number ? windowBefore(number) : nullptr;
    if (number && !w) return "accepted a command for unknown window " + std::to_string(number);
    const Ticket* current = w && w->current ? ticketBefore(*w->current) : nullptr;
    const auto currentState = current ? std::optional(current->state) : std::nullopt;
    return std::visit(
        Overloaded{
            [&](const SignIn& c) -> std::string {
                for (const auto& o : windowsBefore_)
                    if (o.number != c.window && o.staffId == c.staffId)
                        return "signed " + c.staffId + " in at two windows";
                return {};
            },
            [&](const SignOut&) -> std::string {
                return current ? "signed out of a busy window" : "";
            },
            [&](const CallNumber& c) -> std::string {
                if (w->staffId.empty() || w->paused || w->current)
                    return "called at a window that is unstaffed, paused or busy";
                const Ticket* t = decision.ticket ? ticketBefore(*decision.ticket) : nullptr;
                if (badCallReason(c, t))
                    return "called out of turn without a reason or too long one";
                if (!t || !namesTicket(c, *t) || t->state != TicketState::Waiting ||
                    t->day != engine.businessDay(now))
                    return "call by number picked something else than today's waiting " + c.number;
                return {};
            },
            [&](const CallNext&) -> std::string {
                if (w->staffId.empty() || w->paused || w->current)
                    return "called at a window that is unstaffed, paused or busy";
                return {};
            },
            [&](const Recall&) -> std::string {
                return currentState == TicketState::Called ? "" : "recalled a ticket not called";
            },
            [&](const StartServing&) -> std::string {
                return currentState == TicketState::Called ? ""
                                                           : "started serving a ticket not called";
            },
            [&](const MarkNoShow&) -> std::string {
                if (currentState != TicketState::Called) return "no-show of a ticket not called";
                return noShowTooEarly(*current, now) ? "no-show marked too soon after the call"
                                                     : "";
            },
            [&](const Park& c) -> std::string {
                if (c.minutes < 0 || c.minutes > kMaxParkMinutes) return "parked out of range";
                return currentState == TicketState::Called || currentState == TicketState::Serving
                           ? ""
                           : "parked with no called/serving ticket";
            },
            [&](const UndoCall&) -> std::string {
                if (currentState != TicketState::Called) return "undid a call not pending";
                return identifiedSinceCall_.contains(current->id)
                           ? "undid a call whose citizen was identified at the window"
                           : "";
            },
            [&](const IdentifyVisit&) -> std::string {
                const auto& x = identify_;
                if (!x.computed)
                    return "identified a visit at a window with no called/serving ticket";
                if (x.badKey) return "identified a visit with a key that is no keyed hash";
                if (x.sameKey || x.otherKey) return "identified a ticket that carries a person";
                if (x.duplicate)
                    return "identified a second active ticket of the person for the service";
                return {};
            },
            [&](const Finish& c) -> std::string {
                if (badFinish(c)) return "finished with an outcome the hall lacks or a long note";
                return currentState == TicketState::Called || currentState == TicketState::Serving
                           ? ""
                           : "finished with no called/serving ticket";
            },
            [&](const Transfer& c) -> std::string {
                if (c.toService && !config_.findService(*c.toService))
                    return "transferred to an unknown service";
                if (c.toWindow && !config_.findWindow(*c.toWindow))
                    return "transferred to an unknown window";
                if (c.note.size() > kMaxActionNoteBytes) return "transferred with a long note";
                return currentState == TicketState::Called || currentState == TicketState::Serving
                           ? ""
                           : "transferred with no called/serving ticket";
            },
            [&](const CancelTicket& c) -> std::string {
                const Ticket* t = ticketBefore(c.ticket);
                return t && t->state == TicketState::Waiting ? ""
                                                             : "cancelled a ticket not waiting";
            },
            [&](const Rate& c) -> std::string {
                const Ticket* t = ticketBefore(c.ticket);
                if (!t || t->state != TicketState::Done) return "rated a ticket not served";
                if (c.window && t->window != c.window)
                    return "rated at a window that did not serve it";
                const bool bad = isBadRating(c.level);
                if (bad && c.reasons.empty() && !c.keyEvaluator)
                    return "accepted a bad rating without reason";
                const auto& list = config_.evaluation.reasons;
                for (const auto& r : c.reasons)
                    if (std::find(list.begin(), list.end(), r) == list.end())
                        return "accepted unknown reason '" + r + "'";
                if (codePoints(c.comment) >
                    static_cast<std::size_t>(config_.evaluation.maxCommentLength))
                    return "accepted a comment over the length limit";
                if (t->rated) {
                    if (c.keyEvaluator) return "accepted a key evaluator's second rating";
                    if (t->supplemented) return "accepted a second supplementary rating";
                    if (!t->finishedAt ||
                        now > *t->finishedAt + config_.evaluation.supplementPeriod)
                        return "accepted a supplementary rating after the period";
                }
                return {};
            },
            [&](const auto&) -> std::string { return {}; },
        },
        command);
}

// A call_number's number names a ticket by its whole number, or as typed — letters (or none)
// and digits without the zeros — when its number is one of the calling window's services'
// letters and those digits (the number stays with the ticket through transfers).
bool Checker::namesTicket(const CallNumber& c, const Ticket& t) const {
    if (t.number == c.number) return true;
    const auto typed = splitTypedNumber(c.number);
    const Window* w = config_.findWindow(c.window);
    if (!typed || !w) return false;
    return std::any_of(w->services.begin(), w->services.end(), [&](const WindowService& ws) {
        const Service* svc = config_.findService(ws.serviceId);
        return svc && (typed->letters.empty() || typed->letters == svc->prefix) &&
               t.number == formatTicketNumber(*svc, typed->sequence);
    });
}

bool Checker::badCallReason(const CallNumber& c, const Ticket* called) const {
    const bool heldHere = called && called->targetWindow == c.window; // parked here, sent here
    return c.reason.size() > kMaxActionNoteBytes ||
           (config_.queue.callNumberNeedsReason && c.reason.empty() && !heldHere);
}

bool Checker::noShowTooEarly(const Ticket& called, Timestamp now) const {
    return called.lastCalledAt && now - *called.lastCalledAt < config_.queue.noShowAfter;
}

bool Checker::returnsElsewhere(const Ticket& t, int window) const {
    return t.returnTo && t.returnTo->window != window && config_.findService(t.returnTo->serviceId);
}

// A finish of a ticket that was sent here to come back: a transfer back to where it came from,
// with this clerk's note (or the outcome), and nothing to return to after that.
std::string Checker::checkReturn(const Finish& c, const TicketTransferred& e, const Ticket& before,
                                 const Ticket& after, Timestamp queued) const {
    if (!returnsElsewhere(before, c.window)) return "a finish transferred a ticket with no return";
    const auto outcome = c.outcome.empty() ? config_.queue.finishOutcomes.front() : c.outcome;
    const auto& back = *before.returnTo;
    if (e.fromWindow != c.window || e.fromService != before.serviceId ||
        e.toService != back.serviceId || e.toWindow != back.window || e.returnTo ||
        e.queuedAt != queued || e.note != (c.note.empty() ? outcome : c.note))
        return "return transfer against the ticket's return point";
    if (after.state != TicketState::Waiting || after.targetWindow != back.window ||
        after.serviceId != back.serviceId || after.returnTo || after.transferNote != e.note)
        return "return not applied: " + ticketText(after);
    return {};
}

bool Checker::badFinish(const Finish& c) const {
    const auto& outcomes = config_.queue.finishOutcomes;
    return (!c.outcome.empty() &&
            std::find(outcomes.begin(), outcomes.end(), c.outcome) == outcomes.end()) ||
           c.note.size() > kMaxFinishNoteBytes;
}

std::string Checker::refused(const Engine& engine, const Command& command, const Error& error,
                             Timestamp now) {
    ++coverage_.refused[std::string(errorCodeName(error.code))];
    const auto code = error.code;
    const std::string what = std::string(commandName(command)) + " refused with " +
                             std::string(errorCodeName(code)) + " (" + error.message + ")";

    if (std::holds_alternative<Tick>(command)) return "a tick was refused: " + what;
    if (std::holds_alternative<IdentifyVisit>(command)) {
        if (code == ErrorCode::DuplicatePerson) ++coverage_.identifyDuplicates;
        if (code == ErrorCode::InvalidState) ++coverage_.identifyReidentified;
    }
    if (code == ErrorCode::DuplicatePerson)
        if (auto e = checkHeldTicket(command, error); !e.empty()) return e + ": " + what;
    if (std::holds_alternative<LeaseNumbers>(command) ||
        std::holds_alternative<IssueLeasedTicket>(command))
        return explainLeaseRefusal(command, code).empty() ? "" : "unexplained: " + what;
    if (std::holds_alternative<CheckIn>(command)) {
        const auto& x = checkIn_;
        // The checks in the engine's order: each refusal must be the first that applies.
        bool explained = false;
        switch (code) {
        case ErrorCode::InvalidArgument:
            explained = x.noId;
            break;
        case ErrorCode::BookingNotToday:
            explained = !x.noId && x.otherDay;
            break;
        case ErrorCode::AlreadyCheckedIn:
            explained = !x.noId && !x.otherDay && x.checkedIn && error.ticket == x.checkedIn;
            break;
        case ErrorCode::TooEarly:
            explained = !x.noId && !x.otherDay && !x.checkedIn && x.tooEarly;
            break;
        case ErrorCode::TooLate:
            explained = !x.noId && !x.otherDay && !x.checkedIn && x.tooLate;
            break;
        default:
            explained = !x.refusedBeforeIssuing() &&
                        ((code == ErrorCode::UnknownService && !issue_.knownService) ||
                         (code == ErrorCode::QuotaReached && issue_.quotaFull) ||
                         (code == ErrorCode::ServiceClosed && issue_.closed) ||
                         (code == ErrorCode::DuplicatePerson && issue_.duplicatePossible) ||
                         (code == ErrorCode::IdentityRequired && issue_.identityRequired));
        }
        return explained ? "" : "unexplained: " + what;
    }
    if (const auto* c = std::get_if<IssueTicket>(&command)) {
        bool explained = false;
        switch (code) {
        case ErrorCode::UnknownService:
            explained = !issue_.knownService;
            break;
        case ErrorCode::QuotaReached:
            explained = issue_.quotaFull;
            break;
        case ErrorCode::ServiceClosed:
            explained = issue_.closed;
            break;
        case ErrorCode::DuplicatePerson:
            explained = issue_.duplicatePossible;
            break;
        case ErrorCode::IdentityRequired:
            explained = issue_.identityRequired;
            break;
        case ErrorCode::PriorityNotAllowed:
            explained = issue_.badPriority;
            break;
        case ErrorCode::InvalidArgument:
            explained = issue_.missingAppointment;
            break;
        default:
            break;
        }
        (void)c;
        return explained ? "" : "unexplained: " + what;
    }

    const int number = windowOf(command);
    if (code == ErrorCode::UnknownWindow) {
        bool unknown = number && !config_.findWindow(number);
        if (const auto* t = std::get_if<Transfer>(&command))
            unknown = unknown || (t->toWindow && !config_.findWindow(*t->toWindow));
        return unknown ? "" : "unexplained: " + what;
    }
    if (code == ErrorCode::UnknownStaff) {
        const auto* s = std::get_if<SignIn>(&command);
        return s && !config_.findStaff(s->staffId) ? "" : "unexplained: " + what;
    }
    if (code == ErrorCode::UnknownService) {
        const auto* t = std::get_if<Transfer>(&command);
        return t && t->toService && !config_.findService(*t->toService) ? ""
                                                                        : "unexplained: " + what;
    }
    if (rolloverPending_) return {}; // the rollover would change what the refusal saw

    const WindowState* w = number ? windowBefore(number) : nullptr;
    const Ticket* current = w && w->current ? ticketBefore(*w->current) : nullptr;
    bool explained = true;
    switch (code) {
    case ErrorCode::NoStaffSignedIn:
        explained = w && w->staffId.empty();
        break;
    case ErrorCode::WindowPaused:
        explained = w && w->paused;
        break;
    case ErrorCode::WindowBusy:
        explained = current != nullptr;
        break;
    case ErrorCode::WindowIdle:
        explained = w && !w->current;
        break;
    case ErrorCode::StaffBusyElsewhere: {
        const auto* s = std::get_if<SignIn>(&command);
        explained = s && std::any_of(windowsBefore_.begin(), windowsBefore_.end(),
                                     [&](const WindowState& o) {
                                         return o.number != s->window && o.staffId == s->staffId;
                                     });
        break;
    }
    case ErrorCode::NothingToUndo:
        explained = !current || current->state != TicketState::Called ||
                    identifiedSinceCall_.contains(current->id);
        break;
    case ErrorCode::NothingToCall:
        explained = call_.computed && call_.branch == 0;
        if (!explained && call_.computed) {
            TicketId id = call_.pick;
            for (const auto h : call_.heads)
                id = id ? id : h;
            const Ticket* t = ticketBefore(id);
            return "nothing to call at w" + std::to_string(number) + " but branch " +
                   std::to_string(call_.branch) + " has " + (t ? ticketText(*t) : "?");
        }
        break;
    case ErrorCode::UnknownTicket:
        if (const auto* c = std::get_if<CallNumber>(&command)) {
            const auto today = engine.businessDay(now);
            explained =
                std::none_of(ticketsBefore_.begin(), ticketsBefore_.end(), [&](const Ticket& t) {
                    return t.day == today && namesTicket(*c, t);
                });
        } else if (const auto* x = std::get_if<CancelTicket>(&command)) {
            explained = ticketBefore(x->ticket) == nullptr;
        } else if (const auto* r = std::get_if<Rate>(&command)) {
            explained = ticketBefore(r->ticket) == nullptr;
        } else {
            explained = false;
        }
        break;
    case ErrorCode::InvalidArgument:
        if (const auto* t = std::get_if<Transfer>(&command)) {
            // A transfer must go somewhere: not nowhere, not back to the same window and service.
            explained = (!t->toService && !t->toWindow) ||
                        (current && t->toWindow == number &&
                         t->toService.value_or(current->serviceId) == current->serviceId) ||
                        t->note.size() > kMaxActionNoteBytes;
        } else if (const auto* f = std::get_if<Finish>(&command)) {
            // Checked once the window has a ticket to finish.
            explained =
                current &&
                (current->state == TicketState::Called || current->state == TicketState::Serving) &&
                badFinish(*f);
        } else if (const auto* p = std::get_if<Park>(&command)) {
            explained =
                current &&
                (current->state == TicketState::Called || current->state == TicketState::Serving) &&
                (p->minutes < 0 || p->minutes > kMaxParkMinutes);
        } else if (const auto* c = std::get_if<CallNumber>(&command)) {
            // A too long reason (checked before the ticket), or digits that name two waiting
            // tickets of the window's services.
            const auto today = engine.businessDay(now);
            const auto ambiguous =
                std::count_if(ticketsBefore_.begin(), ticketsBefore_.end(), [&](const Ticket& other) {
                    return other.day == today && other.state == TicketState::Waiting &&
                           other.number != c->number && namesTicket(*c, other);
                });
            explained = c->reason.size() > kMaxActionNoteBytes || ambiguous > 1;
        } else if (std::holds_alternative<IdentifyVisit>(command)) {
            explained = identify_.computed && identify_.badKey; // once there is a ticket
        } else {
            explained = false;
        }
        break;
    case ErrorCode::InvalidState:
        if (const auto* si = std::get_if<SignIn>(&command)) {
            explained = w && w->staffId == si->staffId; // already signed in there
        } else if (std::holds_alternative<PauseWindow>(command)) {
            explained = w && w->paused; // already paused
        } else if (std::holds_alternative<ResumeWindow>(command)) {
            explained = w && !w->paused; // not paused
        } else if (const auto* c = std::get_if<CallNumber>(&command)) {
            // Not waiting, or transferred to another window: that window alone may call it.
            const auto today = engine.businessDay(now);
            explained =
                std::any_of(ticketsBefore_.begin(), ticketsBefore_.end(), [&](const Ticket& t) {
                    return t.day == today && namesTicket(*c, t) &&
                           (t.state != TicketState::Waiting ||
                            (t.targetWindow && *t.targetWindow != number));
                });
        } else if (const auto* x = std::get_if<CancelTicket>(&command)) {
            const Ticket* t = ticketBefore(x->ticket);
            explained = t && t->state != TicketState::Waiting;
        } else if (std::holds_alternative<Recall>(command) ||
                   std::holds_alternative<StartServing>(command) ||
                   std::holds_alternative<MarkNoShow>(command)) {
            explained = current && current->state != TicketState::Called;
        } else if (std::holds_alternative<IdentifyVisit>(command)) {
            // A key, once set, is never replaced (the same one again or another).
            explained = identify_.computed && !identify_.badKey &&
                        (identify_.sameKey || identify_.otherKey);
        } else {
            explained = false; // finish and transfer accept both called and serving
        }
        break;
    case ErrorCode::DuplicatePerson:
        explained = std::holds_alternative<IdentifyVisit>(command) && identify_.computed &&
                    !identify_.badKey && !identify_.sameKey && !identify_.otherKey &&
                    identify_.duplicate;
        break;
    case ErrorCode::NotServed: {
        const auto* r = std::get_if<Rate>(&command);
        const Ticket* t = r ? ticketBefore(r->ticket) : nullptr;
        explained = t && t->state != TicketState::Done;
        break;
    }
    case ErrorCode::NotServedHere: {
        const auto* r = std::get_if<Rate>(&command);
        const Ticket* t = r ? ticketBefore(r->ticket) : nullptr;
        explained = t && r->window && t->window != r->window;
        break;
    }
    case ErrorCode::ReasonRequired: {
        const auto* r = std::get_if<Rate>(&command);
        const auto* c = std::get_if<CallNumber>(&command);
        explained = (r && isBadRating(r->level) && r->reasons.empty() && !r->keyEvaluator) ||
                    (c && config_.queue.callNumberNeedsReason && c->reason.empty());
        break;
    }
    case ErrorCode::TooEarly:
        explained = std::holds_alternative<MarkNoShow>(command) && current &&
                    current->state == TicketState::Called && noShowTooEarly(*current, now);
        break;
    case ErrorCode::UnknownReason: {
        const auto* r = std::get_if<Rate>(&command);
        const auto& list = config_.evaluation.reasons;
        explained = r && std::any_of(r->reasons.begin(), r->reasons.end(), [&](const auto& x) {
                        return std::find(list.begin(), list.end(), x) == list.end();
                    });
        break;
    }
    case ErrorCode::CommentTooLong: {
        const auto* r = std::get_if<Rate>(&command);
        explained = r && codePoints(r->comment) >
                             static_cast<std::size_t>(config_.evaluation.maxCommentLength);
        break;
    }
    case ErrorCode::AlreadyRated:
    case ErrorCode::SupplementClosed: {
        const auto* r = std::get_if<Rate>(&command);
        const Ticket* t = r ? ticketBefore(r->ticket) : nullptr;
        // already_rated only for a key evaluator, which gives no 追评.
        explained = t && t->rated &&
                    (code == ErrorCode::AlreadyRated
                         ? r->keyEvaluator
                         : t->supplemented || !t->finishedAt ||
                               now >= *t->finishedAt + config_.evaluation.supplementPeriod);
        break;
    }
    default:
        explained = false;
        break;
    }
    return explained ? "" : "unexplained: " + what;
}

std::string Checker::observeEvents(const Engine& engine, const Decision& decision,
                                   bool byCallNext) {
    for (const auto& event : decision.events) {
        std::string error = std::visit(
            Overloaded{
                [&](const DayRolledOver& e) -> std::string {
                    ++coverage_.rollovers;
                    if (day_ && e.from != *day_) return "rollover from a day that was not current";
                    if (e.to <= e.from) return "rollover to an earlier day";
                    day_ = e.to;
                    std::erase_if(leases_, [&](const auto& kv) { return kv.second.day < e.to; });
                    // Whether credits restart with the day is the engine's choice: relearn them.
                    for (auto& [n, c] : credits_)
                        c.reset();
                    missed_.clear();
                    return {};
                },
                [&](const TicketIssued& e) -> std::string {
                    if (day_ && e.day != *day_) return "ticket issued on a day that is not current";
                    day_ = e.day;
                    const Service* s = config_.findService(e.serviceId);
                    if (!s) return "ticket issued for unknown service";
                    ++issuedBy_[{e.day, e.serviceId}];
                    int& last = lastSequence_[{e.day, e.serviceId}];
                    if (e.lease) {
                        auto l = leases_.find(*e.lease);
                        if (l == leases_.end() || l->second.day != e.day ||
                            l->second.serviceId != e.serviceId)
                            return "leased ticket " + e.number + " of no lease of its day";
                        if (e.sequence < l->second.first ||
                            e.sequence >= l->second.first + l->second.count)
                            return "leased ticket " + e.number + " outside its lease";
                        if (l->second.device != e.sourceDevice)
                            return "leased ticket " + e.number + " issued by another device";
                        l->second.used.insert(e.sequence);
                        ++days_[e.day].leasedIssued;
                        // Placed ahead of a waiting ticket issued before it was reported?
                        const auto place = e.issuedAt.value_or(event.at);
                        for (const auto& t : ticketsBefore_)
                            if (t.state == TicketState::Waiting && t.queuedAt > place) {
                                ++coverage_.leasedOutOfOrder;
                                break;
                            }
                    } else if (e.sequence != last + 1) {
                        return "sequence " + std::to_string(e.sequence) + " of " + e.number +
                               " where " + std::to_string(last + 1) + " was due";
                    }
                    last = std::max(last, e.sequence);
                    if (!usedSequences_.insert({e.day, e.serviceId, e.sequence}).second)
                        return "number " + e.number + " issued twice";
                    if (e.number != s->prefix + padded(e.sequence, s->numberWidth))
                        return "number " + e.number + " does not match its sequence";
                    if (dayOf_.count(e.ticket)) return "ticket id reused";
                    if (!known_.empty() && e.ticket <= known_.back().id)
                        return "ticket ids do not increase";
                    dayOf_[e.ticket] = e.day;
                    known_.push_back({e.ticket, e.number});
                    auto& d = days_[e.day];
                    ++d.issued;
                    ++d.arrivals[static_cast<std::size_t>(
                        toLocal(*zone_, e.issuedAt.value_or(event.at)).hour())];
                    return {};
                },
                [&](const NumbersLeased& e) -> std::string {
                    if (day_ && e.day != *day_)
                        return "numbers leased on a day that is not current";
                    day_ = e.day;
                    if (leases_.contains(e.lease)) return "lease id reused";
                    if (e.lease / 1'000'000 !=
                        static_cast<LeaseId>(e.day.time_since_epoch().count()))
                        return "lease id does not carry its day";
                    if (e.count < 1 || e.count > kMaxLeaseCount)
                        return "a lease of " + std::to_string(e.count) + " numbers";
                    if (e.count != lease_.grantable)
                        return "lease of " + std::to_string(e.count) + " numbers where " +
                               std::to_string(lease_.grantable) + " were grantable";
                    int& last = lastSequence_[{e.day, e.serviceId}];
                    if (e.firstSequence != last + 1)
                        return "lease starts at " + std::to_string(e.firstSequence) + " where " +
                               std::to_string(last + 1) + " was due";
                    last = e.firstSequence + e.count - 1;
                    leases_[e.lease] = ModelLease{
                        e.day, e.serviceId, e.sourceDevice, event.at, e.firstSequence, e.count, {}};
                    days_[e.day].leasedNumbers += e.count;
                    return {};
                },
                [&](const TicketCalled& e) -> std::string {
                    identifiedSinceCall_.erase(e.ticket);
                    auto missed = missed_.extract(e.ticket);
                    missedBeforeCall_[e.ticket] =
                        missed ? std::optional(missed.mapped()) : std::nullopt;
                    auto& called = calledThisVisit_[e.ticket];
                    lastCallWasFirst_[e.ticket] = !called;
                    if (!called) ++days_[dayOf_[e.ticket]].waitsCalled;
                    called = true;
                    auto& model = credits_[e.window];
                    creditsBeforeCall_[e.window] = model;
                    if (!e.routingCredit.empty()) {
                        if (!byCallNext) return "a call by number changed routing credits";
                        model = e.routingCredit;
                    }
                    return {};
                },
                [&](const CallUndone& e) -> std::string {
                    ++coverage_.undos;
                    if (lastCallWasFirst_[e.ticket]) {
                        --days_[dayOf_[e.ticket]].waitsCalled;
                        calledThisVisit_[e.ticket] = false;
                    }
                    credits_[e.window] = creditsBeforeCall_[e.window];
                    if (auto missed = missedBeforeCall_[e.ticket]) missed_[e.ticket] = *missed;
                    return {};
                },
                [&](const TicketTransferred& e) -> std::string {
                    ++coverage_.transfers;
                    confirmVisit(e.ticket);
                    calledThisVisit_[e.ticket] = false;
                    confirmedThisVisit_[e.ticket] = false;
                    ++days_[dayOf_[e.ticket]].transferred;
                    return {};
                },
                [&](const ServingStarted& e) -> std::string {
                    confirmVisit(e.ticket);
                    return {};
                },
                [&](const TicketParked& e) -> std::string {
                    // The visit goes on: its wait is confirmed, a call back is no new wait.
                    ++coverage_.parks;
                    confirmVisit(e.ticket);
                    return {};
                },
                [&](const VisitIdentified& e) -> std::string {
                    ++coverage_.identified;
                    identifiedSinceCall_.insert(e.ticket);
                    return {};
                },
                [&](const TicketFinished& e) -> std::string {
                    confirmVisit(e.ticket);
                    if (++finishes_[e.ticket] > 1) return "ticket finished twice";
                    ++days_[dayOf_[e.ticket]].served;
                    if (day_ && dayOf_[e.ticket] != *day_) ++coverage_.lateFinishes;
                    ++coverage_.outcomes[e.outcome];
                    return {};
                },
                [&](const NoShowMarked& e) -> std::string {
                    confirmVisit(e.ticket);
                    missed_[e.ticket] = {event.at, e.window};
                    if (e.final) {
                        ++coverage_.finalNoShows;
                        ++days_[dayOf_[e.ticket]].finalNoShows;
                    } else {
                        ++coverage_.requeuedNoShows;
                    }
                    return {};
                },
                [&](const TicketCancelled& e) -> std::string {
                    missed_.erase(e.ticket);
                    return {};
                },
                [&](const RatingRecorded& e) -> std::string {
                    // A visit counts once, on the day it is first rated (not the ticket's
                    // day), at its latest level: a 追评 counts on that day as a supplement.
                    if (e.supplementary) {
                        const auto visit = ratedVisits_.find(e.ticket);
                        if (visit == ratedVisits_.end()) return "追评 of a visit never rated";
                        ++days_[visit->second.first].supplements;
                        visit->second.second = e.level;
                    } else {
                        const auto day = day_ ? *day_ : dayOf_[e.ticket];
                        ++days_[day].firstRatings;
                        ratedVisits_[e.ticket] = {day, e.level};
                    }
                    auto& d = days_[day_ ? *day_ : dayOf_[e.ticket]];
                    if (e.automatic) {
                        ++coverage_.automaticRatings;
                        ++d.automaticRatings;
                        if (e.level != RatingLevel::Satisfied)
                            return "automatic rating is not 满意";
                    }
                    if (e.supplementary) ++coverage_.supplements;
                    return {};
                },
                [&](const auto&) -> std::string { return {}; },
            },
            event.body);
        if (!error.empty()) return error;
    }
    (void)engine;
    return {};
}

void Checker::confirmVisit(TicketId id) {
    if (!calledThisVisit_[id]) return;
    auto& confirmed = confirmedThisVisit_[id];
    if (!confirmed) ++days_[dayOf_[id]].waitsConfirmed;
    confirmed = true;
}

std::string Checker::checkCall(const Engine& engine, const CallNext& cmd, const Decision& decision,
                               Timestamp now) {
    const TicketCalled* called = nullptr;
    bool rolled = false;
    for (const auto& e : decision.events) {
        if (std::holds_alternative<DayRolledOver>(e.body)) rolled = true;
        if (const auto* c = std::get_if<TicketCalled>(&e.body)) called = c;
    }
    if (!called) return "call next without a ticket_called event";
    if (!decision.ticket || *decision.ticket != called->ticket)
        return "decision.ticket differs from the called ticket";
    if (called->window != cmd.window || called->byNumber) return "call event for the wrong window";
    if (rolled || !call_.computed) return {}; // the snapshot predates the rollover
    (void)now;

    const Ticket* t = ticketBefore(called->ticket);
    const std::string got = t ? ticketText(*t) : "#" + std::to_string(called->ticket);
    if (call_.branch == 0)
        return "w" + std::to_string(cmd.window) + " called " + got +
               " although nothing was callable";
    ++coverage_.callBranch[static_cast<std::size_t>(call_.branch)];

    const bool weightedChoice = call_.branch == 5 && call_.weighted;
    if (!weightedChoice) {
        if (called->ticket != call_.pick) {
            const Ticket* want = ticketBefore(call_.pick);
            return "w" + std::to_string(cmd.window) + " branch " + std::to_string(call_.branch) +
                   " should call " + (want ? ticketText(*want) : "?") + " but called " + got;
        }
        if (!called->routingCredit.empty())
            return "routing credits reported for a call outside the weighted choice";
        return {};
    }

    // Weighted: the called ticket heads one of the candidate services, and the credits show
    // the smooth-WRR step that chose it.
    ++coverage_.weightedChoices;
    const Window* w = config_.findWindow(cmd.window);
    const auto& heads = call_.heads;
    const auto it = std::find(heads.begin(), heads.end(), called->ticket);
    if (it == heads.end())
        return "weighted w" + std::to_string(cmd.window) + " called " + got +
               ", which heads none of its services";
    const auto chosen = static_cast<std::size_t>(it - heads.begin());
    const auto& after = called->routingCredit;
    if (after.size() != w->services.size())
        return "weighted call reports " + std::to_string(after.size()) + " credits for " +
               std::to_string(w->services.size()) + " services";
    std::int64_t total = 0;
    for (std::size_t i = 0; i < heads.size(); ++i)
        if (heads[i]) total += w->services[i].weight;
    std::vector<std::int64_t> prior(after.size());
    for (std::size_t i = 0; i < after.size(); ++i) {
        const std::int64_t weight = w->services[i].weight;
        if (!heads[i])
            prior[i] = after[i];
        else if (i == chosen)
            prior[i] = after[i] + total - weight;
        else
            prior[i] = after[i] - weight;
    }
    std::size_t best = heads.size();
    for (std::size_t i = 0; i < heads.size(); ++i) {
        if (!heads[i]) continue;
        if (best == heads.size() ||
            prior[i] + w->services[i].weight > prior[best] + w->services[best].weight)
            best = i;
    }
    const auto& before = creditsBeforeCall_[cmd.window];
    if (before && *before != prior)
        return "weighted w" + std::to_string(cmd.window) + ": credits before the call " +
               creditsText(*before) + " but the reported step " + creditsText(after) + " implies " +
               creditsText(prior);
    if (best != chosen)
        return "weighted w" + std::to_string(cmd.window) + " chose service " +
               w->services[chosen].serviceId + " with credits " + creditsText(prior) + " where " +
               w->services[best].serviceId + " has the highest";
    (void)engine;
    return {};
}

std::string Checker::checkState(const Engine& engine, const Decision& decision) const {
    // Windows: a current ticket is called or serving, at that window, and nowhere else.
    std::set<TicketId> currents;
    std::set<std::string> staffed;
    for (const auto& w : engine.windows()) {
        if (!w.staffId.empty() && !staffed.insert(w.staffId).second)
            return "staff " + w.staffId + " signed in at two windows";
        if (!w.current) continue;
        if (!currents.insert(*w.current).second) return "a ticket is current at two windows";
        const Ticket* t = engine.ticket(*w.current);
        if (!t) return "window " + std::to_string(w.number) + " holds an unknown ticket";
        if (t->state != TicketState::Called && t->state != TicketState::Serving)
            return "window " + std::to_string(w.number) + " holds " + ticketText(*t);
        if (t->window != w.number) return "current ticket names another window";
        if (w.staffId.empty()) return "a window with a ticket has nobody signed in";
    }

    // A rollover may forget old days at once: what it cancels (waiting or called tickets of
    // earlier days) and finished tickets may vanish; a ticket in service never does.
    std::optional<BusinessDay> rolledTo;
    for (const auto& e : decision.events)
        if (const auto* r = std::get_if<DayRolledOver>(&e.body)) rolledTo = r->to;
    auto mayVanish = [&](const Ticket& t) {
        return isTerminal(t.state) ||
               (rolledTo && t.day < *rolledTo &&
                (t.state == TicketState::Waiting || t.state == TicketState::Called));
    };

    std::set<std::pair<BusinessDay, std::string>> numbers;
    std::string error;
    std::size_t i = 0; // walks ticketsBefore_ alongside (both ordered by id)
    engine.forEachTicket([&](const Ticket& t) {
        if (!error.empty()) return;
        if (!numbers.insert({t.day, t.number}).second) {
            error = "two tickets share " + t.number + " on one day";
            return;
        }
        if ((t.state == TicketState::Called || t.state == TicketState::Serving) &&
            !currents.count(t.id)) {
            error = ticketText(t) + " is called/serving but no window holds it";
            return;
        }
        if (t.state == TicketState::Done && !t.finishedAt) error = "done without finishedAt";
        if (t.state == TicketState::Cancelled && !t.cancelReason) error = "cancelled, no reason";
        // Waiting or called before a rollover, of an earlier day: closed by it as day_closed.
        // (A ticket in service may still be transferred back to waiting after the rollover.)
        if (const Ticket* was = ticketBefore(t.id);
            rolledTo && t.day < *rolledTo && was &&
            (was->state == TicketState::Waiting || was->state == TicketState::Called) &&
            (t.state != TicketState::Cancelled || t.cancelReason != CancelReason::DayClosed)) {
            error = ticketText(t) + " of an earlier day was not closed by the rollover";
            return;
        }
        if (t.targetWindow && !config_.findWindow(*t.targetWindow))
            error = "targeted at an unknown window";
        while (i < ticketsBefore_.size() && ticketsBefore_[i].id < t.id) {
            if (!mayVanish(ticketsBefore_[i]))
                error = "active " + ticketText(ticketsBefore_[i]) + " disappeared";
            ++i;
        }
        if (i < ticketsBefore_.size() && ticketsBefore_[i].id == t.id) {
            const auto from = ticketsBefore_[i].state;
            if (!transitionAllowed(from, t.state))
                error = "ticket went from " + std::string(stateName(from)) + " to " + ticketText(t);
            ++i;
        } else {
            const bool issuedNow =
                std::any_of(decision.events.begin(), decision.events.end(), [&](const Event& e) {
                    const auto* x = std::get_if<TicketIssued>(&e.body);
                    return x && x->ticket == t.id;
                });
            if (!issuedNow || t.state != TicketState::Waiting)
                error = "ticket " + ticketText(t) + " appeared without being issued";
        }
    });
    for (; error.empty() && i < ticketsBefore_.size(); ++i)
        if (!mayVanish(ticketsBefore_[i]))
            error = "active " + ticketText(ticketsBefore_[i]) + " disappeared";
    if (!error.empty()) return error;
    return checkMissed(engine);
}

std::string Checker::checkHeldTicket(const Command& command, const Error& error) const {
    std::string personKey;
    if (const auto* c = std::get_if<IssueTicket>(&command)) personKey = c->personKey;
    if (const auto* c = std::get_if<IssueLeasedTicket>(&command)) personKey = c->personKey;
    if (const auto* c = std::get_if<CheckIn>(&command)) personKey = c->booking.personKey;
    const auto* identify = std::get_if<IdentifyVisit>(&command);
    if (identify) personKey = identify->personKey;
    if (!error.ticket) return "duplicate_person names no ticket";
    const Ticket* held = ticketBefore(*error.ticket);
    if (!held || !held->active() || held->personKey != personKey)
        return "duplicate_person names a ticket the person does not hold";
    // At a window: another ticket than the one identified, of its service.
    if (const Ticket* visit = identify ? ticketBefore(identify_.ticket) : nullptr;
        visit && (held->id == visit->id || held->serviceId != visit->serviceId))
        return "duplicate_person names a ticket other than the person's of the visit's service";
    return {};
}

std::string Checker::checkMissed(const Engine& engine) const {
    // The boards' missed list: every no-show of the day not called since, newest first, each
    // naming the window it missed.
    std::vector<std::pair<std::pair<Timestamp, int>, TicketId>> want;
    for (const auto& [id, missed] : missed_)
        want.push_back({missed, id});
    std::sort(want.begin(), want.end(), [](const auto& a, const auto& b) {
        return std::pair(a.first.first, a.second) > std::pair(b.first.first, b.second);
    });
    const auto got = engine.missed(want.size() + 1);
    if (got.size() != want.size())
        return "missed list holds " + std::to_string(got.size()) + " tickets, events say " +
               std::to_string(want.size());
    for (std::size_t k = 0; k < got.size(); ++k) {
        const Ticket& t = *got[k];
        if (t.id != want[k].second) return "missed list out of order at " + ticketText(t);
        if (t.missedAt != want[k].first.first || t.missedWindow != want[k].first.second)
            return "missed " + ticketText(t) + " names the wrong window or time";
        if (t.state != TicketState::Waiting && t.state != TicketState::NoShow)
            return "missed list holds " + ticketText(t);
    }
    return {};
}

std::string Checker::checkStatistics(const Engine& engine) const {
    const auto current = engine.currentDay();
    for (const auto& [day, counts] : days_) {
        const auto stats = engine.statistics(day);
        const std::string label = "statistics of " + formatDay(day) + ": ";
        if (!stats) {
            if (current && day == *current && counts.issued > 0)
                return label + "missing for the current day";
            continue;
        }
        const auto& h = stats->hall;
        auto mismatch = [&](const char* what, long got, long want) {
            return label + what + " " + std::to_string(got) + ", events say " +
                   std::to_string(want);
        };
        if (h.issued != counts.issued) return mismatch("issued", h.issued, counts.issued);
        if (h.served != counts.served) return mismatch("served", h.served, counts.served);
        if (h.noShow != counts.finalNoShows)
            return mismatch("no-show", h.noShow, counts.finalNoShows);
        if (h.transferred != counts.transferred)
            return mismatch("transferred", h.transferred, counts.transferred);
        // A visit's wait may enter the statistics at its first call or once that call is
        // confirmed (served, no-show, transfer: no longer undoable); nothing else counts.
        if (h.wait.count() < counts.waitsConfirmed || h.wait.count() > counts.waitsCalled)
            return label + "wait samples " + std::to_string(h.wait.count()) + " outside [" +
                   std::to_string(counts.waitsConfirmed) + ", " +
                   std::to_string(counts.waitsCalled) + "]";
        if (h.service.count() != counts.served)
            return mismatch("service samples", h.service.count(), counts.served);
        if (h.automaticRatings != counts.automaticRatings)
            return mismatch("automatic ratings", h.automaticRatings, counts.automaticRatings);
        if (h.arrivalsByHour != counts.arrivals) return label + "arrivals by hour differ";
        if (h.leasedNumbers != counts.leasedNumbers)
            return mismatch("leased numbers", h.leasedNumbers, counts.leasedNumbers);
        if (h.leasedIssued != counts.leasedIssued)
            return mismatch("leased tickets", h.leasedIssued, counts.leasedIssued);

        int present = 0, cancelled = 0;
        engine.forEachTicket([&](const Ticket& t) {
            if (t.day != day) return;
            ++present;
            cancelled += t.state == TicketState::Cancelled;
        });
        if (present == counts.issued && h.cancelled != cancelled)
            return mismatch("cancelled", h.cancelled, cancelled);
        // Each visit rated counts once, at its latest level; its 追评 counts apart.
        if (h.ratedCount() != counts.firstRatings)
            return mismatch("rated", h.ratedCount(), counts.firstRatings);
        if (h.supplementary != counts.supplements)
            return mismatch("supplementary", h.supplementary, counts.supplements);
        std::array<int, kRatingLevels> levels{};
        for (const auto& [id, visit] : ratedVisits_)
            if (visit.first == day) ++levels[static_cast<std::size_t>(visit.second) - 1];
        if (h.ratings != levels) return label + "ratings by latest level differ from the events";

        int issued = 0, served = 0, transferred = 0, cancelledByService = 0;
        for (const auto& [id, g] : stats->byService) {
            const auto it = issuedBy_.find({day, id});
            if (g.issued != (it == issuedBy_.end() ? 0 : it->second))
                return label + "issued for " + id + " differs from the events";
            issued += g.issued;
            served += g.served;
            transferred += g.transferred;
            cancelledByService += g.cancelled;
        }
        if (issued != h.issued) return label + "services' issued do not add up";
        if (served != h.served) return label + "services' served do not add up";
        if (transferred != h.transferred) return label + "services' transfers do not add up";
        if (cancelledByService != h.cancelled) return label + "services' cancels do not add up";
        int servedW = 0, noShowW = 0, servedS = 0;
        for (const auto& [n, g] : stats->byWindow) {
            servedW += g.served;
            noShowW += g.noShow;
        }
        for (const auto& [id, g] : stats->byStaff)
            servedS += g.served;
        // A rating (and a 追评's move) lands in the visit's service, window and staff groups.
        const auto ratingsAddUp = [&](const auto& groups) {
            std::array<int, kRatingLevels> sum{};
            int supplementary = 0;
            for (const auto& [key, g] : groups) {
                for (std::size_t i = 0; i < sum.size(); ++i)
                    sum[i] += g.ratings[i];
                supplementary += g.supplementary;
            }
            return sum == h.ratings && supplementary == h.supplementary;
        };
        if (!ratingsAddUp(stats->byService)) return label + "services' ratings do not add up";
        if (!ratingsAddUp(stats->byWindow)) return label + "windows' ratings do not add up";
        if (!ratingsAddUp(stats->byStaff)) return label + "staff's ratings do not add up";
        if (servedW != h.served) return label + "windows' served do not add up";
        if (noShowW != h.noShow) return label + "windows' no-shows do not add up";
        if (servedS != h.served) return label + "staff's served do not add up";
    }
    return {};
}

} // namespace hall::core::testing
