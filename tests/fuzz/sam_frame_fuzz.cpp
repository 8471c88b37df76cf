// Fuzzes the SAM frame decoder with arbitrary byte streams delivered in arbitrary pieces, and
// the request / response parsers with whatever frames come out.
//
// Input: byte 0 picks the piece size (1..64) and whether the decoder is limited to short
// frames; the rest is the stream. Invariants (a crash when broken): the buffer never exceeds
// its capacity, every frame fits the LEN bounds, every decoded frame re-encodes to a frame that
// decodes to the same body, and the decoder always drains (no endless loop, no wedged buffer).
#include "drivers/idcard/sam_frame.h"
#include "drivers/idcard/sam_status.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

using namespace hall::drivers::idcard;

namespace {

void check(bool ok) {
    if (!ok) __builtin_trap();
}

void examine(const SamFrame& frame, std::size_t maxLength) {
    const auto& body = frame.body.bytes();
    check(body.size() + 1 >= kSamMinLength && body.size() + 1 <= maxLength);

    auto request = parseRequest(frame);
    if (request && request->command) {
        const auto again = decodeFrame(encodeRequest(*request->command, request->data));
        check(again.ok() && again->body.bytes() == body);
    }
    auto response = parseResponse(SamFrame{hall::drivers::SecureBytes(body)});
    if (response) {
        (void)statusError(response->sw3);
        (void)checkStatus(SamCommand::ReadTextPhoto, response->sw3);
        if (response->sw1 == 0 && response->sw2 == 0) {
            const auto again = decodeFrame(encodeResponse(response->sw3, response->data.bytes()));
            check(again.ok() && again->body.bytes() == body);
        }
    }
}

void drain(SamFrameDecoder& decoder, std::size_t maxLength) {
    // Each result consumes at least one byte, so this ends within the buffer's size.
    for (std::size_t guard = 0; guard <= SamFrameDecoder::kCapacity + 1; ++guard) {
        auto next = decoder.next();
        if (!next) return;
        if (next->ok()) examine(next->value(), maxLength);
    }
    check(false);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::size_t piece = data[0] % 64 + 1;
    const std::size_t maxLength = (data[0] & 0x80) != 0 ? 64 : kSamMaxLength;
    std::span<const std::uint8_t> stream(data + 1, size - 1);

    SamFrameDecoder decoder(maxLength);
    while (!stream.empty()) {
        const auto taken = decoder.feed(stream.first(std::min(piece, stream.size())));
        stream = stream.subspan(taken);
        check(decoder.buffered() <= SamFrameDecoder::kCapacity);
        drain(decoder, maxLength);
        check(decoder.space() > 0); // draining always makes room
    }
    // The stream went quiet: report truncations until nothing is pending.
    for (std::size_t guard = 0; guard <= SamFrameDecoder::kCapacity + 1; ++guard) {
        const auto truncated = decoder.finish();
        drain(decoder, maxLength);
        if (!truncated) break;
    }
    check(decoder.buffered() < kSamHeaderSize + kSamMaxLength);

    // The whole input as one frame.
    auto whole = decodeFrame(std::span(data + 1, size - 1));
    if (whole) examine(whole.value(), kSamMaxLength);
    return 0;
}
