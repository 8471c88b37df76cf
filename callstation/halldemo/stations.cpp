#include "callstation/halldemo/stations.h"

#include "callstation/halldemo/control_line.h"
#include "drivers/scanner/booking_code.h"

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

namespace hall::demo {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// Polls `read` until `done` holds for its value; the last value read (empty after `timeout`).
template <typename Read, typename Done>
std::string waitFor(Read read, Done done, std::chrono::milliseconds timeout = 15s) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline) {
        std::string value = read();
        if (done(value)) return value;
        std::this_thread::sleep_for(50ms);
    }
    return {};
}

// The services a citizen can take a number for now, as the machine's tiles show them.
std::vector<const core::Service*> issuingNow(const DemoHall& hall,
                                             const ControlledProgram& machine) {
    std::vector<const core::Service*> open;
    for (const auto& service : hall.config.services) {
        try {
            if (machine.ask("get service:" + service.id + " issuing") == "true")
                open.push_back(&service);
        } catch (const ControlError&) {
            // a tile not shown (another group, or the services not loaded yet)
        }
    }
    return open;
}

class StationDay {
public:
    StationDay(DemoHall& hall, const Stations& stations) : hall_(hall), stations_(stations) {}

    void hour(int minuteOfDay) {
        const std::string stamp = clock(minuteOfDay);
        shoot(stations_.machine, stamp + "-ticket-machine.png");
        const auto open = issuingNow(hall_, stations_.machine);
        if (!open.empty()) takeTicket(*open[citizen_ % open.size()], stamp);
        // Booked by code alone: a service that wants the person's ID card is checked in with the
        // card, which these bookings do not name.
        std::vector<const core::Service*> bookable;
        for (const auto* service : open)
            if (!service->identify) bookable.push_back(service);
        if (!bookable.empty()) checkInBooked(*bookable[citizen_ % bookable.size()], stamp);
        ++citizen_;
        shoot(stations_.board, stamp + "-call-board.png");
        if (stations_.screens)
            std::ofstream(*stations_.screens / (stamp + "-led-strips.txt"))
                << replaceAll(stations_.devsim.ask("led show"), " | ", "\n") << "\n";
    }

private:
    static std::string clock(int minuteOfDay) {
        char text[24];
        std::snprintf(text, sizeof text, "%02d%02d", minuteOfDay / 60, minuteOfDay % 60);
        return text;
    }
    static std::string replaceAll(std::string text, const std::string& from,
                                  const std::string& to) {
        for (auto at = text.find(from); at != std::string::npos;
             at = text.find(from, at + to.size()))
            text.replace(at, from.size(), to);
        return text;
    }

    void shoot(const ControlledProgram& app, const std::string& file) {
        if (stations_.screens) app.ask("shot " + (*stations_.screens / file).string());
    }

    std::string stage() const { return stations_.machine.ask("get ticketMachine stage"); }

    // One citizen at the app's ticket machine, as a finger and a card would do it.
    void takeTicket(const core::Service& service, const std::string& stamp) {
        auto& machine = stations_.machine;
        const bool card = service.identify && !stations_.people.empty();
        if (card)
            stations_.devsim.ask("idcard insert " +
                                 stations_.people[citizen_ % stations_.people.size()]);
        if (machine.ask("get ticketMachine idle") == "true") machine.ask("tap attractScreen");
        machine.ask("tap service:" + service.id);
        const std::string reached =
            waitFor([&] { return stage(); },
                    [&](const std::string& s) {
                        if (s == "Confirming")
                            machine.ask("tap confirmYes"); // many are waiting: yes
                        return s == "Showing" || s == "Refused";
                    });
        if (card) stations_.devsim.ask("idcard remove");
        outcome(reached, "【自助取号机·" + hall_.serviceName(service.id) + "】", "触屏取号",
                stamp + "-ticket-machine");
    }

    // A citizen who booked this hour's slot (the booking system's POST) scans the booking's QR
    // at the app's ticket machine: the QR scanner twin, as a phone held to the window would.
    void checkInBooked(const core::Service& service, const std::string& stamp) {
        const auto local = core::toLocal(*hall_.zone, hall_.time.now());
        char slot[40];
        std::snprintf(slot, sizeof slot, "%sT%02d:%02d", core::formatDay(local.date).c_str(),
                      local.minuteOfDay / 60, local.minuteOfDay % 60);
        auto admin = stations_.controller.admin();
        const auto reply = admin.post(
            "/api/v1/bookings", nlohmann::json{{"service", service.id}, {"slot", slot}}.dump());
        if (reply.status != 201)
            throw std::runtime_error("booking refused (HTTP " + std::to_string(reply.status) +
                                     "): " + reply.body);
        const std::string id = nlohmann::json::parse(reply.body).at("id");
        waitFor([&] { return stage(); }, [](const std::string& s) { return s == "Choosing"; });
        stations_.devsim.ask("scanner scan " + drivers::scanner::bookingQrText(id));
        const std::string reached =
            waitFor([&] { return stage(); },
                    [](const std::string& s) { return s == "Showing" || s == "Refused"; });
        outcome(reached, "【预约签到·" + hall_.serviceName(service.id) + "】", "扫码签到",
                stamp + "-ticket-machine-checkin");
    }

    // What the machine showed: the ticket (and whether it printed) or the refusal, logged,
    // counted with the day's, saved; then the citizen leaves.
    void outcome(const std::string& reached, const std::string& tag, const std::string& how,
                 const std::string& shot) {
        auto& machine = stations_.machine;
        ++hall_.tally.arrivals;
        if (reached == "Showing") {
            ++hall_.tally.issued;
            const std::string number = machine.ask("get ticketMachine number");
            const std::string printed =
                waitFor([&] { return machine.ask("get ticketMachine printState"); },
                        [](const std::string& s) { return s == "Printed" || s == "NotPrinted"; });
            if (printed == "Printed") ++hall_.tally.appPrinted;
            hall_.log.say(tag + how + " " + number +
                          (printed == "Printed" ? "，号票已打印" : "，号票未打印（屏幕显示号票）"));
            shoot(machine, shot + "-ticket.png");
            machine.ask("tap ticketDone");
        } else if (reached == "Refused") {
            hall_.tally.refusedIssue(machine.ask("get ticketMachine refusalCode"));
            hall_.log.say(tag + "未能取号：" + machine.ask("get ticketMachine refusal"));
            shoot(machine, shot + "-refused.png");
            machine.ask("tap refusedBack");
        } else {
            throw std::runtime_error(tag +
                                     ": the app's ticket machine did not answer within 15 s "
                                     "(stage " +
                                     stage() + ")");
        }
    }

    DemoHall& hall_;
    const Stations& stations_;
    std::size_t citizen_ = 0;
};

} // namespace

void runStations(DemoHall& hall, const Stations& stations) {
    StationDay day(hall, stations);
    const auto nowMinute = [&] { return core::toLocal(*hall.zone, hall.time.now()).minuteOfDay; };
    // The services appear once the machine has the hall's snapshot.
    waitFor([&] { return std::to_string(issuingNow(hall, stations.machine).size()); },
            [](const std::string& n) { return n != "0"; }, 30s);
    for (int minute = nowMinute() / 60 * 60;
         minute < 24 * 60 && !hall.dayOver.load() && !hall.stop.load();) {
        if (!hall.time.sleepUntil(hall.local(minute), hall.stop)) break;
        day.hour(minute);
        minute = (nowMinute() / 60 + 1) * 60; // the next full hour still ahead
    }
}

} // namespace hall::demo
