#include "shared/core/hall_config.h"

#include "shared/core/commands.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>

namespace hall::core {

const Service* HallConfig::findService(std::string_view id) const {
    for (const auto& s : services)
        if (s.id == id) return &s;
    return nullptr;
}

const Window* HallConfig::findWindow(int number) const {
    for (const auto& w : windows)
        if (w.number == number) return &w;
    return nullptr;
}

const Staff* HallConfig::findStaff(std::string_view id) const {
    for (const auto& s : staff)
        if (s.id == id) return &s;
    return nullptr;
}

const Direction* HallConfig::directionFor(std::string_view device, int window) const {
    if (!device.empty())
        for (const auto& b : boards)
            if (b.device == device)
                for (const auto& d : b.directions)
                    if (d.window == window) return &d.direction;
    const Window* w = findWindow(window);
    return w && w->direction ? &*w->direction : nullptr;
}

namespace {

std::string at(std::string_view list, std::size_t i) {
    return std::string(list) + "[" + std::to_string(i) + "]";
}

bool isPrefix(const std::string& p) {
    return (p.size() == 1 || p.size() == 2) &&
           std::all_of(p.begin(), p.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

class Checker {
public:
    void require(bool ok, std::string field, std::string message) {
        if (!ok) errors.push_back({std::move(field), std::move(message)});
    }
    std::vector<ConfigError> errors;
};

void checkServices(const HallConfig& c, Checker& check) {
    check.require(!c.services.empty(), "services", "at least one service is needed");
    std::set<std::string> ids;
    std::map<std::string, std::size_t> prefixes;
    for (std::size_t i = 0; i < c.services.size(); ++i) {
        const auto& s = c.services[i];
        const auto f = at("services", i);
        check.require(!s.id.empty(), f + ".id", "must not be empty");
        check.require(s.id.empty() || ids.insert(s.id).second, f + ".id",
                      "duplicate service id '" + s.id + "'");
        check.require(!s.nameZh.empty(), f + ".name_zh", "must not be empty");
        if (!c.departments.empty() || !s.departmentId.empty())
            check.require(std::any_of(c.departments.begin(), c.departments.end(),
                                      [&](const Department& d) { return d.id == s.departmentId; }),
                          f + ".department",
                          s.departmentId.empty() ? "the hall has departments: name this service's"
                                                 : "unknown department '" + s.departmentId + "'");
        if (!isPrefix(s.prefix)) {
            check.require(false, f + ".prefix",
                          "must be 1 or 2 upper-case letters A-Z, got '" + s.prefix + "'");
        } else if (auto [it, fresh] = prefixes.emplace(s.prefix, i); !fresh) {
            check.require(false, f + ".prefix",
                          "prefix '" + s.prefix + "' is already used by " +
                              at("services", it->second) + " (" + c.services[it->second].id + ")");
        }
        check.require(s.dailyQuota >= 0, f + ".daily_quota",
                      "must be 0 (no quota) or more, got " + std::to_string(s.dailyQuota));
        check.require(s.numberWidth >= 1 && s.numberWidth <= 6, f + ".number_width",
                      "must be between 1 and 6, got " + std::to_string(s.numberWidth));
        auto hours = s.hours;
        for (std::size_t j = 0; j < s.hours.size(); ++j) {
            const auto& h = s.hours[j];
            check.require(h.openMinute >= 0 && h.closeMinute <= 24 * 60 &&
                              h.openMinute < h.closeMinute,
                          at(f + ".hours", j), "opening must be before closing within one day");
        }
        std::sort(hours.begin(), hours.end(),
                  [](auto& a, auto& b) { return a.openMinute < b.openMinute; });
        for (std::size_t j = 1; j < hours.size(); ++j)
            check.require(hours[j].openMinute >= hours[j - 1].closeMinute, f + ".hours",
                          "opening intervals overlap");
    }
}

void checkWindows(const HallConfig& c, Checker& check) {
    std::set<int> numbers;
    for (std::size_t i = 0; i < c.windows.size(); ++i) {
        const auto& w = c.windows[i];
        const auto f = at("windows", i);
        check.require(w.number >= 1, f + ".number",
                      "must be 1 or more, got " + std::to_string(w.number));
        check.require(numbers.insert(w.number).second, f + ".number",
                      "duplicate window number " + std::to_string(w.number));
        const bool zoneKnown = std::any_of(c.zones.begin(), c.zones.end(),
                                           [&](const Zone& z) { return z.id == w.zoneId; });
        check.require(zoneKnown, f + ".zone", "unknown zone '" + w.zoneId + "'");
        check.require(!w.services.empty(), f + ".services", "a window serves at least one service");
        std::set<std::string> seen;
        for (std::size_t j = 0; j < w.services.size(); ++j) {
            const auto& ws = w.services[j];
            const auto g = at(f + ".services", j);
            check.require(c.findService(ws.serviceId) != nullptr, g + ".service",
                          "unknown service '" + ws.serviceId + "'");
            check.require(seen.insert(ws.serviceId).second, g + ".service",
                          "service '" + ws.serviceId + "' is listed twice");
            check.require(ws.weight >= 1, g + ".weight",
                          "must be 1 or more, got " + std::to_string(ws.weight));
        }
    }
}

void checkDirection(const Direction& d, const std::string& f, Checker& check) {
    const bool known =
        d.arrow.empty() || std::find(std::begin(kDirectionArrows), std::end(kDirectionArrows),
                                     d.arrow) != std::end(kDirectionArrows);
    check.require(
        known, f + ".arrow",
        "unknown arrow '" + d.arrow +
            "' (left, right, ahead, back, ahead_left, ahead_right, back_left, back_right)");
    check.require(!d.arrow.empty() || !d.textZh.empty(), f,
                  "a direction needs an arrow or a text (zh)");
}

void checkBoards(const HallConfig& c, Checker& check) {
    for (std::size_t i = 0; i < c.windows.size(); ++i)
        if (c.windows[i].direction)
            checkDirection(*c.windows[i].direction, at("windows", i) + ".direction", check);
    std::set<std::string> devices;
    for (std::size_t i = 0; i < c.boards.size(); ++i) {
        const auto& b = c.boards[i];
        const auto f = at("boards", i);
        check.require(!b.device.empty(), f + ".device", "must not be empty");
        check.require(b.device.empty() || devices.insert(b.device).second, f + ".device",
                      "duplicate board '" + b.device + "'");
        std::set<int> windows;
        for (std::size_t j = 0; j < b.directions.size(); ++j) {
            const auto& d = b.directions[j];
            const auto g = at(f + ".directions", j);
            check.require(c.findWindow(d.window) != nullptr, g + ".window",
                          "unknown window " + std::to_string(d.window));
            check.require(windows.insert(d.window).second, g + ".window",
                          "window " + std::to_string(d.window) + " is listed twice");
            checkDirection(d.direction, g, check);
        }
    }
}

// A line's units of one kind (its strips, keypads or evaluators) in the list `field`: addresses
// 1..64 and once on the line, whatever the kind (`addresses` is the line's), existing windows,
// each with at most one unit of the kind (`windows` is the kind's, over all lines).
void checkBusUnits(const HallConfig& c, const std::vector<BusUnit>& units, const std::string& field,
                   std::string_view what, std::set<int>& addresses, std::set<int>& windows,
                   Checker& check) {
    for (std::size_t j = 0; j < units.size(); ++j) {
        const auto& u = units[j];
        const auto g = at(field, j);
        check.require(u.unit >= 1 && u.unit <= 64, g + ".unit",
                      "must be an address 1..64, got " + std::to_string(u.unit));
        check.require(addresses.insert(u.unit).second, g + ".unit",
                      "address " + std::to_string(u.unit) + " is used twice on this line");
        check.require(c.findWindow(u.window) != nullptr, g + ".window",
                      "unknown window " + std::to_string(u.window));
        check.require(windows.insert(u.window).second, g + ".window",
                      "window " + std::to_string(u.window) + " already has " + std::string(what));
    }
}

void checkBusLines(const HallConfig& c, Checker& check) {
    std::set<std::string> places;   // a port or host drives one line
    std::set<int> evaluatorWindows; // one evaluator per window, over all keypad lines
    auto checkKind = [&](const std::vector<BusLine>& lines, std::string_view list,
                         std::string_view units, std::string_view what) {
        std::set<int> windows; // one unit of a kind per window
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const auto& l = lines[i];
            const auto f = at(list, i);
            check.require(l.port.empty() != l.host.empty(), f,
                          "give either port (an RS-485 adapter) or host (a TCP gateway)");
            check.require(l.port.empty() || l.port.starts_with("/dev/"), f + ".port",
                          "must be a device node under /dev/, got '" + l.port + "'");
            if (!l.host.empty()) {
                const auto colon = l.host.rfind(':');
                int port = 0;
                if (colon != std::string::npos && colon > 0 && colon + 1 < l.host.size() &&
                    l.host.size() - colon <= 6 &&
                    std::all_of(l.host.begin() + colon + 1, l.host.end(),
                                [](char ch) { return ch >= '0' && ch <= '9'; }))
                    port = std::stoi(l.host.substr(colon + 1));
                check.require(port >= 1 && port <= 65535, f + ".host",
                              "must be host:port, got '" + l.host + "'");
            }
            const auto& place = l.port.empty() ? l.host : l.port;
            check.require(place.empty() || places.insert(place).second, f,
                          "'" + place + "' already drives another line");
            check.require(std::find(std::begin(kBusBauds), std::end(kBusBauds), l.baud) !=
                              std::end(kBusBauds),
                          f + ".baud",
                          "must be a standard rate 1200 … 115200, got " + std::to_string(l.baud));
            // A keypad line may carry evaluators alone (the clerks use window pads).
            check.require(!l.units.empty() || !l.evaluators.empty(), f + "." + std::string(units),
                          "a line needs at least one unit");
            std::set<int> addresses;
            checkBusUnits(c, l.units, f + "." + std::string(units), what, addresses, windows,
                          check);
            checkBusUnits(c, l.evaluators, f + ".evaluators", "an evaluator", addresses,
                          evaluatorWindows, check);
        }
    };
    checkKind(c.ledLines, "led_lines", "strips", "a strip");
    checkKind(c.keypadLines, "keypad_lines", "keypads", "a keypad");
}

void checkPeople(const HallConfig& c, Checker& check) {
    std::set<std::string> zoneIds;
    for (std::size_t i = 0; i < c.zones.size(); ++i) {
        const auto& z = c.zones[i];
        check.require(!z.id.empty(), at("zones", i) + ".id", "must not be empty");
        check.require(z.id.empty() || zoneIds.insert(z.id).second, at("zones", i) + ".id",
                      "duplicate zone id '" + z.id + "'");
    }
    std::set<std::string> departmentIds;
    for (std::size_t i = 0; i < c.departments.size(); ++i) {
        const auto& d = c.departments[i];
        check.require(!d.id.empty() && departmentIds.insert(d.id).second,
                      at("departments", i) + ".id",
                      "empty or duplicate department id '" + d.id + "'");
        check.require(!d.nameZh.empty(), at("departments", i) + ".name_zh", "must not be empty");
    }
    std::set<std::string> staffIds;
    for (std::size_t i = 0; i < c.staff.size(); ++i) {
        const auto& s = c.staff[i];
        check.require(!s.id.empty(), at("staff", i) + ".id", "must not be empty");
        check.require(s.id.empty() || staffIds.insert(s.id).second, at("staff", i) + ".id",
                      "duplicate staff id '" + s.id + "'");
        check.require(!s.name.empty(), at("staff", i) + ".name", "must not be empty");
    }
}

void checkPolicies(const HallConfig& c, Checker& check) {
    const auto& q = c.queue;
    check.require(q.dayStartMinute >= 0 && q.dayStartMinute < 24 * 60, "queue.day_start",
                  "must be a time of day between 00:00 and 23:59");
    check.require(q.noShowRequeueDelay.count() >= 0, "queue.no_show_requeue_minutes",
                  "must not be negative");
    check.require(q.noShowMaxRequeues >= 0, "queue.no_show_max_requeues", "must not be negative");
    check.require(q.noShowAfter >= Millis(0) && q.noShowAfter <= std::chrono::minutes(30),
                  "queue.no_show_after_seconds", "must be 0 to 1800");
    check.require(q.parkReturnAfter >= std::chrono::minutes(1) &&
                      q.parkReturnAfter <= std::chrono::minutes(kMaxParkMinutes),
                  "queue.park_return_minutes", "must be 1 to 240");
    check.require(q.checkInEarly >= Millis(0) && q.checkInEarly <= std::chrono::hours(4),
                  "queue.check_in_early_minutes", "must be 0 to 240");
    check.require(q.checkInLate >= Millis(0) && q.checkInLate <= std::chrono::hours(4),
                  "queue.check_in_late_minutes", "must be 0 to 240");
    check.require(q.starvationThreshold.count() >= 0, "queue.starvation_minutes",
                  "must not be negative (0 turns the guard off)");
    std::set<std::string> categories;
    for (std::size_t i = 0; i < q.greenChannelCategories.size(); ++i) {
        const auto& g = q.greenChannelCategories[i];
        check.require(!g.empty() && categories.insert(g).second,
                      at("queue.green_channel_categories", i), "empty or repeated category");
    }
    check.require(!q.finishOutcomes.empty(), "queue.finish_outcomes",
                  "a visit must be able to end: name at least one outcome");
    std::set<std::string> outcomes;
    for (std::size_t i = 0; i < q.finishOutcomes.size(); ++i) {
        const auto& o = q.finishOutcomes[i];
        check.require(!o.empty() && outcomes.insert(o).second, at("queue.finish_outcomes", i),
                      "empty or repeated outcome");
    }
    std::set<std::string> pauses;
    for (std::size_t i = 0; i < q.pauseReasons.size(); ++i)
        check.require(!q.pauseReasons[i].empty() && pauses.insert(q.pauseReasons[i]).second,
                      at("queue.pause_reasons", i), "empty or repeated reason");
    const auto& e = c.evaluation;
    check.require(!e.reasons.empty(), "evaluation.reasons",
                  "the two lowest levels need reasons to choose from");
    std::set<std::string> reasons;
    for (std::size_t i = 0; i < e.reasons.size(); ++i)
        check.require(!e.reasons[i].empty() && reasons.insert(e.reasons[i]).second,
                      at("evaluation.reasons", i), "empty or repeated reason");
    check.require(e.maxCommentLength >= 0, "evaluation.max_comment_length", "must not be negative");
    check.require(e.supplementPeriod.count() >= 0 &&
                      e.supplementPeriod <= std::chrono::hours(24 * 30),
                  "evaluation.supplement_days", "must be between 0 and 30 days");
    check.require(e.unratedDefaultAfter.count() > 0, "evaluation.unrated_default_after_hours",
                  "must be positive");
    check.require(e.followUpWorkingDays >= 1 && e.followUpWorkingDays <= 60,
                  "evaluation.follow_up_working_days", "must be between 1 and 60");
    check.require(e.ratingSeconds >= 10 && e.ratingSeconds <= 120, "evaluation.rating_seconds",
                  "must be between 10 and 120");
    const auto& b = c.callBoard;
    check.require(b.holdSeconds >= 4 && b.holdSeconds <= 7, "call_board.hold_seconds",
                  "must be between 4 and 7, got " + std::to_string(b.holdSeconds));
    check.require(b.voiceRepeats >= 1 && b.voiceRepeats <= 3, "call_board.voice_repeats",
                  "must be between 1 and 3, got " + std::to_string(b.voiceRepeats));
    const auto& t = c.ticketMachine;
    check.require(t.confirmFromWaiting >= 0, "ticket_machine.confirm_from_waiting",
                  "must be 0 (never ask) or more");
    check.require(t.reprintMinutes >= 0 && t.reprintMinutes <= 30, "ticket_machine.reprint_minutes",
                  "must be between 0 and 30, got " + std::to_string(t.reprintMinutes));
    check.require(t.attractAfterSeconds >= 5 && t.attractAfterSeconds <= 600,
                  "ticket_machine.attract_after_seconds",
                  "must be between 5 and 600, got " + std::to_string(t.attractAfterSeconds));
    const int days = c.attachments.retentionDays;
    check.require(days >= 1 && days <= 3650, "attachments.retention_days",
                  "must be between 1 and 3650, got " + std::to_string(days));
}

} // namespace

std::vector<ConfigError> validate(const HallConfig& config) {
    Checker check;
    check.require(!config.name.empty(), "name", "the hall needs a name");
    checkPeople(config, check);
    checkServices(config, check);
    checkWindows(config, check);
    checkBoards(config, check);
    checkBusLines(config, check);
    checkPolicies(config, check);
    return std::move(check.errors);
}

std::string describe(const std::vector<ConfigError>& errors) {
    std::string out;
    for (const auto& e : errors) {
        out += e.field;
        out += ": ";
        out += e.message;
        out += '\n';
    }
    return out;
}

} // namespace hall::core
