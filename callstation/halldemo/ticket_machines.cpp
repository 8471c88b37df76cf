#include "callstation/halldemo/ticket_machines.h"

#include "shared/core/result.h"
#include "callstation/hallsim/arrivals.h"
#include "callstation/hallsim/model_draws.h"
#include "callstation/hallsim/zh_text.h"

#include <queue>
#include <random>
#include <thread>

namespace hall::demo {

namespace {

// One thing that happens at a machine.
struct Visit {
    core::Timestamp at;
    std::uint64_t order = 0;       // ties keep their planning order
    const sim::Arrival* arrival{}; // take a ticket (first or second try), or …
    core::TicketId cancel = 0;     // … give up and cancel this one
    bool secondTry = false;
};
struct Later {
    bool operator()(const Visit& a, const Visit& b) const {
        return a.at != b.at ? a.at > b.at : a.order > b.order;
    }
};

std::string ticketTag(const DemoHall& hall, const core::IssueTicket& request) {
    if (request.priority == core::PriorityClass::GreenChannel)
        return "【绿色通道·" + sim::greenCategoryZh(request.greenCategory) + "】";
    if (request.priority == core::PriorityClass::Appointment && request.appointment)
        return "【预约 " +
               core::formatLocalClock(*hall.zone, request.appointment->slotStart).substr(0, 5) +
               "】";
    return {};
}

std::string waitText(const protocol::CommandResult& result) {
    if (!result.ahead) return {};
    std::string text = "（等候 " + std::to_string(*result.ahead) + " 人";
    if (result.estimatedWaitMs && *result.ahead > 0)
        text += "，预计 " + std::to_string((*result.estimatedWaitMs / 1000 + 59) / 60) + " 分钟";
    return text + "）";
}

} // namespace

void runTicketMachines(DemoHall& hall, std::vector<DemoTerminal>& machines, std::uint64_t seed) {
    std::mt19937_64 rng(seed);
    const auto arrivals = sim::planArrivals(hall.config, *hall.zone, hall.day, hall.profile, rng);
    std::priority_queue<Visit, std::vector<Visit>, Later> agenda;
    std::uint64_t order = 0;
    for (const auto& arrival : arrivals)
        agenda.push(Visit{arrival.at, order++, &arrival, 0, false});

    std::size_t next = 0; // the machine the next citizen walks up to
    while (!agenda.empty() && !hall.stop.load()) {
        const Visit visit = agenda.top();
        agenda.pop();
        if (!idleUntil(hall.time, visit.at, machines, hall.stop)) break;
        auto& machine = machines[next++ % machines.size()];

        if (visit.cancel != 0) {
            // Too late is fine: the number may have been called meanwhile.
            const auto response =
                machine.request(core::CancelTicket{visit.cancel, core::CancelReason::Citizen},
                                hall.stop);
            if (const auto* result = commandResult(response); result && result->ticket) {
                ++hall.tally.cancelled;
                hall.log.say(result->ticket->number + " 等候太久，在取号机上取消");
            }
            continue;
        }

        const auto& request = visit.arrival->request;
        ++hall.tally.arrivals;
        const auto response = machine.request(request, hall.stop);
        if (const auto* error = refusal(response)) {
            const auto code = core::errorCodeFromName(error->code);
            if (!code) {
                ++hall.tally.unexpected;
                hall.log.say("模拟异常 取号：" + error->code + " " + error->message);
                continue;
            }
            hall.tally.refusedIssue(error->code);
            hall.log.say((visit.secondTry ? "再次取号未成功 " : "取号未成功 ") +
                         hall.serviceName(request.serviceId) + "：" +
                         sim::refusalZh(core::Error{*code, error->message}));
            continue;
        }
        const auto* result = commandResult(response);
        if (!result || !result->ticket) {
            ++hall.tally.unexpected;
            hall.log.say("模拟异常 取号：应答里没有号码");
            continue;
        }
        ++hall.tally.issued;
        const auto& ticket = *result->ticket;
        hall.log.say(ticket.number + " 取号 " + hall.serviceName(ticket.serviceId) +
                     ticketTag(hall, request) + waitText(*result) + " @" + machine.name());
        if (const auto givesUp = hall.citizens.arrive(ticket.id, visit.at))
            agenda.push(Visit{*givesUp, order++, nullptr, ticket.id, false});
        if (visit.arrival->triesTwice && !visit.secondTry)
            agenda.push(Visit{visit.at + sim::secondsBetween(rng, 60, 900), order++,
                              visit.arrival, 0, true});
        for (auto& m : machines)
            m.connection().takePushes(); // machines show no queue here; keep memory flat
    }
    hall.issuingOver = true;

    while (!hall.stop.load() && !hall.dayOver.load()) {
        for (auto& machine : machines) {
            machine.keepAlive(hall.stop);
            machine.connection().takePushes();
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
}

} // namespace hall::demo
