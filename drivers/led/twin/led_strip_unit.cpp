#include "drivers/led/twin/led_strip_unit.h"

#include "drivers/bus/protocol.h"
#include "drivers/led/led_payload.h"

#include <algorithm>

namespace hall::drivers::led {
namespace {

std::vector<std::uint8_t> status(bus::Status s) {
    return {static_cast<std::uint8_t>(s)};
}

} // namespace

std::optional<std::vector<std::uint8_t>> LedStripUnit::handle(const bus::Frame& request) {
    if (request.command == bus::cmd::kIdentify) {
        return std::vector<std::uint8_t>{static_cast<std::uint8_t>(bus::Status::Ok),
                                         static_cast<std::uint8_t>(bus::UnitType::LedStrip),
                                         bus::kProtocolVersion};
    }
    if (asciiOnly_ && request.command == bus::cmd::kText &&
        std::any_of(request.payload.begin(), request.payload.end(),
                    [](std::uint8_t b) { return b >= 0x80; }))
        return status(bus::Status::NoGlyph);
    auto decoded = decodeCommand(request.command, request.payload);
    if (auto* s = std::get_if<bus::Status>(&decoded)) return status(*s);
    apply(std::get<StripCommand>(decoded));
    return status(bus::Status::Ok);
}

void LedStripUnit::apply(const StripCommand& command) {
    ++applied_;
    if (std::holds_alternative<Text>(command) || std::holds_alternative<State>(command)) {
        content_ = command;
    } else if (auto* c = std::get_if<Colour>(&command)) {
        colour_ = c->rgb;
    } else if (auto* b = std::get_if<Brightness>(&command)) {
        brightness_ = b->percent;
    } else if (auto* k = std::get_if<Blink>(&command)) {
        blink_ = *k;
    } else if (auto* s = std::get_if<Scroll>(&command)) {
        scroll_ = *s;
    }
}

std::string LedStripUnit::render() const {
    std::string shown = "(blank)";
    if (content_) {
        if (auto* t = std::get_if<Text>(&*content_)) {
            shown = t->utf8.empty() ? "(blank)" : t->utf8;
        } else {
            const auto& s = std::get<State>(*content_);
            shown = "<" + std::string(modeName(s.mode)) + (s.ticket.empty() ? "" : " " + s.ticket) +
                    ">";
        }
    }
    std::string attrs = colourName(colour_);
    if (blink_.on)
        attrs += blink_.period == std::chrono::milliseconds(500)
                     ? ", blink"
                     : ", blink " + std::to_string(blink_.period.count()) + "ms";
    if (brightness_ != 100) attrs += ", " + std::to_string(brightness_) + "%";
    if (scroll_.mode != ScrollMode::Static)
        attrs += ", scroll " + std::string(scrollModeName(scroll_.mode)) + " " +
                 std::to_string(scroll_.speed);
    return shown + " (" + attrs + ")";
}

} // namespace hall::drivers::led
