#include "tests/core/random/generator.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <set>

namespace hall::core::testing {

using namespace std::chrono_literals;
using std::chrono::minutes;

namespace {

template <class... Ts> struct Overloaded : Ts... { using Ts::operator()...; };
template <class... Ts> Overloaded(Ts...) -> Overloaded<Ts...>;

const std::array<const char*, 8> kPrefixes = {"A", "B", "C", "D", "E", "F", "GH", "K"};

Service randomService(Rng& rng, int index, const std::string& prefix) {
    Service s;
    s.id = "svc" + std::to_string(index);
    s.nameZh = "业务" + std::to_string(index);
    s.nameEn = "service " + std::to_string(index);
    s.prefix = prefix;
    s.numberWidth = rng.uniform(2, 4);
    s.dailyQuota = rng.chance(60) ? 0 : rng.uniform(3, 12);
    if (rng.chance(30)) {
        // Morning and afternoon sessions, or one long day.
        const int open = rng.uniform(6, 10) * 60;
        const int noon = rng.uniform(11, 13) * 60;
        if (rng.chance(50)) {
            s.hours = {{open, noon}, {noon + rng.uniform(0, 90), rng.uniform(16, 20) * 60}};
        } else {
            s.hours = {{open, rng.uniform(15, 22) * 60}};
        }
        s.openAtNight = rng.chance(20);
    }
    s.identify = rng.chance(25);
    return s;
}

} // namespace

RandomHall randomHall(Rng& rng) {
    RandomHall r;
    auto& c = r.config;
    c.name = "random hall";
    c.zones = {{"north", "北区", "North"}, {"south", "南区", "South"}};

    std::vector<std::string> prefixes(kPrefixes.begin(), kPrefixes.end());
    const int services = rng.uniform(2, 4);
    for (int i = 0; i < services; ++i) {
        const auto at =
            static_cast<std::size_t>(rng.uniform(0, static_cast<int>(prefixes.size()) - 1));
        c.services.push_back(randomService(rng, i, prefixes[at]));
        prefixes.erase(prefixes.begin() + static_cast<std::ptrdiff_t>(at));
    }

    const int windows = rng.uniform(2, 4);
    for (int w = 0; w < windows; ++w) {
        Window win;
        // Numbers need not be contiguous (1, 12, 3 …); with at most four windows they never clash.
        win.number = w + 1 + (rng.chance(20) ? 10 : 0);
        win.name = std::to_string(win.number) + "号窗口";
        win.zoneId = rng.chance(50) ? "north" : "south";
        win.routing = rng.chance(50) ? RoutingPolicy::Ordered : RoutingPolicy::Weighted;
        std::vector<int> order(static_cast<std::size_t>(services));
        for (int i = 0; i < services; ++i)
            order[static_cast<std::size_t>(i)] = i;
        for (int i = services - 1; i > 0; --i)
            std::swap(order[static_cast<std::size_t>(i)],
                      order[static_cast<std::size_t>(rng.uniform(0, i))]);
        const int served = rng.uniform(1, std::min(3, services));
        for (int i = 0; i < served; ++i)
            win.services.push_back(
                {c.services[static_cast<std::size_t>(order[static_cast<std::size_t>(i)])].id,
                 rng.uniform(1, 4)});
        c.windows.push_back(std::move(win));
    }

    for (int i = 0; i < windows + 1; ++i) {
        Staff s;
        s.id = "st" + std::to_string(i);
        s.name = "clerk " + std::to_string(i);
        s.staffNumber = "N" + std::to_string(100 + i);
        c.staff.push_back(std::move(s));
    }

    auto& q = c.queue;
    q.dayStartMinute = rng.chance(70) ? 0 : 240;
    q.noShowRequeueDelay = minutes(rng.uniform(0, 10));
    q.noShowMaxRequeues = rng.uniform(0, 2);
    q.noShowPlacement = rng.chance(50) ? NoShowPlacement::KeepPlace : NoShowPlacement::BackOfLine;
    q.transferKeepsPlace = rng.chance(50);
    q.onePerPersonPerService = rng.chance(60);
    q.starvationThreshold = rng.chance(40) ? Millis(0) : Millis(minutes(rng.uniform(5, 40)));
    q.noShowAfter = rng.chance(50) ? Millis(0) : Millis(std::chrono::seconds(rng.uniform(10, 120)));
    q.callNumberNeedsReason = rng.chance(30);
    q.parkReturnAfter = minutes(rng.uniform(1, 20));

    auto& e = c.evaluation;
    e.maxCommentLength = rng.uniform(0, 20);
    e.supplementPeriod = minutes(rng.uniform(60, 3 * 24 * 60));
    e.unrated = rng.chance(50) ? UnratedPolicy::Leave : UnratedPolicy::DefaultSatisfied;
    e.unratedDefaultAfter = minutes(rng.uniform(10, 6 * 60));

    const std::array<int, 6> offsets = {480, 480, -300, 330, 0, 345};
    r.utcOffset = minutes(rng.pick(offsets));
    return r;
}

Millis randomStep(Rng& rng, const TimeZone& zone, Timestamp now) {
    const int roll = rng.uniform(0, 999);
    if (roll < 700) return std::chrono::seconds(rng.uniform(0, 90));
    if (roll < 950) return minutes(rng.uniform(1, 15));
    if (roll < 993) return std::chrono::hours(rng.uniform(1, 5));
    // The next local morning, between 07:00 and 10:00.
    const auto local = toLocal(zone, now);
    const int target = 24 * 60 + rng.uniform(7 * 60, 10 * 60);
    return minutes(target - local.minuteOfDay);
}

namespace {

const Window& randomWindow(Rng& rng, const HallConfig& c) {
    return rng.pick(c.windows);
}

int windowNumber(Rng& rng, const HallConfig& c) {
    if (rng.chance(3)) return 99; // not a window of this hall
    return randomWindow(rng, c).number;
}

// A window with a current ticket, when there is one, so that window operations mostly act.
int busyWindowNumber(Rng& rng, const Engine& engine) {
    std::vector<int> busy;
    for (const auto& w : engine.windows())
        if (w.current) busy.push_back(w.number);
    if (busy.empty() || rng.chance(15)) return windowNumber(rng, engine.config());
    return rng.pick(busy);
}

// A window where a call can go through (staffed, not paused, idle), when there is one.
int openWindowNumber(Rng& rng, const Engine& engine) {
    std::vector<int> open;
    for (const auto& w : engine.windows())
        if (!w.staffId.empty() && !w.paused && !w.current) open.push_back(w.number);
    if (open.empty() || rng.chance(20)) return windowNumber(rng, engine.config());
    return rng.pick(open);
}

// Mostly a sign-in that can succeed: a free clerk at an unstaffed window.
SignIn randomSignIn(Rng& rng, const Engine& engine) {
    const auto& c = engine.config();
    std::vector<int> empty;
    std::vector<std::string> free;
    const auto windows = engine.windows();
    for (const auto& w : windows)
        if (w.staffId.empty()) empty.push_back(w.number);
    for (const auto& s : c.staff)
        if (std::none_of(windows.begin(), windows.end(),
                         [&](const WindowState& w) { return w.staffId == s.id; }))
            free.push_back(s.id);
    if (rng.chance(3)) return SignIn{windowNumber(rng, c), "ghost"};
    if (empty.empty() || free.empty() || rng.chance(25))
        return SignIn{windowNumber(rng, c), rng.pick(c.staff).id};
    return SignIn{rng.pick(empty), rng.pick(free)};
}

const KnownTicket* recentTicket(Rng& rng, const std::vector<KnownTicket>& known) {
    if (known.empty()) return nullptr;
    const int n = static_cast<int>(known.size());
    const int from = std::max(0, n - 25);
    return &known[static_cast<std::size_t>(rng.uniform(from, n - 1))];
}

// Mostly a served ticket, so that ratings are mostly about something rateable.
TicketId servedTicketId(Rng& rng, const Engine& engine, const std::vector<KnownTicket>& known) {
    std::vector<TicketId> done;
    const std::size_t from = known.size() > 40 ? known.size() - 40 : 0;
    for (std::size_t i = from; i < known.size(); ++i)
        if (const Ticket* t = engine.ticket(known[i].id); t && t->state == TicketState::Done)
            done.push_back(t->id);
    if (done.empty() || rng.chance(20)) {
        const auto* k = recentTicket(rng, known);
        return k ? k->id : TicketId{1};
    }
    return rng.pick(done);
}

TicketId ticketId(Rng& rng, const std::vector<KnownTicket>& known) {
    const auto* k = recentTicket(rng, known);
    if (!k || rng.chance(4)) return static_cast<TicketId>(rng.uniform(1000000, 1000100));
    return k->id;
}

std::string comment(Rng& rng, int maxLength) {
    static const std::array<const char*, 4> pieces = {"好", "慢", "a", "。"};
    std::string out;
    const int length = rng.chance(70) ? rng.uniform(0, maxLength) : maxLength + rng.uniform(1, 3);
    for (int i = 0; i < length; ++i)
        out += rng.pick(pieces);
    return out;
}

// Today's leases: their ids are the day's and count up from 1.
std::vector<const NumberLease*> todaysLeases(const Engine& engine, Timestamp now) {
    std::vector<const NumberLease*> out;
    const auto day = static_cast<LeaseId>(engine.businessDay(now).time_since_epoch().count());
    for (LeaseId n = 1;; ++n) {
        const NumberLease* l = engine.lease(day * 1'000'000 + n);
        if (!l) break;
        out.push_back(l);
    }
    return out;
}

const std::array<const char*, 2> kDevices = {"kiosk-1", "machine-2"};

// The person key of one of a few citizens, shaped as terminals send it (64 lowercase hex
// digits), so that the same people come back at ticket machines, kiosks and windows.
std::string personKey(int person) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string key(64, 'e');
    key[62] = kHex[(person >> 4) & 15];
    key[63] = kHex[person & 15];
    return key;
}

// The priority, green category, appointment and person of a ticket, mostly valid.
template <typename Issue>
void randomTicketOptions(Rng& rng, const HallConfig& c, Issue& cmd, Timestamp now) {
    if (rng.chance(50)) cmd.personKey = personKey(rng.uniform(1, 5));
    const int kind = rng.uniform(0, 99);
    if (kind < 12) {
        cmd.priority = PriorityClass::GreenChannel;
        cmd.greenCategory = rng.chance(90) ? rng.pick(c.queue.greenChannelCategories) : "vip";
    } else if (kind < 25) {
        cmd.priority = PriorityClass::Appointment;
        if (rng.chance(92))
            cmd.appointment = Appointment{"appt-" + std::to_string(rng.uniform(1, 999)),
                                          now + minutes(rng.uniform(-40, 60))};
    }
}

// Mostly a number of one of today's leases reported by its holder, handed out a little
// earlier; sometimes an ended or unknown lease, another device, a used or foreign number, or a
// device clock far off.
IssueLeasedTicket randomLeasedIssue(Rng& rng, const Engine& engine, Timestamp now) {
    IssueLeasedTicket cmd;
    const auto leases = todaysLeases(engine, now);
    cmd.sourceDevice = rng.pick(kDevices);
    cmd.number = "Z999";
    cmd.lease = static_cast<LeaseId>(rng.uniform(1, 1000)); // unknown
    if (!leases.empty() && !rng.chance(8)) {
        const NumberLease& l = *rng.pick(leases);
        cmd.lease = l.id;
        if (!rng.chance(5)) cmd.sourceDevice = l.sourceDevice;
        const auto numbers = engine.leaseNumbers(l);
        std::vector<std::string> unused;
        for (int i = 0; i < l.count; ++i)
            if (!l.used.contains(l.firstSequence + i))
                unused.push_back(numbers[static_cast<std::size_t>(i)]);
        if (!unused.empty() && !rng.chance(10))
            cmd.number = rng.pick(unused);
        else if (!rng.chance(30))
            cmd.number = rng.pick(numbers);
    } else if (rng.chance(50)) {
        // A lease id of an earlier business day.
        const auto day = engine.businessDay(now) - std::chrono::days(rng.uniform(1, 3));
        cmd.lease = static_cast<LeaseId>(day.time_since_epoch().count()) * 1'000'000 + 1;
    }
    const int clock = rng.uniform(0, 99);
    if (clock < 80)
        cmd.issuedAt = now - std::chrono::seconds(rng.uniform(0, 3 * 3600));
    else if (clock < 90)
        cmd.issuedAt = now + minutes(rng.uniform(1, 120));
    else
        cmd.issuedAt = now - std::chrono::hours(rng.uniform(3, 30));
    randomTicketOptions(rng, engine.config(), cmd, now);
    return cmd;
}

// A booking looked up by the controller: ids from a small pool (so bookings come back, and meet
// the appointment tickets issued directly), slots around now, sometimes another day, an unknown
// service or no id.
CheckIn randomCheckIn(Rng& rng, const HallConfig& c, Timestamp now) {
    CheckIn cmd;
    cmd.booking.id = rng.chance(4) ? std::string() : "appt-" + std::to_string(rng.uniform(1, 40));
    cmd.booking.serviceId = rng.chance(4) ? std::string("nosuch") : rng.pick(c.services).id;
    cmd.booking.slotStart = now + minutes(rng.uniform(-45, 60));
    if (rng.chance(6)) cmd.booking.slotStart += std::chrono::hours(rng.chance(50) ? 24 : -24);
    if (rng.chance(60)) cmd.booking.personKey = personKey(rng.uniform(1, 5));
    cmd.sourceDevice = rng.pick(kDevices);
    return cmd;
}

// 读卡 at a window: mostly its current ticket identified as someone with no active ticket of
// that service, now and then as a person who holds one (duplicate_person), with the key it
// already has or another for a ticket already identified (invalid_state); sometimes at a window
// with no ticket, or with a key that is no keyed hash at all.
IdentifyVisit randomIdentify(Rng& rng, const Engine& engine) {
    IdentifyVisit cmd{busyWindowNumber(rng, engine), personKey(rng.uniform(1, 8))};
    const int kind = rng.uniform(0, 99);
    if (kind < 5) {
        static const std::array<std::string, 4> kNotKeys = {
            "", "11010119900307123X", std::string(64, 'E'), std::string(63, 'e')};
        cmd.personKey = rng.pick(kNotKeys);
        return cmd;
    }
    const WindowState* w = engine.window(cmd.window);
    const Ticket* current = w && w->current ? engine.ticket(*w->current) : nullptr;
    if (!current) return cmd;
    // Who holds an active ticket of the current ticket's service and day, besides it.
    std::set<std::string> holders;
    engine.forEachTicket([&](const Ticket& t) {
        if (t.id != current->id && t.active() && t.day == current->day &&
            t.serviceId == current->serviceId && !t.personKey.empty())
            holders.insert(t.personKey);
    });
    if (kind < 30 && !holders.empty()) {
        cmd.personKey =
            *std::next(holders.begin(), rng.uniform(0, static_cast<int>(holders.size()) - 1));
    } else if (kind < 40 && !current->personKey.empty()) {
        cmd.personKey = current->personKey;
    } else {
        std::vector<std::string> free;
        for (int person = 1; person <= 8; ++person)
            if (!holders.contains(personKey(person))) free.push_back(personKey(person));
        if (!free.empty()) cmd.personKey = rng.pick(free);
    }
    return cmd;
}

} // namespace

Command randomCommand(Rng& rng, const Engine& engine, const std::vector<KnownTicket>& known,
                      Timestamp now) {
    const auto& c = engine.config();
    const int roll = rng.uniform(0, 99);

    if (roll < 24) {
        // One in six issues comes from a lease, and now and then a block is leased.
        if (rng.chance(4)) {
            LeaseNumbers cmd;
            cmd.serviceId = rng.chance(3) ? std::string("nosuch") : rng.pick(c.services).id;
            cmd.count =
                rng.chance(5) ? rng.pick(std::array{0, kMaxLeaseCount + 1}) : rng.uniform(1, 6);
            cmd.sourceDevice = rng.pick(kDevices);
            return cmd;
        }
        if (rng.chance(17)) return randomLeasedIssue(rng, engine, now);
        if (rng.chance(12)) return randomCheckIn(rng, c, now);
        IssueTicket cmd;
        cmd.serviceId = rng.chance(3) ? std::string("nosuch") : rng.pick(c.services).id;
        cmd.sourceDevice = rng.pick(kDevices);
        randomTicketOptions(rng, c, cmd, now);
        return cmd;
    }
    if (roll < 30) return randomSignIn(rng, engine);
    if (roll < 32) return SignOut{windowNumber(rng, c)};
    if (roll < 34) return PauseWindow{windowNumber(rng, c), rng.chance(50) ? "break" : "meeting"};
    if (roll < 37) return ResumeWindow{windowNumber(rng, c)};
    if (roll < 57) return CallNext{openWindowNumber(rng, engine), rng.chance(20)};
    if (roll < 61) {
        const auto* k = recentTicket(rng, known);
        std::string number = (k && !rng.chance(5)) ? k->number : std::string("Z999");
        // As a hardware keypad types it (the digits alone), or a clerk (without the zeros).
        const auto digits = number.find_first_of("0123456789");
        if (digits != std::string::npos && rng.chance(15)) {
            number.erase(0, digits);
        } else if (digits != std::string::npos && rng.chance(10)) {
            const auto nonZero = number.find_first_not_of('0', digits);
            if (nonZero != std::string::npos) number.erase(digits, nonZero - digits);
        }
        CallNumber call{openWindowNumber(rng, engine), number, rng.chance(20)};
        if (rng.chance(60)) call.reason = "预约改期，已核实";
        if (rng.chance(2)) call.reason = std::string(kMaxActionNoteBytes + 1, 'r');
        return call;
    }
    if (roll < 64) return Recall{busyWindowNumber(rng, engine), rng.chance(30)};
    if (roll < 69) return StartServing{busyWindowNumber(rng, engine)};
    if (roll < 71) return randomIdentify(rng, engine);
    if (roll < 80) {
        // Mostly the hall's own outcomes (or none: the first), now and then one it lacks or a
        // note too long.
        Finish f{busyWindowNumber(rng, engine)};
        const auto& outcomes = c.queue.finishOutcomes;
        const int kind = rng.uniform(0, 19);
        if (kind < 12) f.outcome = rng.pick(outcomes);
        if (kind == 12) f.outcome = "nosuch";
        if (kind < 4) f.note = "补正材料：户口簿原件";
        if (kind == 13) f.note = std::string(kMaxFinishNoteBytes + 1, 'x');
        return f;
    }
    if (roll < 85) return MarkNoShow{busyWindowNumber(rng, engine)};
    if (roll < 88) {
        Transfer t;
        t.window = busyWindowNumber(rng, engine);
        const int kind = rng.uniform(0, 9);
        if (kind < 6) t.toService = rng.chance(5) ? std::string("nosuch") : rng.pick(c.services).id;
        if (kind >= 4) t.toWindow = windowNumber(rng, c);
        if (rng.chance(40)) t.note = "请核对户口簿原件";
        if (rng.chance(3)) t.note = std::string(kMaxActionNoteBytes + 1, 'n');
        t.returnHere = rng.chance(40);
        return t;
    }
    if (roll < 90) {
        // Mostly the hall's return time, now and then one given, rarely one out of range.
        Park p{busyWindowNumber(rng, engine)};
        if (rng.chance(30)) p.minutes = rng.uniform(1, 30);
        if (rng.chance(5)) p.minutes = rng.chance(50) ? -1 : kMaxParkMinutes + 1;
        return p;
    }
    if (roll < 92) return UndoCall{busyWindowNumber(rng, engine)};
    if (roll < 94)
        return CancelTicket{ticketId(rng, known),
                            rng.chance(50) ? CancelReason::Citizen : CancelReason::Staff};
    if (roll < 98) {
        Rate r;
        r.ticket = servedTicketId(rng, engine, known);
        r.level = static_cast<RatingLevel>(rng.uniform(1, kRatingLevels));
        const bool needsReason = isBadRating(r.level);
        if ((needsReason && rng.chance(85)) || rng.chance(10)) {
            const int count = rng.uniform(1, 2);
            for (int i = 0; i < count; ++i)
                r.reasons.push_back(rng.pick(c.evaluation.reasons));
        }
        if (rng.chance(5)) r.reasons.push_back("not a reason");
        if (rng.chance(40)) r.comment = comment(rng, c.evaluation.maxCommentLength);
        // Now and then through a window's pad (else a kiosk): mostly the window that served it.
        if (rng.chance(30)) {
            const Ticket* t = engine.ticket(r.ticket);
            r.window = t && t->window && rng.chance(80) ? *t->window : windowNumber(rng, c);
            // Or its five-key evaluator on the hall bus (the controller's), which has no reasons
            // or comment to give; the ticket is at times one rated already.
            if (rng.chance(30)) {
                r.keyEvaluator = true;
                r.reasons.clear();
                r.comment.clear();
            }
        }
        return r;
    }
    return Tick{};
}

std::string describeCommand(const Command& command) {
    const auto name = std::string(commandName(command));
    return std::visit(
        Overloaded{
            [&](const IssueTicket& c) {
                return name + " " + c.serviceId + " " + std::string(priorityName(c.priority)) +
                       (c.greenCategory.empty() ? "" : "/" + c.greenCategory) +
                       (c.appointment ? " slot" : "") +
                       (c.personKey.empty() ? "" : " " + c.personKey);
            },
            [&](const SignIn& c) {
                return name + " w" + std::to_string(c.window) + " " + c.staffId;
            },
            [&](const SignOut& c) { return name + " w" + std::to_string(c.window); },
            [&](const PauseWindow& c) { return name + " w" + std::to_string(c.window); },
            [&](const ResumeWindow& c) { return name + " w" + std::to_string(c.window); },
            [&](const CallNext& c) { return name + " w" + std::to_string(c.window); },
            [&](const CallNumber& c) {
                return name + " w" + std::to_string(c.window) + " " + c.number +
                       (c.reason.empty() ? "" : " with reason");
            },
            [&](const Recall& c) { return name + " w" + std::to_string(c.window); },
            [&](const StartServing& c) { return name + " w" + std::to_string(c.window); },
            [&](const Finish& c) {
                return name + " w" + std::to_string(c.window) + " " + c.outcome +
                       (c.note.empty() ? "" : " note");
            },
            [&](const MarkNoShow& c) { return name + " w" + std::to_string(c.window); },
            [&](const Transfer& c) {
                return name + " w" + std::to_string(c.window) + " to " + c.toService.value_or("-") +
                       "/" + (c.toWindow ? std::to_string(*c.toWindow) : std::string("-")) +
                       (c.returnHere ? " and back" : "") + (c.note.empty() ? "" : " note");
            },
            [&](const Park& c) {
                return name + " w" + std::to_string(c.window) + " " + std::to_string(c.minutes) +
                       " min";
            },
            [&](const IdentifyVisit& c) {
                // The generator's people differ in the last two digits of their key.
                return name + " w" + std::to_string(c.window) + " " +
                       (c.personKey.size() == 64 ? "person " + c.personKey.substr(62)
                                                 : "[" + c.personKey + "]");
            },
            [&](const UndoCall& c) { return name + " w" + std::to_string(c.window); },
            [&](const CancelTicket& c) { return name + " #" + std::to_string(c.ticket); },
            [&](const Rate& c) {
                return name + " #" + std::to_string(c.ticket) + " level " +
                       std::to_string(static_cast<int>(c.level)) + " reasons " +
                       std::to_string(c.reasons.size()) + " comment " +
                       std::to_string(c.comment.size()) + "B" +
                       (c.keyEvaluator ? " key evaluator" : "");
            },
            [&](const Tick&) { return name; },
            [&](const LeaseNumbers& c) {
                return name + " " + c.serviceId + " x" + std::to_string(c.count) + " for " +
                       c.sourceDevice;
            },
            [&](const IssueLeasedTicket& c) {
                return name + " lease " + std::to_string(c.lease) + " " + c.number + " by " +
                       c.sourceDevice + " at " +
                       std::to_string(c.issuedAt.time_since_epoch().count()) + " " +
                       std::string(priorityName(c.priority)) +
                       (c.personKey.empty() ? "" : " " + c.personKey);
            },
            [&](const CheckIn& c) {
                return name + " " + c.booking.id + " " + c.booking.serviceId + " slot " +
                       std::to_string(c.booking.slotStart.time_since_epoch().count()) + " by " +
                       c.sourceDevice +
                       (c.booking.personKey.empty() ? "" : " " + c.booking.personKey);
            },
        },
        command);
}

} // namespace hall::core::testing
