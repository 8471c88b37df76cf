#pragma once
// One LED window strip behind the bus twin (drivers/bus/twin/bus_twin.h): it takes the LED
// commands of docs/bus-protocol.md and shows, as text, what a real strip would light up:
//
//   请A012号到3号窗口 (red, blink)
//   <serving A012> (green)
//   <closed> (red, 30%)
//
// Content is the last TEXT or STATE received; the attributes in brackets are the colour, then
// blink, brightness and scrolling when they differ from a strip's power-on defaults (red, steady,
// 100 %, static). A strip switched on shows nothing ("(blank)").
//
// asciiOnly(true) gives the strip a font without hanzi (cheap strips have one): text with any
// byte above 0x7F is refused with NO_GLYPH, so the controller's Refused path can be tested.

#include "drivers/bus/twin/bus_twin.h"
#include "drivers/led/strip_command.h"

#include <cstdint>
#include <string>

namespace hall::drivers::led {

class LedStripUnit : public bus::BusUnit {
public:
    std::optional<std::vector<std::uint8_t>> handle(const bus::Frame& request) override;
    std::string render() const override;

    void asciiOnly(bool on) { asciiOnly_ = on; }
    // The strip's state, for tests (call under BusTwin::withUnit).
    const std::optional<StripCommand>& content() const { return content_; }
    Rgb colour() const { return colour_; }
    bool blinking() const { return blink_.on; }
    std::uint8_t brightness() const { return brightness_; }
    std::uint64_t commandsApplied() const { return applied_; }

private:
    void apply(const StripCommand& command);

    std::optional<StripCommand> content_; // Text or State
    Rgb colour_ = kRed;
    std::uint8_t brightness_ = 100;
    Blink blink_{};
    Scroll scroll_{};
    bool asciiOnly_ = false;
    std::uint64_t applied_ = 0;
};

} // namespace hall::drivers::led
