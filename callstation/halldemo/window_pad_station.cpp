#include "callstation/halldemo/window_pad_station.h"

#include "callstation/halldemo/control_line.h"
#include "callstation/hallsim/model_draws.h"
#include "shared/core/evaluation.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <random>
#include <stdexcept>
#include <thread>

namespace hall::demo {

namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

constexpr int kSignInMinute = 8 * 60 + 20;
constexpr int kHardStopMinute = 20 * 60; // as the other windows: still busy then, the clerk stops

// The clerk face's large action in the pad's zh_CN words (kWindowPadOptions), as it reads with
// nobody at the window, with a citizen called, and while serving. (After a finish it offers to
// call the next citizen at once while the rating is awaited.)
const std::string kCallNext = "叫号";
const std::string kStart = "群众已到，开始办理";
const std::string kFinish = "办结并叫下一位";
// The faces' window titles, for their screenshots.
const std::string kClerkFace = "呼叫器";
const std::string kCitizenFace = "评价器";

// The citizen face ignores a press this soon after the levels appear (the clerk's hand that just
// pressed "finish"), with a margin for the poll that saw them appear.
constexpr auto kPressGuard = 1200ms;
// What a touch did shows on the pad within this, even on a loaded machine.
constexpr auto kAnswer = std::chrono::milliseconds(15s);

class PadClerk {
public:
    PadClerk(DemoHall& hall, const WindowPadStation& station, std::uint64_t seed)
        : hall_(hall), station_(station), rng_(seed) {
        // A reason is tapped by its button's name, and a control line's words end at a space.
        for (const auto& reason : hall_.config.evaluation.reasons)
            if (reason.find(' ') == std::string::npos) reasons_.push_back(reason);
    }

    void run() {
        if (!signIn()) return;
        int emptyChecksAfterIssuing = 0;
        for (;;) {
            const std::string called = calledNumber();
            if (hall_.stop.load() || hall_.time.now() >= hall_.local(kHardStopMinute)) break;
            if (!called.empty()) {
                emptyChecksAfterIssuing = 0;
                attend(called);
                continue;
            }
            if (callNext()) {
                emptyChecksAfterIssuing = 0;
                continue;
            }
            if (hall_.stop.load()) break;
            // Nothing to call. Once no citizen comes any more, an empty queue twice in a row (a
            // transfer from another window may still arrive) ends the shift.
            if (hall_.issuingOver.load() && ++emptyChecksAfterIssuing >= 2) break;
            // A look at the queue every two hall minutes, and not more than four times a second.
            const auto floor = core::Millis(static_cast<std::int64_t>(250 * hall_.time.speed()));
            if (!rest(std::max<core::Millis>(std::chrono::minutes(2), floor))) break;
        }
        if (!hall_.stop.load()) signOut();
    }

private:
    std::string windowText() const { return std::to_string(station_.window.number) + " 号窗口"; }

    // A property of the object `name` on either face; nullopt while the pad shows no such object.
    std::optional<std::string> read(const std::string& name, const std::string& property) const {
        try {
            return station_.pad.ask("get " + name + " " + property);
        } catch (const ControlError&) {
            return std::nullopt;
        }
    }
    bool shows(const std::string& name) const { return read(name, "visible") == "true"; }
    std::string action() const { return read("mainAction", "text").value_or(""); }
    bool actionEnabled() const { return read("mainAction", "enabled") == "true"; }
    std::string number() const { return read("currentNumber", "text").value_or(""); }
    // The ticket at the window. Called by a touch, or by the pad itself once the last citizen had
    // rated: each call is counted when first seen, even if the day stops there.
    std::string calledNumber() {
        std::string called = number();
        if (!called.empty() && called != lastCalled_) {
            lastCalled_ = called;
            ++hall_.tally.calls;
        }
        return called;
    }
    // No ticket at the window and no action on its way (the clerk may sign out).
    bool deskFree() const { return read("signOutButton", "enabled") == "true"; }
    // Whether a condition has held for a moment: a call's answer may come a little before the
    // ticket it called.
    struct Held {
        Clock::time_point since{};
        bool holding = false;
        bool operator()(bool holds) {
            if (!holds) return holding = false;
            if (!holding) {
                holding = true;
                since = Clock::now();
            }
            return Clock::now() - since >= 500ms;
        }
    };
    // A touch of the visible, enabled item `name`; false when there is none to touch (yet: a
    // layout that has just appeared is placed at the next frame).
    bool touch(const std::string& name) {
        try {
            station_.pad.ask("tap " + name);
            return true;
        } catch (const ControlError&) {
            return false;
        }
    }

    // Polls until `done` holds (true), or the demo stops or `timeout` passes (false); the hour's
    // screens are saved meanwhile.
    template <typename Done> bool waitFor(Done done, std::chrono::milliseconds timeout = kAnswer) {
        const auto deadline = Clock::now() + timeout;
        while (!hall_.stop.load()) {
            shootHour();
            if (done()) return true;
            if (Clock::now() > deadline) return false;
            std::this_thread::sleep_for(50ms);
        }
        return false;
    }

    // The pad did not show what the touch should have done: the demo fails, naming what it
    // shows. Nothing to say when the demo is stopping anyway.
    void stuck(const std::string& what) const {
        if (hall_.stop.load()) return;
        throw std::runtime_error(what + " (the clerk face shows \"" + action() + "\", ticket \"" +
                                 number() + "\")");
    }

    // Hall time passing at the window, each full hour's screens saved on the way; false when the
    // demo stops.
    bool restUntil(core::Timestamp until) {
        for (;;) {
            shootHour();
            const auto now = hall_.time.now();
            auto next = until;
            if (const int hour = (core::toLocal(*hall_.zone, now).minuteOfDay / 60 + 1) * 60;
                hour < 24 * 60) {
                const auto mark = hall_.local(hour);
                if (mark > now && mark < until) next = mark;
            }
            if (!hall_.time.sleepUntil(next, hall_.stop)) return false;
            if (next == until) return true;
        }
    }
    bool rest(core::Millis hallTime) { return restUntil(hall_.time.now() + hallTime); }

    // Both faces at the first look in each hall hour, stamped with the hour.
    void shootHour() {
        if (!station_.screens) return;
        const int hour = core::toLocal(*hall_.zone, hall_.time.now()).minuteOfDay / 60;
        if (hour == shotHour_) return;
        shotHour_ = hour;
        char stamp[16];
        std::snprintf(stamp, sizeof stamp, "%02d00", hour);
        const auto file = [&](const char* face) {
            return (*station_.screens / (std::string(stamp) + "-window-pad-" + face + ".png"))
                .string();
        };
        station_.pad.ask("shot " + file("clerk") + " " + kClerkFace);
        station_.pad.ask("shot " + file("citizen") + " " + kCitizenFace);
    }

    // An engine request for the window through the admin's REST operations; a refusal is
    // counted and logged as the other terminals' are.
    bool operate(const std::string& type, const nlohmann::json& body, const char* what) {
        const auto reply =
            station_.controller.admin().post("/api/v1/operations/" + type, body.dump());
        if (reply.ok()) return true;
        ++hall_.tally.unexpected;
        hall_.log.say("模拟异常 " + windowText() + " " + what + "（hall-windowpad）：HTTP " +
                      std::to_string(reply.status) + " " + reply.body);
        return false;
    }

    // The admin signs the clerk in, as for staff without a PIN; the clerk face then shows the
    // desk.
    bool signIn() {
        // As the other clerks: at the desk a little before opening.
        if (!restUntil(hall_.local(kSignInMinute) + sim::secondsBetween(rng_, 0, 540)))
            return false;
        if (!operate("sign_in", {{"window", station_.window.number}, {"staff", station_.staff.id}},
                     "签到"))
            return false;
        if (!waitFor([&] { return !action().empty(); })) {
            stuck("hall-windowpad did not show the clerk signed in");
            return false;
        }
        hall_.log.say(windowText() + " " + station_.staff.name + " 签到（hall-windowpad）");
        return true;
    }

    // True when a number is called; false when nobody is waiting for this window.
    bool callNext() {
        // The call buttons are locked for a moment after a call (a double tap never calls twice)
        // and one action runs at a time. After a call that found nobody, the clerk face may keep
        // "call next" grey until the hall's next change reaches the pad: nothing to call now.
        bool tapped = false;
        Held nobody;
        if (!waitFor([&] {
                if (!number().empty()) return true;
                if (actionEnabled()) return tapped = touch("mainAction");
                return nobody(deskFree());
            })) {
            stuck("hall-windowpad's call next stayed disabled");
            return false;
        }
        if (!tapped) return !number().empty();
        // Busy while the call is on its way: then a number, or the desk free again with none.
        Held answered;
        if (!waitFor([&] { return !number().empty() || answered(deskFree()); })) {
            stuck("hall-windowpad did not answer call next");
            return false;
        }
        return !number().empty();
    }

    void attend(const std::string& called) {
        const core::Service* service = serviceOf(called);
        if (action() == kStart) {
            // The citizen walks up to the counter.
            if (!rest(sim::secondsBetween(rng_, 15, 75))) return;
            if (!waitFor([&] { return touch("mainAction"); }))
                return stuck("hall-windowpad's start stayed disabled");
            if (!waitFor([&] { return action() == kFinish; }))
                return stuck("hall-windowpad did not start serving " + called);
        }
        if (!rest(service ? sim::serviceTime(hall_.profile, service->id, rng_)
                          : sim::secondsBetween(rng_, 300, 900)))
            return;
        if (!waitFor([&] { return action() == kFinish && touch("mainAction"); }))
            return stuck("hall-windowpad's finish and call next stayed disabled");
        if (!waitFor([&] { return number() != called; }))
            return stuck("hall-windowpad did not finish " + called);
        ++hall_.tally.served;
        ++hall_.tally.padServed;
        hall_.log.say(windowText() + " 办结 " + called + " " +
                      (service ? hall_.serviceName(service->id) : std::string()) +
                      "（hall-windowpad）");
        // The citizen face asks for the rating of the visit that just ended.
        if (waitFor([&] { return shows("level5"); }, 5s)) rate(called);
    }

    // Mostly content; now and then 基本满意, rarely 不满意 with one of the hall's reasons.
    void rate(const std::string& called) {
        const auto asked = Clock::now();
        const double draw = std::uniform_real_distribution<double>(0, 1)(rng_);
        int level = draw < 0.55 ? 5 : draw < 0.85 ? 4 : draw < 0.95 ? 3 : 2;
        if (level == 2 && reasons_.empty()) level = 3;
        const bool bad = core::isBadRating(static_cast<core::RatingLevel>(level));
        // The citizen reads the question; a press in the pad's first second would be ignored.
        if (!rest(sim::secondsBetween(rng_, 5, 20))) return;
        std::this_thread::sleep_until(asked + kPressGuard);
        const std::string button = "level" + std::to_string(level);
        if (!waitFor([&] { return touch(button) && !shows("level5"); }))
            return stuck("hall-windowpad's citizen face did not take " + button);
        std::string reason;
        if (bad) {
            reason =
                reasons_[std::uniform_int_distribution<std::size_t>(0, reasons_.size() - 1)(rng_)];
            if (!waitFor([&] { return touch("reason_" + reason); }))
                return stuck("hall-windowpad did not offer the reason " + reason);
            if (!waitFor([&] { return touch("submitRating") && !shows("submitRating"); }))
                return stuck("hall-windowpad did not send the bad rating");
        }
        ++hall_.tally.ratings;
        ++hall_.tally.padRated;
        std::string line = called + " 评价：" +
                           std::string(core::ratingLabelZh(static_cast<core::RatingLevel>(level)));
        if (bad) {
            ++hall_.tally.badRatings;
            line += "（差评）原因：" + reason;
        }
        hall_.log.say(line + "（hall-windowpad 评价器）");
        // The rating leaves through the pad's outbox; "finish and call next" calls the next
        // citizen once the controller has it (at the latest after the hall's rating time): wait
        // for that call's answer, a number or nobody waiting.
        const auto ratingTime = std::chrono::seconds(hall_.config.evaluation.ratingSeconds);
        Held answered;
        if (!waitFor(
                [&] { return !number().empty() || answered(action() == kCallNext && deskFree()); },
                ratingTime + kAnswer))
            stuck("hall-windowpad did not call the next citizen after the rating of " + called);
    }

    // By the admin too: the clerk face's sign-out sits under the technician menu's corner.
    void signOut() {
        if (!calledNumber().empty()) return; // stopped with a citizen at the counter
        if (!operate("sign_out", {{"window", station_.window.number}}, "签退")) return;
        if (!waitFor([&] { return action().empty(); }))
            return stuck("hall-windowpad did not show the clerk signed out");
        hall_.log.say(windowText() + " " + station_.staff.name + " 签退（hall-windowpad）");
    }

    // The service of a number, by its prefix ("A" of A012).
    const core::Service* serviceOf(const std::string& number) const {
        const core::Service* found = nullptr;
        for (const auto& service : hall_.config.services) {
            const auto& prefix = service.prefix;
            if (!prefix.empty() && number.size() > prefix.size() && number.starts_with(prefix) &&
                std::isdigit(static_cast<unsigned char>(number[prefix.size()])) &&
                (!found || prefix.size() > found->prefix.size()))
                found = &service;
        }
        return found;
    }

    DemoHall& hall_;
    const WindowPadStation& station_;
    std::mt19937_64 rng_;
    std::vector<std::string> reasons_;
    std::string lastCalled_;
    int shotHour_ = -1;
};

} // namespace

void runWindowPad(DemoHall& hall, const WindowPadStation& station, std::uint64_t seed) {
    PadClerk(hall, station, seed).run();
}

} // namespace hall::demo
