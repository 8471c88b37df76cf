#include "drivers/bus/protocol.h"

#include <cstdio>
#include <string>

namespace hall::drivers::bus {
namespace {

std::string hexByte(std::uint8_t b) {
    char s[8];
    std::snprintf(s, sizeof s, "0x%02x", b);
    return s;
}

} // namespace

std::string_view commandName(std::uint8_t command) {
    switch (command & 0x7F) {
    case cmd::kIdentify:
        return "identify";
    case cmd::kText:
        return "text";
    case cmd::kColour:
        return "colour";
    case cmd::kBrightness:
        return "brightness";
    case cmd::kBlink:
        return "blink";
    case cmd::kScroll:
        return "scroll";
    case cmd::kState:
        return "state";
    case cmd::kPoll:
        return "poll";
    case cmd::kLed:
        return "led";
    case cmd::kBeep:
        return "beep";
    case cmd::kDisplay:
        return "display";
    default:
        return "unknown";
    }
}

std::string_view statusName(std::uint8_t status) {
    switch (static_cast<Status>(status)) {
    case Status::Ok:
        return "ok";
    case Status::UnknownCommand:
        return "unknown_command";
    case Status::BadPayload:
        return "bad_payload";
    case Status::NoGlyph:
        return "no_glyph";
    case Status::Busy:
        return "busy";
    }
    return "unknown_status";
}

DeviceError nakError(std::uint8_t command, std::uint8_t status) {
    const std::string what = "the unit refused the " + std::string(commandName(command)) +
                             " command (" + std::string(statusName(status)) + ", " +
                             hexByte(status) + ")";
    switch (static_cast<Status>(status)) {
    case Status::Busy:
        return retryError("busy", what + "; it is asked again");
    case Status::UnknownCommand:
        return deviceError("unknown_command",
                           what + ": is a device of another kind configured at this address?");
    case Status::BadPayload:
        return deviceError("bad_payload", what + ": a value is outside what its firmware accepts");
    case Status::NoGlyph:
        return deviceError("no_glyph", what + ": its font lacks a character of the text");
    case Status::Ok:
        break;
    }
    return deviceError("nak", what);
}

std::string_view unitTypeName(std::uint8_t type) {
    switch (static_cast<UnitType>(type)) {
    case UnitType::LedStrip:
        return "led_strip";
    case UnitType::CallerKeypad:
        return "caller_keypad";
    case UnitType::Evaluator:
        return "evaluator";
    }
    return "unknown";
}

std::optional<Identity> parseIdentity(std::span<const std::uint8_t> payload) {
    if (payload.size() < 3 || payload[0] != static_cast<std::uint8_t>(Status::Ok))
        return std::nullopt;
    return Identity{payload[1], payload[2]};
}

} // namespace hall::drivers::bus
