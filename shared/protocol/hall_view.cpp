#include "shared/protocol/hall_view.h"

#include "shared/core/overloaded.h"

namespace hall::protocol {

HallView viewOf(const core::Engine& engine, core::Timestamp now) {
    HallView view;
    const auto waiting = engine.waitingByService();
    for (const auto& service : engine.config().services) {
        ServiceQueue queue;
        queue.serviceId = service.id;
        if (auto it = waiting.find(service.id); it != waiting.end()) queue.waiting = it->second;
        if (auto wait = engine.estimatedWait(service.id, now))
            queue.estimatedWaitMs = wait->count();
        view.queues.services.push_back(std::move(queue));
    }
    for (const auto& [zone, count] : engine.waitingByZone())
        view.queues.zones.push_back(ZoneQueue{zone, count});
    for (const auto& window : engine.windows()) {
        const core::Ticket* current = window.current ? engine.ticket(*window.current) : nullptr;
        view.windows.push_back(windowView(window, current));
    }
    return view;
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

} // namespace hall::protocol
