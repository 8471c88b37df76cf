#include "callstation/controller/bus_health.h"

namespace hall::controller {

std::string_view busUnitKindName(BusUnitKind kind) {
    return kind == BusUnitKind::Strip ? "led_strip" : "keypad";
}

drivers::DeviceSetting busLineSetting(const core::BusLine& line, BusUnitKind kind) {
    drivers::DeviceSetting s;
    const bool strip = kind == BusUnitKind::Strip;
    s.kind = strip ? drivers::DeviceKind::LedStrip : drivers::DeviceKind::Keypad;
    s.driver = strip ? "led.hallbus" : "keypad.hallbus";
    s.transport = line.port.empty() ? drivers::Transport::Tcp : drivers::Transport::Serial;
    s.address = busLinePlace(line);
    if (!line.port.empty()) s.baud = line.baud;
    return s;
}

const std::string& busLinePlace(const core::BusLine& line) {
    return line.port.empty() ? line.host : line.port;
}

void BusHealth::reset(const core::HallConfig& config) {
    entries_.clear();
    auto add = [&](BusUnitKind kind, const std::vector<core::BusLine>& lines) {
        for (const auto& l : lines) {
            const std::string& place = busLinePlace(l);
            entries_.push_back({kind, place, 0, 0});
            for (const auto& u : l.units)
                entries_.push_back({kind, place, u.unit, u.window});
            // A keypad line's evaluators are keypads to the driver and to health: the unit
            // address tells the technician which one it is.
            for (const auto& u : l.evaluators)
                entries_.push_back({kind, place, u.unit, u.window});
        }
    };
    add(BusUnitKind::Strip, config.ledLines);
    add(BusUnitKind::Keypad, config.keypadLines);
}

void BusHealth::record(BusUnitKind kind, const std::string& line, const drivers::DeviceEvent& event,
                       core::Timestamp now) {
    const int unit = event.unit ? *event.unit : 0;
    for (auto& e : entries_) {
        if (e.kind != kind || e.line != line || e.unit != unit) continue;
        using T = drivers::DeviceEventType;
        const std::string why =
            event.error ? event.error->code + ": " + event.error->message : std::string();
        switch (event.type) {
        case T::Lost:
            if (e.answering) e.since = now;
            e.answering = false;
            e.problem = why;
            break;
        case T::Opened:
        case T::Back:
            e.answering = true;
            e.since.reset();
            e.problem.clear();
            break;
        case T::Refused: // it answers, but refused what it was sent (a character, a value)
            e.problem = why;
            break;
        default:
            break;
        }
        return;
    }
}

} // namespace hall::controller
