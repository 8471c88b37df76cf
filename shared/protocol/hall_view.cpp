#include "shared/protocol/hall_view.h"

#include "shared/core/overloaded.h"

#include <set>

namespace hall::protocol {

void addRatings(RatingTally& tally, const core::DayStatistics& day) {
    for (const auto& [staff, group] : day.byStaff)
        for (std::size_t i = 0; i < group.ratings.size(); ++i)
            tally[staff][i] += group.ratings[i];
}

namespace {

std::optional<StaffRating> staffRating(const std::string& staff, const RatingTally& earlier,
                                       const std::optional<core::DayStatistics>& today) {
    std::array<int, core::kRatingLevels> counts{};
    if (auto it = earlier.find(staff); it != earlier.end()) counts = it->second;
    if (today)
        if (auto it = today->byStaff.find(staff); it != today->byStaff.end())
            for (std::size_t i = 0; i < counts.size(); ++i)
                counts[i] += it->second.ratings[i];
    std::int64_t visits = 0, levels = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        visits += counts[i];
        levels += counts[i] * static_cast<std::int64_t>(i + 1);
    }
    if (visits == 0) return std::nullopt;
    return StaffRating{static_cast<int>(visits),
                       static_cast<int>((levels * 10 + visits / 2) / visits)};
}

} // namespace

HallView viewOf(const core::Engine& engine, core::Timestamp now, const RatingTally& earlier) {
    HallView view;
    const auto waiting = engine.waitingByService();
    for (const auto& service : engine.config().services) {
        ServiceQueue queue;
        queue.serviceId = service.id;
        if (auto it = waiting.find(service.id); it != waiting.end()) queue.waiting = it->second;
        if (auto wait = engine.estimatedWait(service.id, now))
            queue.estimatedWaitMs = wait->count();
        const auto availability = engine.availability(service.id, now);
        queue.issuing = availability.issuingNow;
        queue.remaining = availability.remaining;
        if (auto since = engine.waitingSince(service.id))
            queue.waitingSinceMs = since->time_since_epoch().count();
        view.queues.services.push_back(std::move(queue));
    }
    for (const auto& [zone, count] : engine.waitingByZone())
        view.queues.zones.push_back(ZoneQueue{zone, count});
    for (const core::Ticket* t : engine.missed(kMissedShown))
        view.queues.missed.push_back(MissedTicket{t->number, t->serviceId,
                                                  t->missedWindow.value_or(0),
                                                  t->state == core::TicketState::Waiting});
    const auto today = engine.statistics(engine.businessDay(now));
    for (const auto& window : engine.windows()) {
        const core::Ticket* current = window.current ? engine.ticket(*window.current) : nullptr;
        const core::Ticket* finished =
            window.lastFinished ? engine.ticket(*window.lastFinished) : nullptr;
        auto w = windowView(window, current, finished);
        for (const core::Ticket* t : engine.heldFor(window.number, kHeldShown))
            w.held.push_back(ticketView(*t));
        if (!window.staffId.empty()) w.staffRating = staffRating(window.staffId, earlier, today);
        if (today)
            if (auto it = today->byWindow.find(window.number); it != today->byWindow.end()) {
                w.servedToday = it->second.served;
                if (it->second.service.count() > 0)
                    w.typicalServiceMs = it->second.service.percentile(0.5).count();
            }
        view.windows.push_back(std::move(w));
    }
    return view;
}

namespace {

std::string twoDigits(int n) {
    return std::string(1, static_cast<char>('0' + n / 10)) + static_cast<char>('0' + n % 10);
}

std::string clock(int minuteOfDay) {
    return twoDigits(minuteOfDay / 60) + ":" + twoDigits(minuteOfDay % 60);
}

} // namespace

const WindowView* findWindow(const std::vector<WindowView>& windows, int number) {
    for (const auto& w : windows)
        if (w.number == number) return &w;
    return nullptr;
}

HallInfo hallInfo(const core::HallConfig& config, std::string_view device,
                  const std::vector<ContentItem>& content) {
    HallInfo hall;
    hall.name = config.name;
    hall.timeZone = config.timeZone;
    hall.callBoard = config.callBoard;
    hall.ticketMachine = config.ticketMachine;
    hall.greenCategories = config.queue.greenChannelCategories;
    hall.finishOutcomes = config.queue.finishOutcomes;
    hall.pauseReasons = config.queue.pauseReasons;
    hall.ratingReasons = config.evaluation.reasons;
    hall.ratingSeconds = config.evaluation.ratingSeconds;
    hall.callNumberNeedsReason = config.queue.callNumberNeedsReason;
    for (const auto& s : config.staff) {
        StaffInfo info{s.id, s.name, s.staffNumber};
        if (!s.photoRef.empty())
            for (const auto& item : content)
                if (item.name == s.photoRef || item.id == s.photoRef) info.photo = item.id;
        hall.staff.push_back(std::move(info));
    }
    // Grouped by department when the hall has them, else by the zone of the first window that
    // serves the service.
    auto groupOf = [&](const core::Service& s) -> std::string {
        if (!config.departments.empty()) return s.departmentId;
        for (const auto& w : config.windows)
            for (const auto& ws : w.services)
                if (ws.serviceId == s.id) return w.zoneId;
        return {};
    };
    std::set<std::string> used;
    for (const auto& s : config.services) {
        ServiceInfo info{s.id,         s.nameZh,   s.nameEn,   {},
                         s.dailyQuota, s.identify, groupOf(s), s.prefix};
        used.insert(info.group);
        if (!s.openAtNight)
            for (const auto& h : s.hours)
                info.hours.push_back(clock(h.openMinute) + "-" + clock(h.closeMinute));
        hall.services.push_back(std::move(info));
    }
    if (!config.departments.empty()) {
        for (const auto& d : config.departments)
            if (used.contains(d.id)) hall.groups.push_back(NamedInfo{d.id, d.nameZh, d.nameEn});
    } else {
        for (const auto& z : config.zones)
            if (used.contains(z.id)) hall.groups.push_back(NamedInfo{z.id, z.nameZh, z.nameEn});
    }
    for (const auto& z : config.zones)
        hall.zones.push_back(NamedInfo{z.id, z.nameZh, z.nameEn});
    for (const auto& w : config.windows) {
        const core::Direction* direction = config.directionFor(device, w.number);
        WindowInfo info{w.number, w.name, w.zoneId,
                        direction ? std::optional(*direction) : std::nullopt};
        for (const auto& ws : w.services)
            info.services.push_back(ws.serviceId);
        hall.windows.push_back(std::move(info));
    }
    return hall;
}

std::vector<Call> callsIn(const std::vector<core::Event>& events, const core::Engine& engine) {
    std::vector<Call> calls;
    auto add = [&](core::TicketId id, int window, bool silent, bool recall) {
        if (const core::Ticket* ticket = engine.ticket(id))
            calls.push_back(Call{ticketView(*ticket), window, silent, recall});
    };
    for (const auto& event : events) {
        std::visit(
            core::Overloaded{
                [&](const core::TicketCalled& e) { add(e.ticket, e.window, e.silent, false); },
                [&](const core::TicketRecalled& e) { add(e.ticket, e.window, e.silent, true); },
                [](const auto&) {},
            },
            event.body);
    }
    return calls;
}

std::vector<PushBody> changesBetween(const HallView& before, const HallView& after) {
    std::vector<PushBody> pushes;
    if (before.queues != after.queues) pushes.emplace_back(after.queues);
    for (const auto& window : after.windows) {
        const WindowView* old = nullptr;
        for (const auto& candidate : before.windows)
            if (candidate.number == window.number) old = &candidate;
        if (old == nullptr || *old != window) pushes.emplace_back(window);
    }
    return pushes;
}

void stampConnection(core::Command& command, const DeviceIdentity& device) {
    std::visit(
        [&](auto& c) {
            if constexpr (requires { c.sourceDevice; }) c.sourceDevice = device.device;
        },
        command);
    if (auto* rate = std::get_if<core::Rate>(&command); rate && device.role == Role::WindowPad)
        rate->window = device.window;
}

Outcome answerFor(const core::Result<core::Decision>& result, const core::Command& command,
                  const core::Engine& engine, core::Timestamp now) {
    if (!result.ok()) {
        Error error = engineError(result.error());
        if (result.error().ticket)
            if (const core::Ticket* held = engine.ticket(*result.error().ticket))
                error.ticket = ticketView(*held);
        return error;
    }
    if (result->lease) {
        // A retried lease_numbers gets the lease as it stands; once its business day is over
        // the lease is gone, and so are the numbers it held.
        const core::NumberLease* lease = engine.lease(*result->lease);
        if (lease == nullptr)
            return engineError(core::fail(core::ErrorCode::LeaseExpired,
                                          "lease " + std::to_string(*result->lease) +
                                              " ended with its business day"));
        return ResponseResult{LeaseResult{leaseView(*lease, engine)}};
    }
    CommandResult answer;
    const core::Ticket* ticket = result->ticket ? engine.ticket(*result->ticket) : nullptr;
    if (ticket == nullptr) return ResponseResult{answer};
    answer.ticket = ticketView(*ticket);
    // Whoever issued it is told how many are ahead and how long the wait may be.
    if (std::holds_alternative<core::IssueTicket>(command) ||
        std::holds_alternative<core::CheckIn>(command) ||
        std::holds_alternative<core::IssueLeasedTicket>(command)) {
        if (auto position = engine.position(ticket->id, now); position.ok()) {
            answer.ahead = position->ahead;
            if (position->estimatedWait) answer.estimatedWaitMs = position->estimatedWait->count();
        }
    }
    return ResponseResult{answer};
}

} // namespace hall::protocol
