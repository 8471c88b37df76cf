// "Call next": which waiting ticket a window gets.
//
// In order: (1) tickets transferred to this very window; (2) appointments whose slot has
// started; (3) the green channel; (4) an ordinary ticket that has waited past the starvation
// threshold, so that a low-weight or low-order service is never forgotten; (5) the window's own
// routing policy over its services. Within each step: first in line by queue time, then by id.
// "Ordinary" here includes appointments whose slot has not started yet: they queue like anyone.

#include "shared/core/engine_state.h"

#include <iterator>

namespace hall::core {

namespace {

using TicketFilter = bool (*)(const Ticket&, Timestamp);

bool anyTicket(const Ticket&, Timestamp) {
    return true;
}
bool slotStarted(const Ticket& t, Timestamp now) {
    return t.appointment->slotStart <= now;
}
bool slotAhead(const Ticket& t, Timestamp now) {
    return t.appointment->slotStart > now;
}

// The first ticket in line that may be called now and passes the filter.
const QueueKey* firstEligible(const Engine::State& s, const Queue& q, Timestamp now,
                              TicketFilter filter) {
    for (const auto& key : q) {
        const auto& t = s.tickets.at(key.id);
        if (t.eligibleAt <= now && filter(t, now)) return &key;
    }
    return nullptr;
}

const QueueKey* earlier(const QueueKey* a, const QueueKey* b) {
    if (!a) return b;
    if (!b) return a;
    return *b < *a ? b : a;
}

// Head of the ordinary line of one service: normal tickets and appointments not yet due.
const QueueKey* ordinaryHead(const Engine::State& s, const ServiceQueues& q, Timestamp now) {
    return earlier(firstEligible(s, q.normal, now, anyTicket),
                   firstEligible(s, q.appointment, now, slotAhead));
}

const ServiceQueues& queuesOf(const Engine::State& s, const WindowService& ws) {
    return s.queues[s.serviceIndex.find(ws.serviceId)->second];
}

} // namespace

std::optional<RoutePick> routeNext(const Engine::State& s, const WindowRuntime& w, Timestamp now) {
    const auto& services = s.windowConfig(w).services;

    if (const auto* k = firstEligible(s, w.targeted, now, anyTicket)) return RoutePick{k->id, {}};

    const QueueKey* best = nullptr;
    for (const auto& ws : services)
        best = earlier(best, firstEligible(s, queuesOf(s, ws).appointment, now, slotStarted));
    if (best) return RoutePick{best->id, {}};

    for (const auto& ws : services)
        best = earlier(best, firstEligible(s, queuesOf(s, ws).green, now, anyTicket));
    if (best) return RoutePick{best->id, {}};

    std::vector<const QueueKey*> heads;
    heads.reserve(services.size());
    for (const auto& ws : services)
        heads.push_back(ordinaryHead(s, queuesOf(s, ws), now));

    const auto threshold = s.config.queue.starvationThreshold;
    if (threshold.count() > 0) {
        for (const auto* h : heads)
            if (h && now - h->queuedAt >= threshold) best = earlier(best, h);
        if (best) return RoutePick{best->id, {}};
    }

    if (s.windowConfig(w).routing == RoutingPolicy::Ordered) {
        for (const auto* h : heads)
            if (h) return RoutePick{h->id, {}};
        return std::nullopt;
    }

    // Smooth weighted round robin over the services that have someone waiting: each earns its
    // weight, the richest is served and pays the total back. Over time every service gets calls
    // in proportion to its weight, interleaved rather than in bursts.
    auto credit = w.credit;
    std::int64_t total = 0;
    std::optional<std::size_t> chosen;
    for (std::size_t i = 0; i < services.size(); ++i) {
        if (!heads[i]) continue;
        credit[i] += services[i].weight;
        total += services[i].weight;
        if (!chosen || credit[i] > credit[*chosen]) chosen = i;
    }
    if (!chosen) return std::nullopt;
    credit[*chosen] -= total;
    return RoutePick{heads[*chosen]->id, std::move(credit)};
}

int ticketsAhead(const Engine::State& s, const Ticket& t, Timestamp now) {
    const QueueKey mine{t.queuedAt, t.id};
    if (t.targetWindow) {
        const auto* w = s.findWindow(*t.targetWindow);
        return w ? static_cast<int>(std::distance(w->targeted.begin(), w->targeted.find(mine))) : 0;
    }
    // Rank within the service: started appointments, then green, then everyone else; queue
    // time within a rank.
    auto rank = [&](const Ticket& x) {
        if (x.priority == PriorityClass::Appointment && x.appointment->slotStart <= now) return 0;
        if (x.priority == PriorityClass::GreenChannel) return 1;
        return 2;
    };
    const int myRank = rank(t);
    const auto& q = s.queues[s.serviceIndex.find(t.serviceId)->second];
    // The green and normal queues hold one rank each, so they are counted without looking at
    // their tickets (this runs for every ticket issued); only an appointment's rank depends on
    // its slot.
    const auto queuedBefore = [&](const Queue& queue) {
        return static_cast<int>(std::distance(queue.begin(), queue.lower_bound(mine)));
    };
    int ahead = 0;
    if (myRank == 2) ahead += static_cast<int>(q.green.size()) + queuedBefore(q.normal);
    if (myRank == 1) ahead += queuedBefore(q.green);
    for (const auto& key : q.appointment) {
        if (key.id == t.id) continue;
        const int r = rank(s.tickets.at(key.id));
        if (r < myRank || (r == myRank && key < mine)) ++ahead;
    }
    return ahead;
}

} // namespace hall::core
