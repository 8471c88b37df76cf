// Fuzzes the hall bus frame decoder with arbitrary byte streams in arbitrary pieces, and the
// payload parsers of the LED strips and keypads with whatever frames come out — what a keypad
// or strip line can put in front of the controller, and what the controller can put in front of
// a unit.
//
// Input: byte 0 picks the piece size (1..32); the rest is the stream. Invariants (a crash when
// broken): a decoded frame respects the bounds (address, payload length), re-encodes to bytes
// that decode to the same frame, and carries no raw STX/ETX inside its encoding; the decoder's
// finish() after the stream leaves it hunting; payload parsers never throw, and what they
// accept re-encodes to the same payload.
#include "drivers/bus/frame.h"
#include "drivers/keypad/keypad_payload.h"
#include "drivers/led/led_payload.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

using namespace hall::drivers;

namespace {

void check(bool ok) {
    if (!ok) __builtin_trap();
}

void examine(const bus::Frame& f) {
    check(f.payload.size() <= bus::kMaxPayload);
    if (f.address <= bus::kMaxAddress) {
        const auto wire = bus::encodeFrame(f);
        check(wire.size() <= bus::maxWireSize(f.payload.size()));
        for (std::size_t i = 1; i + 1 < wire.size(); ++i)
            check(wire[i] != bus::kStx && wire[i] != bus::kEtx);
        auto again = bus::decodeOne(wire);
        check(again && std::holds_alternative<bus::Frame>(*again) &&
              std::get<bus::Frame>(*again) == f);
    }
    const std::span<const std::uint8_t> p(f.payload);

    // As a keypad's POLL reply (after the status byte).
    if (!p.empty()) {
        auto reply = keypad::parsePollReply(p.subspan(1));
        if (auto* r = std::get_if<keypad::PollReply>(&reply)) {
            check(r->keys.size() + r->unknownCodes <= keypad::kMaxKeysPerPoll);
            if (r->unknownCodes == 0) {
                const auto again = keypad::encodePollReply(r->overflow, r->keys);
                check(std::equal(again.begin() + 1, again.end(), p.begin() + 1, p.end()));
            }
        }
    }
    // As a request to a strip or a keypad.
    auto led = led::decodeCommand(f.baseCommand(), p);
    if (auto* c = std::get_if<led::StripCommand>(&led)) {
        const auto again = led::encodeCommand(*c);
        check(again.command == f.baseCommand());
        // Text goes through GB2312 and back, which may normalise nothing: same bytes.
        check(again.payload == f.payload);
    }
    auto feedback = keypad::decodeFeedback(f.baseCommand(), p);
    if (auto* fb = std::get_if<keypad::Feedback>(&feedback)) {
        const auto again = keypad::encodeFeedback(*fb);
        check(again.payload == f.payload);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const std::size_t piece = 1 + data[0] % 32;
    std::span<const std::uint8_t> stream(data + 1, size - 1);
    bus::FrameDecoder decoder;
    while (!stream.empty()) {
        const auto chunk = stream.first(std::min(piece, stream.size()));
        stream = stream.subspan(chunk.size());
        decoder.feed(chunk, [](bus::Decoded&& r) {
            if (auto* f = std::get_if<bus::Frame>(&r)) examine(*f);
        });
    }
    (void)decoder.finish();
    check(!decoder.inFrame());
    return 0;
}
