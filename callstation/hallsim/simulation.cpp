#include "callstation/hallsim/simulation.h"

#include "callstation/hallsim/arrivals.h"
#include "callstation/hallsim/model_draws.h"
#include "shared/core/time.h"
#include "callstation/hallsim/zh_text.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <queue>
#include <random>
#include <set>
#include <vector>

namespace hall::sim {

using core::ErrorCode;
using core::Millis;
using core::TicketId;
using core::Timestamp;
using std::chrono::duration_cast;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {

constexpr int kLunchStart = 12 * 60;
constexpr int kLunchLatest = 12 * 60 + 30; // a busy window breaks by then if others cover it
constexpr int kLunchEnd = 13 * 60 + 25;    // paused windows reopen around 13:30
constexpr int kReliefUntil = 13 * 60 + 30; // relief clerks stay into the afternoon rush
constexpr auto kHardStopAfterClose = std::chrono::hours(3);


template <typename T> const T* findEvent(const core::Decision& d) {
    for (const auto& e : d.events)
        if (const auto* body = std::get_if<T>(&e.body)) return body;
    return nullptr;
}

} // namespace

struct HallSimulation::Impl {
    enum class Lunch { None, Pause, Relief };

    struct Desk {
        int number = 0;
        std::string name;
        std::vector<std::string> services;
        Timestamp closesAt{}; // after this and with nothing left, the clerk signs out
        std::string regular;  // the window's clerk
        std::string relief;   // takes over at lunch (Lunch::Relief)
        std::string onDuty;   // who is signed in now
        Lunch lunch = Lunch::None;
        Timestamp signInAt{};
        bool signedIn = false;
        bool paused = false;
        bool done = false;
        bool lunchPending = false;
        bool returnPending = false;
        std::optional<TicketId> current;
        int recalls = 0;
        std::optional<Timestamp> readyAt; // the pending "what next?" step, if any
    };

    struct Citizen {
        Timestamp presentFrom{}; // near the windows from then on; max() = gone for good
        bool rates = false;
    };

    struct Step {
        Timestamp at;
        std::uint64_t seq;
        std::function<void()> action;
    };
    struct Later {
        bool operator()(const Step& a, const Step& b) const {
            return a.at != b.at ? a.at > b.at : a.seq > b.seq;
        }
    };

    store::DurableEngine& durable;
    SimProfile profile;
    core::BusinessDay day;
    std::mt19937_64 rng;
    SimCallbacks cb;
    SimSummary summary;

    std::priority_queue<Step, std::vector<Step>, Later> agenda;
    std::uint64_t nextSeq = 0;
    Timestamp now{};
    std::vector<Desk> desks;
    std::map<TicketId, Citizen> citizens;

    Impl(store::DurableEngine& e, SimProfile p, core::BusinessDay d, std::uint64_t seed,
         SimCallbacks c)
        : durable(e), profile(std::move(p)), day(d), rng(seed), cb(std::move(c)) {}

    // --- plumbing ------------------------------------------------------------------------

    const core::Engine& engine() const { return durable.engine(); }
    const core::HallConfig& config() const { return engine().config(); }
    Timestamp local(int minuteOfDay) const { return core::localToUtc(engine().zone(), day, minuteOfDay); }

    void at(Timestamp t, std::function<void()> action) {
        agenda.push(Step{std::max(t, now), nextSeq++, std::move(action)});
    }

    void say(const std::string& line) {
        if (cb.log) cb.log(now, line);
    }

    core::Result<core::Decision> exec(const core::Command& command) {
        ++summary.commands;
        summary.lastEvent = now;
        return durable.execute(command, now);
    }

    // A refusal the simulation did not plan for: reported, counted, and the day goes on.
    void unexpected(std::string_view what, const core::Error& e) {
        ++summary.unexpectedRefusals;
        say("（模拟异常）" + std::string(what) + " 被拒绝：" +
            std::string(core::errorCodeName(e.code)) + " " + e.message);
    }

    Millis secondsBetween(int lo, int hi) { return sim::secondsBetween(rng, lo, hi); }
    bool chance(double p) { return sim::chance(rng, p); }
    Millis serviceTime(const std::string& serviceId) {
        return sim::serviceTime(profile, serviceId, rng);
    }

    const std::string& serviceName(const std::string& id) const {
        static const std::string unknown = "?";
        const auto* s = config().findService(id);
        return s ? s->nameZh : unknown;
    }
    std::string staffName(const std::string& id) const {
        const auto* s = config().findStaff(id);
        return s ? s->name : id;
    }
    std::string windowText(const Desk& d) const { return std::to_string(d.number) + " 号窗口"; }

    bool serves(const Desk& d, const std::string& serviceId) const {
        return std::find(d.services.begin(), d.services.end(), serviceId) != d.services.end();
    }

    bool anyWaitingFor(const Desk& d) const {
        bool found = false;
        engine().forEachTicket([&](const core::Ticket& t) {
            if (found || t.day != day || t.state != core::TicketState::Waiting) return;
            found = t.targetWindow ? *t.targetWindow == d.number : serves(d, t.serviceId);
        });
        return found;
    }

    // Whether each service of window i is also offered by another window that stays open, so
    // that pausing i leaves nobody's queue without a window.
    bool coveredByOthers(std::size_t i) const {
        const auto& d = desks[i];
        return std::all_of(d.services.begin(), d.services.end(), [&](const std::string& s) {
            for (std::size_t j = 0; j < desks.size(); ++j) {
                const auto& o = desks[j];
                if (j != i && o.signedIn && !o.done && !o.paused &&
                    !(o.lunchPending && o.lunch == Lunch::Pause) && serves(o, s))
                    return true;
            }
            return false;
        });
    }

    int waitingTotal() const {
        int n = 0;
        for (const auto& [service, count] : engine().waitingByService())
            n += count;
        return n;
    }

    // --- windows -------------------------------------------------------------------------

    // Asks the window to decide what to do next after `delay` (merged with an earlier request).
    void ready(std::size_t i, Millis delay) {
        auto& d = desks[i];
        const auto t = now + delay;
        if (d.readyAt && *d.readyAt <= t) return;
        d.readyAt = t;
        at(t, [this, i, t] {
            if (desks[i].readyAt != t) return;
            desks[i].readyAt.reset();
            deskReady(i);
        });
    }

    void wakeFor(const std::string& serviceId) {
        for (std::size_t i = 0; i < desks.size(); ++i) {
            const auto& d = desks[i];
            if (d.signedIn && !d.paused && !d.done && !d.current && serves(d, serviceId))
                ready(i, secondsBetween(2, 10));
        }
    }

    void deskReady(std::size_t i) {
        auto& d = desks[i];
        if (!d.signedIn || d.done || d.paused || d.current) return;
        if (d.lunchPending &&
            (!anyWaitingFor(d) || (now >= local(kLunchLatest) && coveredByOthers(i)))) {
            takeLunch(i);
            return;
        }
        if (d.returnPending) endRelief(i);

        auto r = exec(core::CallNext{d.number, false});
        if (r) {
            called(i, *r->ticket);
            return;
        }
        if (r.error().code != ErrorCode::NothingToCall) unexpected("叫号", r.error());
        if (now >= d.closesAt && !anyWaitingFor(d)) {
            signOff(i);
            return;
        }
        ready(i, secondsBetween(60, 120)); // idle: look again in a while
    }

    void signIn(std::size_t i, const std::string& staffId) {
        auto& d = desks[i];
        auto r = exec(core::SignIn{d.number, staffId});
        if (!r) return unexpected("签到", r.error());
        d.signedIn = true;
        d.onDuty = staffId;
        const auto* s = config().findStaff(staffId);
        const auto* w = config().findWindow(d.number);
        say(staffName(staffId) +
            (s && !s->staffNumber.empty() ? "（工号 " + s->staffNumber + "）" : "") + " 签到 " +
            windowText(d) + (w && !w->name.empty() ? " · " + w->name : ""));
        ready(i, secondsBetween(5, 30));
    }

    void signOff(std::size_t i) {
        auto& d = desks[i];
        auto r = exec(core::SignOut{d.number});
        if (!r) return unexpected("签退", r.error());
        d.signedIn = false;
        d.done = true;
        int served = 0;
        if (auto stats = engine().statistics(day))
            if (auto it = stats->byWindow.find(d.number); it != stats->byWindow.end())
                served = it->second.served;
        say(staffName(d.onDuty) + " 签退 " + windowText(d) + "（本窗口今日办结 " +
            std::to_string(served) + " 件）");
    }

    void takeLunch(std::size_t i) {
        auto& d = desks[i];
        d.lunchPending = false;
        if (d.lunch == Lunch::Pause) {
            auto r = exec(core::PauseWindow{d.number, "午休"});
            if (!r) return unexpected("暂停", r.error());
            d.paused = true;
            ++summary.lunchPauses;
            say(windowText(d) + " 暂停服务（午休）");
            at(local(kLunchEnd) + secondsBetween(0, 600), [this, i] { resume(i); });
            return;
        }
        // Relief: the regular clerk signs out, the relief clerk signs in at the same window.
        swapClerk(i, d.relief);
        say(windowText(d) + " 换班：" + staffName(d.relief) + " 接替 " + staffName(d.regular) +
            "（午休）");
        at(local(kReliefUntil) + secondsBetween(0, 1800), [this, i] {
            desks[i].returnPending = true;
            ready(i, Millis(0));
        });
        ready(i, secondsBetween(20, 60));
    }

    void endRelief(std::size_t i) {
        auto& d = desks[i];
        d.returnPending = false;
        swapClerk(i, d.regular);
        say(windowText(d) + " 换班：" + staffName(d.regular) + " 午休归来");
    }

    void swapClerk(std::size_t i, const std::string& staffId) {
        auto& d = desks[i];
        if (auto r = exec(core::SignOut{d.number}); !r) return unexpected("换班签退", r.error());
        if (auto r = exec(core::SignIn{d.number, staffId}); !r) {
            d.signedIn = false;
            return unexpected("换班签到", r.error());
        }
        d.onDuty = staffId;
        ++summary.shiftChanges;
    }

    void resume(std::size_t i) {
        auto& d = desks[i];
        auto r = exec(core::ResumeWindow{d.number});
        if (!r) return unexpected("恢复服务", r.error());
        d.paused = false;
        say(windowText(d) + " 恢复服务");
        ready(i, secondsBetween(5, 20));
    }

    // --- one ticket at a window ----------------------------------------------------------

    void called(std::size_t i, TicketId id) {
        auto& d = desks[i];
        d.current = id;
        d.recalls = 0;
        ++summary.calls;
        const auto& t = *engine().ticket(id);
        std::string note;
        if (t.priority == core::PriorityClass::GreenChannel) note = "（绿色通道）";
        if (t.priority == core::PriorityClass::Appointment) note = "（预约）";
        if (t.noShows > 0) note = "（过号重排）";
        say("请 " + t.number + " 号到 " + std::to_string(d.number) + " 号窗口办理" + note);
        if (chance(profile.mistakenCallShare)) {
            at(now + secondsBetween(4, 12), [this, i, id] { undoCall(i, id); });
            return;
        }
        awaitCitizen(i, id, secondsBetween(15, 75));
    }

    void undoCall(std::size_t i, TicketId id) {
        auto& d = desks[i];
        if (d.current != id) return;
        auto r = exec(core::UndoCall{d.number});
        if (!r) {
            unexpected("撤销呼叫", r.error());
            return awaitCitizen(i, id, secondsBetween(15, 75));
        }
        d.current.reset();
        ++summary.undoneCalls;
        say(windowText(d) + " 撤销误呼 " + engine().ticket(id)->number + "（恢复原排队位置）");
        ready(i, secondsBetween(20, 60));
    }

    // The citizen hears the call: comes over (taking `walk`), or is not there.
    void awaitCitizen(std::size_t i, TicketId id, Millis walk) {
        if (citizens.at(id).presentFrom <= now) {
            at(now + walk, [this, i, id] { startServing(i, id); });
            return;
        }
        at(now + seconds(profile.recallIntervalSeconds), [this, i, id] { recallOrNoShow(i, id); });
    }

    void recallOrNoShow(std::size_t i, TicketId id) {
        auto& d = desks[i];
        if (d.current != id) return;
        if (citizens.at(id).presentFrom <= now) { // back just in time
            at(now + secondsBetween(10, 40), [this, i, id] { startServing(i, id); });
            return;
        }
        const auto& t = *engine().ticket(id);
        if (d.recalls < profile.recallsBeforeNoShow) {
            auto r = exec(core::Recall{d.number, false});
            if (!r) return unexpected("重呼", r.error());
            ++d.recalls;
            ++summary.recalls;
            say("再次呼叫 " + t.number + " 号到 " + std::to_string(d.number) + " 号窗口办理（第 " +
                std::to_string(d.recalls) + " 次）");
            at(now + seconds(profile.recallIntervalSeconds),
               [this, i, id] { recallOrNoShow(i, id); });
            return;
        }
        auto r = exec(core::MarkNoShow{d.number});
        if (!r) return unexpected("过号", r.error());
        d.current.reset();
        ++summary.noShows;
        const auto* e = findEvent<core::NoShowMarked>(*r);
        if (e && !e->final) {
            const auto delay = duration_cast<minutes>(e->eligibleAt - now).count();
            say(t.number + " 未到，过号；" + std::to_string(delay) + " 分钟后重新排队");
            const auto serviceId = t.serviceId;
            at(e->eligibleAt + seconds(1), [this, serviceId] { wakeFor(serviceId); });
        } else {
            ++summary.finalNoShows;
            say(t.number + " 未到，过号作废");
        }
        ready(i, secondsBetween(5, 15));
    }

    void startServing(std::size_t i, TicketId id) {
        auto& d = desks[i];
        if (d.current != id) return;
        auto r = exec(core::StartServing{d.number});
        if (!r) return unexpected("开始办理", r.error());
        const auto& t = *engine().ticket(id);
        const auto took = serviceTime(t.serviceId);
        if (chance(profile.transferShare)) {
            if (auto target = transferTarget(t.serviceId)) {
                const auto part = Millis(took.count() / 3);
                at(now + part, [this, i, id, to = *target] { transfer(i, id, to); });
                return;
            }
        }
        at(now + took, [this, i, id] { finish(i, id); });
    }

    // Another service that a window still at work offers (a transfer after the last window of
    // a service has signed out would strand the citizen); none if there is no such service.
    std::optional<std::string> transferTarget(const std::string& from) {
        std::vector<std::string> options;
        for (const auto& s : config().services) {
            if (s.id == from) continue;
            if (std::any_of(desks.begin(), desks.end(), [&](const Desk& d) {
                    return d.signedIn && !d.done && serves(d, s.id);
                }))
                options.push_back(s.id);
        }
        if (options.empty()) return std::nullopt;
        return options[std::uniform_int_distribution<std::size_t>(0, options.size() - 1)(rng)];
    }

    void transfer(std::size_t i, TicketId id, const std::string& toService) {
        auto& d = desks[i];
        if (d.current != id) return;
        auto r = exec(core::Transfer{d.number, toService, std::nullopt});
        if (!r) return unexpected("转办", r.error());
        d.current.reset();
        ++summary.transfers;
        const auto& t = *engine().ticket(id);
        say(t.number + " 由 " + windowText(d) + " 转至 " + serviceName(toService) +
            (config().queue.transferKeepsPlace ? "（保留原排队时间）" : "（重新排队）"));
        wakeFor(toService);
        ready(i, secondsBetween(10, 30));
    }

    void finish(std::size_t i, TicketId id) {
        auto& d = desks[i];
        if (d.current != id) return;
        auto r = exec(core::Finish{d.number});
        if (!r) return unexpected("办结", r.error());
        d.current.reset();
        ++summary.served;
        const auto& t = *engine().ticket(id);
        const auto took =
            t.finishedAt && t.servingSince ? *t.finishedAt - *t.servingSince : Millis(0);
        say(windowText(d) + " 办结 " + t.number + " " + serviceName(t.serviceId) + "（用时 " +
            durationZh(took) + "）");
        if (citizens.at(id).rates) at(now + secondsBetween(5, 40), [this, id] { rate(id); });
        ready(i, secondsBetween(10, 45));
    }

    void rate(TicketId id) {
        const core::Rate command = citizenRating(id, config().evaluation, profile, rng);
        auto r = exec(command);
        if (!r) return unexpected("评价", r.error());
        ++summary.ratings;
        const auto& t = *engine().ticket(id);
        std::string line = t.number + " 评价：" + std::string(core::ratingLabelZh(command.level));
        if (core::isBadRating(command.level)) {
            ++summary.badRatings;
            line += "（差评）原因：" + join(command.reasons, "、");
            if (!command.comment.empty()) line += " “" + command.comment + "”";
        }
        say(line);
    }

    // --- citizens ------------------------------------------------------------------------

    void arrive(const Arrival& a) {
        ++summary.arrivals;
        auto r = exec(a.request);
        if (!r) {
            ++summary.refusedIssues[r.error().code];
            say("取号未成功 " + serviceName(a.request.serviceId) + "：" + refusalZh(r.error()));
            return;
        }
        admit(*r->ticket);
        if (a.triesTwice)
            at(now + secondsBetween(60, 900), [this, request = a.request] { secondTry(request); });
    }

    // A citizen with a person key asks for another ticket of the same service.
    void secondTry(const core::IssueTicket& request) {
        ++summary.arrivals;
        auto r = exec(request);
        if (!r) {
            ++summary.refusedIssues[r.error().code];
            say("同一人再次申领 " + serviceName(request.serviceId) + "：" + refusalZh(r.error()));
            return;
        }
        admit(*r->ticket); // the first ticket was already finished: a new visit
    }

    void admit(TicketId id) {
        ++summary.issued;
        Citizen c;
        c.presentFrom = now;
        if (chance(profile.neverComesShare))
            c.presentFrom = Timestamp::max();
        else if (chance(profile.lateShare))
            c.presentFrom = now + duration_cast<Millis>(
                                      minutes(std::uniform_int_distribution<int>(3, 15)(rng)));
        c.rates = chance(profile.ratingShare);
        citizens.emplace(id, c);
        if (chance(profile.impatientShare)) {
            const auto patience = minutes(std::uniform_int_distribution<int>(10, 30)(rng));
            at(now + patience, [this, id] { giveUp(id); });
        }

        const auto& t = *engine().ticket(id);
        std::string tag;
        if (t.priority == core::PriorityClass::GreenChannel)
            tag = "【绿色通道·" + greenCategoryZh(t.greenCategory) + "】";
        if (t.priority == core::PriorityClass::Appointment && t.appointment)
            tag = "【预约 " +
                  core::formatLocalClock(engine().zone(), t.appointment->slotStart).substr(0, 5) +
                  "】";
        std::string line = t.number + " 取号 " + serviceName(t.serviceId) + tag;
        if (auto pos = engine().position(id, now)) {
            line += "（等候 " + std::to_string(pos->ahead) + " 人";
            if (pos->estimatedWait && pos->ahead > 0)
                line += "，预计 " +
                        std::to_string((duration_cast<seconds>(*pos->estimatedWait).count() + 59) /
                                       60) +
                        " 分钟";
            line += "）";
        }
        say(line);
        wakeFor(t.serviceId);
    }

    void giveUp(TicketId id) {
        const auto* t = engine().ticket(id);
        if (!t || t->state != core::TicketState::Waiting) return;
        auto r = exec(core::CancelTicket{id, core::CancelReason::Citizen});
        if (!r) return unexpected("取消排队", r.error());
        ++summary.cancelled;
        say(t->number + " 等候 " + durationZh(now - t->issuedAt) + " 后离开，取消排队");
    }

    // --- the day ---------------------------------------------------------------------------

    void setUpDesks() {
        const auto& cfg = config();
        std::size_t nextStaff = 0;
        for (const auto& w : cfg.windows) {
            Desk d;
            d.number = w.number;
            d.name = w.name;
            int closes = 0;
            for (const auto& ws : w.services) {
                d.services.push_back(ws.serviceId);
                const auto* s = cfg.findService(ws.serviceId);
                int last = profile.hallCloseMinute;
                if (s && !s->openAtNight && !s->hours.empty()) {
                    last = 0;
                    for (const auto& h : s->hours)
                        last = std::max(last, h.closeMinute);
                    last = std::min(last, profile.hallCloseMinute);
                }
                closes = std::max(closes, last);
            }
            d.closesAt = local(closes);
            if (nextStaff < cfg.staff.size()) d.regular = cfg.staff[nextStaff++].id;
            desks.push_back(std::move(d));
        }
        // Staff beyond one per window are relief clerks: they cover the busiest (first) windows
        // at lunch. Every third window closes for lunch instead; the rest eat in turns, unseen.
        int staffed = 0;
        for (auto& d : desks) {
            if (d.regular.empty()) continue;
            if (staffed++ % 3 == 2)
                d.lunch = Lunch::Pause;
            else if (nextStaff < cfg.staff.size()) {
                d.lunch = Lunch::Relief;
                d.relief = cfg.staff[nextStaff++].id;
            }
        }
    }

    void scheduleDay() {
        const int open = profile.hallOpenMinute;
        for (std::size_t i = 0; i < desks.size(); ++i) {
            if (desks[i].regular.empty()) {
                desks[i].done = true;
                at(local(open),
                   [this, i] { say(windowText(desks[i]) + " 今日无人值守（工作人员不足）"); });
                continue;
            }
            // Most clerks are at the window a few minutes early; one in ten is late.
            const auto when = chance(0.1) ? local(open) + secondsBetween(60, 600)
                                          : local(open) - secondsBetween(120, 720);
            at(when, [this, i] { signIn(i, desks[i].regular); });
        }
        at(local(kLunchStart), [this] {
            for (std::size_t i = 0; i < desks.size(); ++i) {
                if (desks[i].lunch == Lunch::None || desks[i].done) continue;
                desks[i].lunchPending = true;
                ready(i, Millis(0));
            }
        });

        // Closing announcements: issuing stops, the windows serve whoever holds a ticket.
        std::map<int, std::vector<std::string>> closings;
        for (const auto& s : config().services) {
            if (s.openAtNight || s.hours.empty()) continue;
            int last = 0;
            for (const auto& h : s.hours)
                last = std::max(last, h.closeMinute);
            if (last <= profile.hallCloseMinute) closings[last].push_back(s.nameZh);
        }
        for (const auto& [minute, names] : closings)
            at(local(minute), [this, names = names] {
                say("停止取号：" + join(names, "、") + "（仍有 " + std::to_string(waitingTotal()) +
                    " 人等候，窗口继续办理）");
            });
        at(local(profile.hallCloseMinute), [this] {
            const auto busy = std::count_if(desks.begin(), desks.end(),
                                            [](const Desk& d) { return d.current.has_value(); });
            say("闭厅时间到" +
                (busy > 0 ? "（仍有 " + std::to_string(busy) + " 个窗口在办理）" : std::string()));
            // Idle windows sign out now rather than at their next look at the queue.
            for (std::size_t i = 0; i < desks.size(); ++i)
                if (!desks[i].done) ready(i, secondsBetween(5, 60));
        });
        at(local((open / 60 + 1) * 60), [this] { hourly(); });
    }

    // On the hour: the engine's Tick (day rollover, unrated policy) and a status line.
    void hourly() {
        const bool working =
            std::any_of(desks.begin(), desks.end(), [](const Desk& d) { return !d.done; });
        if (!working) return;
        if (auto r = exec(core::Tick{}); !r) unexpected("tick", r.error());
        std::string parts;
        for (const auto& [serviceId, count] : engine().waitingByService())
            if (count > 0)
                parts += (parts.empty() ? "" : " · ") + serviceName(serviceId) + " " +
                         std::to_string(count);
        const auto open = std::count_if(desks.begin(), desks.end(),
                                        [](const Desk& d) { return d.signedIn && !d.paused; });
        say("── 等候 " + std::to_string(waitingTotal()) + " 人" +
            (parts.empty() ? "" : "（" + parts + "）") + "，开放窗口 " + std::to_string(open) +
            " 个");
        at(now + std::chrono::hours(1), [this] { hourly(); });
    }

    SimSummary run() {
        summary.day = day;
        setUpDesks();
        auto arrivals = planArrivals(config(), engine().zone(), day, profile, rng);
        for (auto& a : arrivals) {
            const auto when = a.at;
            at(when, [this, a = std::move(a)] { arrive(a); });
        }
        scheduleDay();

        const auto hardStop = local(profile.hallCloseMinute) + kHardStopAfterClose;
        bool first = true;
        while (!agenda.empty()) {
            Step step = agenda.top();
            agenda.pop();
            if (step.at > hardStop) break;
            if (cb.pace && !cb.pace(step.at)) {
                summary.stoppedEarly = true;
                break;
            }
            now = step.at;
            if (first) summary.firstEvent = now;
            first = false;
            step.action();
        }
        return summary;
    }
};

HallSimulation::HallSimulation(store::DurableEngine& engine, SimProfile profile,
                               core::BusinessDay day, std::uint64_t seed, SimCallbacks callbacks)
    : d_(std::make_unique<Impl>(engine, std::move(profile), day, seed, std::move(callbacks))) {}

HallSimulation::~HallSimulation() = default;

SimSummary HallSimulation::run() {
    return d_->run();
}

} // namespace hall::sim
