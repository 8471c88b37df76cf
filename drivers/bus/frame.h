#pragma once
// Frames of the hall bus: our own addressed request/reply protocol for RS-485 lines (or a TCP
// gateway to one) shared by up to 64 LED window strips or keypads. docs/bus-protocol.md is the
// reference; this is its codec, with no I/O.
//
// On the wire:   STX | stuffed( ADDR CMD SEQ LEN PAYLOAD[LEN] CRC_L CRC_H ) | ETX
//
//   STX 0x02, ETX 0x03   frame delimiters; they never occur inside a frame
//   DLE 0x10             escape: a body byte 0x02, 0x03 or 0x10 is sent as DLE, byte ^ 0x20
//                        (10 22, 10 23, 10 30)
//   ADDR                 1..64 a unit; 0 broadcast (requests only; nobody replies)
//   CMD                  bit 7 clear: a request from the controller; set: a unit's reply to the
//                        request with CMD & 0x7F
//   SEQ                  chosen by the controller, echoed in the reply; a retry repeats it
//   LEN                  payload bytes, 0..240
//   CRC                  CRC-16/MODBUS over ADDR..PAYLOAD (unstuffed), low byte first
//
// Stuffing makes STX an unambiguous frame start: a receiver that lost sync (noise, a unit
// that went quiet mid-frame) is back in step at the next STX, without a timeout. The cost is at
// most one extra byte per body byte equal to 02, 03 or 10.

#include "drivers/base/device_error.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <variant>
#include <vector>

namespace hall::drivers::bus {

inline constexpr std::uint8_t kStx = 0x02;
inline constexpr std::uint8_t kEtx = 0x03;
inline constexpr std::uint8_t kDle = 0x10;
inline constexpr std::uint8_t kEscapeXor = 0x20;

inline constexpr std::uint8_t kBroadcast = 0;
inline constexpr std::uint8_t kMaxAddress = 64;
inline constexpr std::uint8_t kReplyFlag = 0x80;
inline constexpr std::size_t kMaxPayload = 240;
inline constexpr std::size_t kHeaderSize = 4; // ADDR CMD SEQ LEN
inline constexpr std::size_t kCrcSize = 2;
inline constexpr std::size_t kMinBody = kHeaderSize + kCrcSize;
inline constexpr std::size_t kMaxBody = kMinBody + kMaxPayload; // 246

struct Frame {
    std::uint8_t address = 0;
    std::uint8_t command = 0;
    std::uint8_t sequence = 0;
    std::vector<std::uint8_t> payload;

    bool isReply() const { return (command & kReplyFlag) != 0; }
    std::uint8_t baseCommand() const { return command & static_cast<std::uint8_t>(~kReplyFlag); }
    bool operator==(const Frame&) const = default;
};

// The complete wire bytes of a frame. Throws std::invalid_argument for an address above 64 or a
// payload longer than kMaxPayload (programming errors: the callers build payloads within bounds).
std::vector<std::uint8_t> encodeFrame(const Frame& frame);
// The same frame with its CRC inverted, for twins and tests that put damaged frames on the line.
std::vector<std::uint8_t> encodeFrameWithBadCrc(const Frame& frame);

// Wire size bounds for a payload of n bytes: without any byte needing an escape, and when every
// body byte does. Timeouts are computed from the worst case.
constexpr std::size_t minWireSize(std::size_t payload) {
    return 2 + kMinBody + payload;
}
constexpr std::size_t maxWireSize(std::size_t payload) {
    return 2 + 2 * (kMinBody + payload);
}

// Why bytes between STX and ETX were not a frame. Every one is dropped whole and the decoder
// hunts for the next STX; none stops the line.
enum class FrameError {
    BadCrc,    // the CRC does not match: bits flipped on the line
    Truncated, // a new STX came (or finish() was called) before ETX: the sender stopped mid-frame
    Oversized, // more than kMaxBody bytes without ETX: a lost ETX, or not our protocol
    BadEscape, // DLE followed by a byte that is no escape (or by ETX)
    TooShort,  // fewer than ADDR CMD SEQ LEN CRC between STX and ETX
    BadLength, // the CRC is right but LEN disagrees with the body: a sender bug, not noise
};

std::string_view frameErrorCode(FrameError error); // "bad_crc", "truncated", ...
// As a DeviceError for events: BadLength is a Device error (the unit does not speak this
// protocol correctly), the others Retry (line noise; the exchange is retried).
DeviceError toDeviceError(FrameError error);

using Decoded = std::variant<Frame, FrameError>;

// Incremental decoder: bytes in any pieces, with any garbage around them.
//
//   for (auto b : chunk) if (auto r = decoder.push(b)) handle(*r);
//   ... the line went quiet (a read timed out):
//   if (auto e = decoder.finish()) handle(*e);   // a frame was cut short
//
// Memory is bounded (one body, kMaxBody bytes); it never throws on input.
class FrameDecoder {
public:
    FrameDecoder();

    // One byte; returns a frame or an error when this byte completes one.
    std::optional<Decoded> push(std::uint8_t byte);
    // Every result the bytes complete, in order, to sink(Decoded&&).
    template <class Sink> void feed(std::span<const std::uint8_t> bytes, Sink&& sink) {
        for (const std::uint8_t b : bytes)
            if (auto r = push(b)) sink(std::move(*r));
    }
    // A frame in progress is reported Truncated and dropped; nullopt when none was.
    std::optional<FrameError> finish();
    void reset();

    bool inFrame() const { return state_ != State::Hunt; }
    // Bytes seen outside any frame (between ETX and the next STX): line noise.
    std::uint64_t noiseBytes() const { return noise_; }

private:
    enum class State { Hunt, Body, Escape };
    std::optional<Decoded> complete();

    State state_ = State::Hunt;
    std::vector<std::uint8_t> body_; // unstuffed, reserved kMaxBody
    std::uint64_t noise_ = 0;
};

// Exactly one frame and nothing else (for tests and tools): the first result of the bytes, or
// Truncated when they end mid-frame. std::nullopt when the bytes hold no STX at all.
std::optional<Decoded> decodeOne(std::span<const std::uint8_t> bytes);

} // namespace hall::drivers::bus
