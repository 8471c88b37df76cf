#pragma once
// Payloads of the keypad commands on the hall bus (docs/bus-protocol.md, "Keypads"). Keypads
// never speak unasked: the controller polls each address in turn and a keypad answers with
// the keys pressed since.
//
//   POLL     20  (no payload)
//            reply: 00 | flags | n | n key codes (keys.h), n 0..16, oldest first
//                   flags bit 0: keys were lost (the keypad's queue overflowed since the last
//                   reply; the clerk is asked to press again)
//   LED      21  led(1..4) mode(00 off, 01 on, 02 blink)       reply: 00
//   BEEP     22  count(1..5) length(10 ms units, 1..100)       reply: 00
//   DISPLAY  23  0..8 ASCII characters of 0-9 A-Z '-' ' ' (the keypad's small display: the
//                number being served, a window number); empty clears it   reply: 00
//
// Exactly once, also when replies are lost: a keypad keeps its last POLL reply until a POLL
// with another SEQ arrives. A POLL repeating the SEQ (the controller did not get the reply) is
// answered with the same keys again; a POLL with a new SEQ tells the keypad the last reply
// arrived, so it drops those keys and answers with the next ones. The controller therefore
// moves a keypad's POLL SEQ on only after it has received a reply.

#include "drivers/bus/protocol.h"
#include "drivers/keypad/keys.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace hall::drivers::keypad {

inline constexpr std::size_t kMaxKeysPerPoll = 16;
inline constexpr std::size_t kMaxDisplay = 8;
inline constexpr std::uint8_t kFlagOverflow = 0x01;

struct PollReply {
    bool overflow = false;
    std::vector<Key> keys;
    // Codes no keypad sends, skipped (a newer keypad's keys); counted so a technician can tell.
    std::size_t unknownCodes = 0;
};

// The data after the status byte of a POLL reply. An error (for the event) when it is not one:
// wrong length, or more than kMaxKeysPerPoll keys.
std::variant<PollReply, DeviceError> parsePollReply(std::span<const std::uint8_t> data);
// The whole payload a keypad sends (status 00 first).
std::vector<std::uint8_t> encodePollReply(bool overflow, std::span<const Key> keys);

enum class LedMode : std::uint8_t { Off = 0, On = 1, Blink = 2 };
std::string_view ledModeName(LedMode mode);

struct LedCommand {
    std::uint8_t led = 1; // 1..4
    LedMode mode = LedMode::Off;
};
struct BeepCommand {
    std::uint8_t count = 1;                // 1..5
    std::chrono::milliseconds length{100}; // 10..1000 ms, 10 ms steps
};
struct DisplayCommand {
    std::string text; // 0..8 of 0-9 A-Z '-' ' '
};
using Feedback = std::variant<LedCommand, BeepCommand, DisplayCommand>;

// nullopt when the command is within range, else why not.
std::optional<std::string> checkFeedback(const Feedback& feedback);
struct EncodedFeedback {
    std::uint8_t command = 0;
    std::vector<std::uint8_t> payload;
};
// Throws std::invalid_argument when checkFeedback fails.
EncodedFeedback encodeFeedback(const Feedback& feedback);
// The keypad's side (the twin): the command a request carries, or the NAK status.
std::variant<Feedback, bus::Status> decodeFeedback(std::uint8_t command,
                                                   std::span<const std::uint8_t> payload);

} // namespace hall::drivers::keypad
