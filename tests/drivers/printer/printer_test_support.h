#pragma once
// What the printer device tests share: a host that records events and job results with
// waiting, timings short enough for a twin that answers at once, and a known ticket.

#include "drivers/printer/ticket_layout.h"
#include "drivers/printer/ticket_printer_device.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <doctest/doctest.h>
#include <map>
#include <mutex>
#include <optional>

namespace hall::testing {

struct PrinterHost {
    std::mutex m;
    std::condition_variable cv;
    std::deque<drivers::DeviceEvent> events;
    std::map<drivers::printer::JobId, drivers::printer::JobResult> results;
    int resultCount = 0;

    drivers::DeviceEventSink sink() {
        return [this](const drivers::DeviceEvent& e) {
            std::lock_guard lock(m);
            events.push_back(e);
            cv.notify_all();
        };
    }
    drivers::printer::JobSink jobs() {
        return [this](const drivers::printer::JobResult& r) {
            std::lock_guard lock(m);
            CHECK_MESSAGE(!results.contains(r.id), "job " << r.id << " reported twice");
            results[r.id] = r;
            ++resultCount;
            cv.notify_all();
        };
    }
    // The next event of this type; earlier ones are dropped. nullopt on timeout.
    std::optional<drivers::DeviceEvent>
    next(drivers::DeviceEventType type,
         std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
        std::unique_lock lock(m);
        std::optional<drivers::DeviceEvent> found;
        cv.wait_for(lock, timeout, [&] {
            while (!events.empty()) {
                auto e = events.front();
                events.pop_front();
                if (e.type == type) {
                    found = e;
                    return true;
                }
            }
            return false;
        });
        return found;
    }
    bool seen(drivers::DeviceEventType type) {
        std::lock_guard lock(m);
        for (const auto& e : events)
            if (e.type == type) return true;
        return false;
    }
    std::optional<drivers::printer::JobResult>
    result(drivers::printer::JobId id,
           std::chrono::milliseconds timeout = std::chrono::seconds(5)) {
        std::unique_lock lock(m);
        if (!cv.wait_for(lock, timeout, [&] { return results.contains(id); })) return std::nullopt;
        return results[id];
    }
};

inline drivers::printer::TicketPrinterOptions fastPrinterOptions() {
    using namespace std::chrono_literals;
    drivers::printer::TicketPrinterOptions o;
    o.statusTimeout = 300ms;
    o.idlePoll = 100ms;
    o.reopen = {20ms, 100ms};
    return o;
}

inline drivers::printer::Ticket sampleTicket(const std::string& number) {
    drivers::printer::Ticket t;
    t.hallName = "XX市政务服务中心";
    t.number = number;
    t.serviceName = "社保医保综合窗口";
    t.peopleAhead = 3;
    t.waitMinutes = 9;
    t.issuedAt = {2024, 5, 6, 9, 31};
    t.followUrl = "https://hall.example.gov.cn/q/" + number;
    return t;
}

inline std::vector<std::uint8_t> ticketBytes(const std::string& number) {
    drivers::printer::TicketLayoutSettings s;
    s.advice = "请携带本人身份证原件";
    return drivers::printer::TicketLayout(s).render(sampleTicket(number)).bytes;
}

} // namespace hall::testing
