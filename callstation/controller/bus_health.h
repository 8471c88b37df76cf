#pragma once
// The hall-bus lines the controller drives (the hall TOML's [[led_lines]] and [[keypad_lines]]),
// and whether their units answer.
//
// Whether the hall-bus units the controller drives answer: the LED strip, the caller keypad and
// the evaluator of each window (an evaluator counts as a "keypad"), and the lines they hang on. Fed
// from the lines' device events (a unit that stops answering is reported once, Lost; Back when it
// answers again), read by the REST API's GET /api/v1/health and so by `hallctl health`. Network
// thread only.

#include "drivers/base/device_event.h"
#include "drivers/base/device_setting.h"
#include "shared/core/hall_config.h"
#include "shared/core/time.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hall::controller {

enum class BusUnitKind { Strip, Keypad };
std::string_view busUnitKindName(BusUnitKind kind); // "led_strip", "keypad"

// A configured line as the device setting the driver factory builds it from, as it would a
// technician's: an RS-485 port at its baud rate, or a TCP gateway.
drivers::DeviceSetting busLineSetting(const core::BusLine& line, BusUnitKind kind);
// The line's name in logs and health: its port or its gateway.
const std::string& busLinePlace(const core::BusLine& line);

struct BusUnitHealth {
    BusUnitKind kind = BusUnitKind::Strip;
    std::string line;      // the line's port or gateway, as the hall TOML names it
    int unit = 0;          // 1..64; 0 for the line itself
    int window = 0;        // 0 for the line itself
    bool answering = true; // false from a Lost until the next Back
    std::optional<core::Timestamp> since = std::nullopt; // when it stopped answering
    std::string problem{}; // the driver's error code and message, no personal data
};

class BusHealth {
public:
    // The configured lines and units, all presumed answering until a line says otherwise.
    void reset(const core::HallConfig& config);
    // A device event of the line `line` of `kind`; events of units not configured are ignored.
    void record(BusUnitKind kind, const std::string& line, const drivers::DeviceEvent& event,
                core::Timestamp now);
    // Lines first, then their units, in configuration order.
    const std::vector<BusUnitHealth>& entries() const { return entries_; }

private:
    std::vector<BusUnitHealth> entries_;
};

} // namespace hall::controller
