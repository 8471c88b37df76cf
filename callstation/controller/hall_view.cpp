#include "hall_view.h"

#include "core/overloaded.h"

namespace hall::controller {

HallView viewOf(const core::Engine& engine, core::Timestamp now) {
    HallView view;
    const auto waiting = engine.waitingByService();
    for (const auto& service : engine.config().services) {
        protocol::ServiceQueue queue;
        queue.serviceId = service.id;
        if (auto it = waiting.find(service.id); it != waiting.end()) queue.waiting = it->second;
        if (auto wait = engine.estimatedWait(service.id, now)) queue.estimatedWaitMs = wait->count();
        view.queues.services.push_back(std::move(queue));
    }
    for (const auto& [zone, count] : engine.waitingByZone())
        view.queues.zones.push_back(protocol::ZoneQueue{zone, count});
    for (const auto& window : engine.windows()) {
        const core::Ticket* current = window.current ? engine.ticket(*window.current) : nullptr;
        view.windows.push_back(protocol::windowView(window, current));
    }
    return view;
}

std::vector<protocol::Call> callsIn(const std::vector<core::Event>& events,
                                    const core::Engine& engine) {
    std::vector<protocol::Call> calls;
    auto add = [&](core::TicketId id, int window, bool silent, bool recall) {
        if (const core::Ticket* ticket = engine.ticket(id))
            calls.push_back(protocol::Call{protocol::ticketView(*ticket), window, silent, recall});
    };
    for (const auto& event : events) {
        std::visit(core::Overloaded{
                       [&](const core::TicketCalled& e) { add(e.ticket, e.window, e.silent, false); },
                       [&](const core::TicketRecalled& e) { add(e.ticket, e.window, e.silent, true); },
                       [](const auto&) {},
                   },
                   event.body);
    }
    return calls;
}

std::vector<protocol::PushBody> changesBetween(const HallView& before, const HallView& after) {
    std::vector<protocol::PushBody> pushes;
    if (before.queues != after.queues) pushes.emplace_back(after.queues);
    for (const auto& window : after.windows) {
        const protocol::WindowView* old = nullptr;
        for (const auto& candidate : before.windows)
            if (candidate.number == window.number) old = &candidate;
        if (old == nullptr || *old != window) pushes.emplace_back(window);
    }
    return pushes;
}

} // namespace hall::controller
