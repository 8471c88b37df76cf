#pragma once
// Payloads of the LED strip commands on the hall bus (docs/bus-protocol.md, "LED strips"):
//
//   TEXT       10  GB2312 (EUC-CN) bytes, 0..200; empty clears the strip. Switches the strip to
//                  showing this text.
//   COLOUR     11  R G B
//   BRIGHTNESS 12  percent 0..100 (0: dark, the strip still answers)
//   BLINK      13  on(00/01) period(10 ms units, 0A..FF: 100..2550 ms)
//   SCROLL     14  mode(00 static, 01 left, 02 up) speed(01..0A)
//   STATE      15  mode(00 idle, 01 serving, 02 paused, 03 closed) ticket(ASCII A-Z 0-9 '-',
//                  1..8 bytes for serving, none otherwise). Switches the strip to its own
//                  template for that state ("A012 办理中", "暂停服务", "窗口关闭").
//
// Every one is answered with the status byte alone (00 OK, or a NAK: 02 BAD_PAYLOAD, 03
// NO_GLYPH). Example: TEXT "请A012号到3号窗口" to strip 3, SEQ 7 is
//   02 | 03 10 07 11 | C7 EB 41 30 31 32 BA C5 B5 BD 33 BA C5 B4 B0 BF DA | CRC | 03
// (the 03 address, the 10 command and the 11 length are escaped on the wire: 10 23, 10 30, ...).

#include "drivers/bus/protocol.h"
#include "drivers/led/strip_command.h"

#include <cstdint>
#include <span>
#include <variant>
#include <vector>

namespace hall::drivers::led {

inline constexpr std::size_t kMaxTextBytes = 200;

struct EncodedCommand {
    std::uint8_t command = 0;
    std::vector<std::uint8_t> payload;
};

// Throws std::invalid_argument with the reason (TextEncodingError for characters outside
// GB2312) when the command cannot be carried: checkCommand() fails, or the text is too long.
EncodedCommand encodeCommand(const StripCommand& command);

// A unit's view (the twin): the command a request carries, or the NAK status to answer —
// UnknownCommand for a code that is no LED command, BadPayload for a wrong length or value,
// NoGlyph for text that is not valid GB2312.
std::variant<StripCommand, bus::Status> decodeCommand(std::uint8_t command,
                                                      std::span<const std::uint8_t> payload);

} // namespace hall::drivers::led
