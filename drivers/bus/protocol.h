#pragma once
// The hall bus protocol above the frame (frame.h): command codes, reply status codes, unit
// types and line timing. docs/bus-protocol.md is the reference; payload layouts of the LED and
// keypad commands live with their codecs (drivers/led/led_payload.h, drivers/keypad/
// keypad_payload.h).
//
// Every request to a unit (ADDR 1..64) is answered by exactly one reply frame from that unit:
// CMD | 0x80, the request's SEQ, and a payload that starts with a status byte:
//
//   00 OK               done; command-specific data may follow
//   01 UNKNOWN_COMMAND  this unit has no such command (an LED strip asked to POLL)
//   02 BAD_PAYLOAD      a field is out of range or the payload has the wrong length
//   03 NO_GLYPH         text holds a character the unit's font lacks
//   04 BUSY             the unit cannot take the command now: ask again (same SEQ) shortly
//
// A unit that receives a frame with a bad CRC or one addressed to another unit stays silent (it
// cannot trust the address), as does every unit for a broadcast (ADDR 0): the controller
// retries on silence.

#include "drivers/base/device_error.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace hall::drivers::bus {

inline constexpr std::uint8_t kProtocolVersion = 1;

// Request command codes (replies: | kReplyFlag).
namespace cmd {
inline constexpr std::uint8_t kIdentify = 0x01; // -> status, unit type, protocol version
// LED strips (drivers/led/led_payload.h)
inline constexpr std::uint8_t kText = 0x10;
inline constexpr std::uint8_t kColour = 0x11;
inline constexpr std::uint8_t kBrightness = 0x12;
inline constexpr std::uint8_t kBlink = 0x13;
inline constexpr std::uint8_t kScroll = 0x14;
inline constexpr std::uint8_t kState = 0x15;
// Keypads (drivers/keypad/keypad_payload.h)
inline constexpr std::uint8_t kPoll = 0x20;
inline constexpr std::uint8_t kLed = 0x21;
inline constexpr std::uint8_t kBeep = 0x22;
inline constexpr std::uint8_t kDisplay = 0x23;
} // namespace cmd

std::string_view commandName(std::uint8_t command); // "text", "poll"; "0x7e" for unknown ones

enum class Status : std::uint8_t {
    Ok = 0x00,
    UnknownCommand = 0x01,
    BadPayload = 0x02,
    NoGlyph = 0x03,
    Busy = 0x04,
};

std::string_view statusName(std::uint8_t status); // "ok", "busy"; "status 0x42" otherwise
// A NAK as a DeviceError: Busy is Retry, the others Device (the unit refused the command and
// will refuse it again).
DeviceError nakError(std::uint8_t command, std::uint8_t status);

enum class UnitType : std::uint8_t {
    LedStrip = 0x01,
    CallerKeypad = 0x02,
    Evaluator = 0x03,
};

std::string_view unitTypeName(std::uint8_t type);

struct Identity {
    std::uint8_t type = 0;
    std::uint8_t version = 0;
};
// IDENTIFY reply payload: status(00) type version. nullopt when it is not one.
std::optional<Identity> parseIdentity(std::span<const std::uint8_t> payload);

// Time on the wire for n bytes at 8N1 (10 bits a byte).
constexpr std::chrono::microseconds wireTime(std::size_t bytes, unsigned baud) {
    return std::chrono::microseconds(baud == 0 ? 0 : bytes * 10'000'000ull / baud);
}

// Line timing (docs/bus-protocol.md, "Timing"): a unit starts its reply within kUnitTurnaround
// of the request's ETX; the controller waits kTurnaroundAllowance for the first byte on top of
// the wire time of both frames before it calls a unit silent.
inline constexpr std::chrono::milliseconds kUnitTurnaround{20};
inline constexpr std::chrono::milliseconds kTurnaroundAllowance{50};

} // namespace hall::drivers::bus
