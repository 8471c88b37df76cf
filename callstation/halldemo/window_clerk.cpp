#include "callstation/halldemo/window_clerk.h"

#include "shared/core/evaluation.h"
#include "callstation/hallsim/model_draws.h"
#include "callstation/hallsim/zh_text.h"

#include <algorithm>
#include <span>

namespace hall::demo {

namespace {

constexpr int kSignInMinute = 8 * 60 + 20;
constexpr int kLunchStart = 12 * 60;
constexpr int kLunchLatest = 12 * 60 + 30; // a busy window breaks by then all the same
constexpr int kLunchEnd = 13 * 60 + 25;
// Windows still busy this long after the hall closes stop where they are.
constexpr int kHardStopMinute = 20 * 60;

} // namespace

WindowClerk::WindowClerk(DemoHall& hall, DemoTerminal pad, ClerkShift shift, std::uint64_t seed)
    : hall_(hall), pad_(std::move(pad)), shift_(shift), rng_(seed) {}

std::string WindowClerk::windowText() const {
    return std::to_string(shift_.window->number) + " 号窗口";
}

bool WindowClerk::idle(core::Millis hallTime) {
    return idleUntil(hall_.time, hall_.time.now() + hallTime, std::span(&pad_, 1), hall_.stop);
}

const protocol::CommandResult* WindowClerk::act(protocol::RequestBody body, const char* what) {
    last_ = pad_.request(std::move(body), hall_.stop);
    if (const auto* result = commandResult(last_)) return result;
    if (const auto* error = refusal(last_); error && error->code != "nothing_to_call") {
        ++hall_.tally.unexpected;
        hall_.log.say("模拟异常 " + windowText() + " " + what + "：" + error->code + " " +
                      error->message);
    }
    return nullptr;
}

void WindowClerk::run() {
    if (!signIn()) return;
    bool lunched = false;
    int emptyChecksAfterIssuing = 0;
    while (!hall_.stop.load() && hall_.time.now() < hall_.local(kHardStopMinute)) {
        const bool lunchDue = shift_.lunchBreak && !lunched;
        if (lunchDue && hall_.time.now() >= hall_.local(kLunchLatest)) {
            lunch();
            lunched = true;
            continue;
        }
        if (auto ticket = callNext()) {
            emptyChecksAfterIssuing = 0;
            switch (attend(*ticket)) {
            case Outcome::Served: idle(sim::secondsBetween(rng_, 10, 45)); break;
            case Outcome::Transferred: idle(sim::secondsBetween(rng_, 10, 30)); break;
            case Outcome::NoShow: idle(sim::secondsBetween(rng_, 5, 15)); break;
            }
            continue;
        }
        if (hall_.stop.load()) break;
        if (lunchDue && hall_.time.now() >= hall_.local(kLunchStart)) {
            lunch(); // the queue is empty: a good moment
            lunched = true;
            continue;
        }
        // Nothing to call. Once no citizen comes any more, an empty queue twice in a row (a
        // transfer from another window may still arrive) ends the shift.
        if (hall_.issuingOver.load() && ++emptyChecksAfterIssuing >= 2) break;
        waitForWork(std::chrono::minutes(2));
    }
    signOut();
}

bool WindowClerk::signIn() {
    // Most clerks are at their desk before opening; one in ten comes a few minutes late.
    auto at = hall_.local(kSignInMinute) + sim::secondsBetween(rng_, 0, 540);
    if (sim::chance(rng_, 0.1)) at = hall_.local(8 * 60 + 30) + sim::secondsBetween(rng_, 60, 600);
    if (!idleUntil(hall_.time, at, std::span(&pad_, 1), hall_.stop)) return false;
    if (!act(core::SignIn{shift_.window->number, shift_.staff->id}, "签到")) return false;
    hall_.log.say(windowText() + " " + shift_.staff->name + " 签到");
    return true;
}

void WindowClerk::lunch() {
    if (!act(core::PauseWindow{shift_.window->number, "午休"}, "暂停")) return;
    hall_.log.say(windowText() + " 午休暂停");
    idleUntil(hall_.time, hall_.local(kLunchEnd) + sim::secondsBetween(rng_, 0, 600),
              std::span(&pad_, 1), hall_.stop);
    if (act(core::ResumeWindow{shift_.window->number}, "恢复")) hall_.log.say(windowText() + " 恢复办理");
}

std::optional<protocol::TicketView> WindowClerk::callNext() {
    const auto* result = act(core::CallNext{shift_.window->number, false}, "叫号");
    if (!result || !result->ticket) return std::nullopt;
    ++hall_.tally.calls;
    return result->ticket;
}

WindowClerk::Outcome WindowClerk::attend(const protocol::TicketView& ticket) {
    const int window = shift_.window->number;
    // The citizen walks up; one who does not come is recalled at intervals, then marked.
    for (int recalls = 0;; ++recalls) {
        idle(recalls == 0 ? sim::secondsBetween(rng_, 15, 75)
                          : std::chrono::seconds(hall_.profile.recallIntervalSeconds));
        if (hall_.stop.load()) return Outcome::NoShow;
        if (hall_.citizens.presentAt(ticket.id, hall_.time.now())) break;
        if (recalls < hall_.profile.recallsBeforeNoShow) {
            if (act(core::Recall{window, false}, "重呼")) ++hall_.tally.recalls;
            continue;
        }
        const auto* result = act(core::MarkNoShow{window}, "过号");
        if (!result) return Outcome::NoShow;
        ++hall_.tally.noShows;
        const bool isFinal = result->ticket && result->ticket->state == core::TicketState::NoShow;
        if (isFinal) ++hall_.tally.finalNoShows;
        hall_.log.say(ticket.number + " 未到，" + windowText() +
                      (isFinal ? " 过号作废" : " 过号（重新排队）"));
        return Outcome::NoShow;
    }

    if (!act(core::StartServing{window}, "开始办理")) return Outcome::NoShow;
    idle(sim::serviceTime(hall_.profile, ticket.serviceId, rng_));
    if (sim::chance(rng_, hall_.profile.transferShare) && hall_.config.services.size() > 1) {
        std::vector<std::string> others;
        for (const auto& service : hall_.config.services)
            if (service.id != ticket.serviceId) others.push_back(service.id);
        const auto& to = others[std::uniform_int_distribution<std::size_t>(0, others.size() - 1)(rng_)];
        if (act(core::Transfer{window, to, std::nullopt}, "转办")) {
            ++hall_.tally.transfers;
            hall_.log.say(ticket.number + " 由 " + windowText() + " 转至 " + hall_.serviceName(to));
            return Outcome::Transferred;
        }
    }
    serve(ticket);
    return Outcome::Served;
}

void WindowClerk::serve(const protocol::TicketView& ticket) {
    const auto* result = act(core::Finish{shift_.window->number}, "办结");
    if (!result) return;
    ++hall_.tally.served;
    hall_.log.say(windowText() + " 办结 " + ticket.number + " " +
                  hall_.serviceName(ticket.serviceId));
    if (hall_.citizens.rates(ticket.id)) rate(ticket);
}

void WindowClerk::rate(const protocol::TicketView& ticket) {
    // The citizen takes a few seconds at the evaluation pad.
    idle(sim::secondsBetween(rng_, 5, 20));
    const auto rating =
        sim::citizenRating(ticket.id, hall_.config.evaluation, hall_.profile, rng_);
    if (!act(rating, "评价")) return;
    ++hall_.tally.ratings;
    std::string line = ticket.number + " 评价：" + std::string(core::ratingLabelZh(rating.level));
    if (core::isBadRating(rating.level)) {
        ++hall_.tally.badRatings;
        line += "（差评）原因：" + sim::join(rating.reasons, "、");
        if (!rating.comment.empty()) line += " “" + rating.comment + "”";
    }
    hall_.log.say(line);
}

void WindowClerk::waitForWork(core::Millis patience) {
    const auto until = hall_.time.now() + patience;
    const auto serves = [&](const std::string& serviceId) {
        return std::any_of(shift_.window->services.begin(), shift_.window->services.end(),
                           [&](const auto& s) { return s.serviceId == serviceId; });
    };
    // Pushes queued so far were sent before the answer that found nothing to call: stale.
    pad_.connection().takePushes();
    while (!hall_.stop.load() && hall_.time.now() < until) {
        pad_.keepAlive(hall_.stop);
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            hall_.time.wallFor(until - hall_.time.now()));
        const auto push = pad_.connection().nextPush(std::clamp(left, std::chrono::milliseconds(1),
                                                                std::chrono::milliseconds(1000)));
        if (!push) continue;
        const auto* queues = std::get_if<protocol::QueueState>(&push->body);
        if (!queues) continue;
        for (const auto& q : queues->services)
            if (q.waiting > 0 && serves(q.serviceId)) return;
    }
}

void WindowClerk::signOut() {
    if (act(core::SignOut{shift_.window->number}, "签退"))
        hall_.log.say(windowText() + " " + shift_.staff->name + " 签退");
}

} // namespace hall::demo
