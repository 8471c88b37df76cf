#include "drivers/bus/frame.h"

#include "drivers/bus/crc16.h"

#include <stdexcept>
#include <string>

namespace hall::drivers::bus {
namespace {

bool needsEscape(std::uint8_t b) {
    return b == kStx || b == kEtx || b == kDle;
}

void putStuffed(std::vector<std::uint8_t>& out, std::uint8_t b) {
    if (needsEscape(b)) {
        out.push_back(kDle);
        out.push_back(static_cast<std::uint8_t>(b ^ kEscapeXor));
    } else {
        out.push_back(b);
    }
}

std::vector<std::uint8_t> encodeWith(const Frame& frame, std::uint16_t crcXor) {
    if (frame.address > kMaxAddress)
        throw std::invalid_argument("bus address " + std::to_string(frame.address) +
                                    " is outside 0..64");
    if (frame.payload.size() > kMaxPayload)
        throw std::invalid_argument("bus frame payload of " + std::to_string(frame.payload.size()) +
                                    " bytes exceeds " + std::to_string(kMaxPayload));
    const std::uint8_t header[kHeaderSize] = {frame.address, frame.command, frame.sequence,
                                              static_cast<std::uint8_t>(frame.payload.size())};
    std::uint16_t crc = crc16Modbus(header);
    crc = crc16ModbusUpdate(crc, frame.payload);
    crc ^= crcXor;

    std::vector<std::uint8_t> out;
    out.reserve(minWireSize(frame.payload.size()) + 4);
    out.push_back(kStx);
    for (const std::uint8_t b : header)
        putStuffed(out, b);
    for (const std::uint8_t b : frame.payload)
        putStuffed(out, b);
    putStuffed(out, static_cast<std::uint8_t>(crc & 0xFF)); // low byte first, as Modbus RTU
    putStuffed(out, static_cast<std::uint8_t>(crc >> 8));
    out.push_back(kEtx);
    return out;
}

} // namespace

std::vector<std::uint8_t> encodeFrame(const Frame& frame) {
    return encodeWith(frame, 0);
}

std::vector<std::uint8_t> encodeFrameWithBadCrc(const Frame& frame) {
    return encodeWith(frame, 0xFFFF);
}

std::string_view frameErrorCode(FrameError error) {
    switch (error) {
    case FrameError::BadCrc:
        return "bad_crc";
    case FrameError::Truncated:
        return "truncated";
    case FrameError::Oversized:
        return "oversized";
    case FrameError::BadEscape:
        return "bad_escape";
    case FrameError::TooShort:
        return "too_short";
    case FrameError::BadLength:
        return "bad_length";
    }
    return "unknown";
}

DeviceError toDeviceError(FrameError error) {
    const std::string code(frameErrorCode(error));
    switch (error) {
    case FrameError::BadCrc:
        return retryError(code, "a bus frame failed its CRC check (line noise): check the RS-485 "
                                "wiring, termination and shield if this repeats");
    case FrameError::Truncated:
        return retryError(code, "a bus frame stopped before its end: a unit went quiet "
                                "mid-frame, or two talked at once");
    case FrameError::Oversized:
        return retryError(code, "more than 246 bytes without a frame end: noise on the line, or "
                                "a device that does not speak the hall bus protocol");
    case FrameError::BadEscape:
        return retryError(code, "a bus frame carried an invalid escape sequence (line noise)");
    case FrameError::TooShort:
        return retryError(code, "a bus frame was too short to hold a header and CRC (line noise)");
    case FrameError::BadLength:
        return deviceError(code, "a unit sent a frame whose length field disagrees with its size: "
                                 "its firmware does not speak this protocol version");
    }
    return deviceError(code, "bus frame error");
}

FrameDecoder::FrameDecoder() {
    body_.reserve(kMaxBody);
}

void FrameDecoder::reset() {
    state_ = State::Hunt;
    body_.clear();
}

std::optional<Decoded> FrameDecoder::push(std::uint8_t byte) {
    // STX always starts a frame: it cannot occur inside one, so whatever was in progress was cut
    // short. This is what resynchronises the decoder at once after noise.
    if (byte == kStx) {
        const bool wasInFrame = state_ != State::Hunt;
        state_ = State::Body;
        body_.clear();
        if (wasInFrame) return Decoded(FrameError::Truncated);
        return std::nullopt;
    }
    switch (state_) {
    case State::Hunt:
        ++noise_;
        return std::nullopt;
    case State::Escape:
        state_ = State::Body;
        if (byte == (kStx ^ kEscapeXor) || byte == (kEtx ^ kEscapeXor) ||
            byte == (kDle ^ kEscapeXor)) {
            byte = static_cast<std::uint8_t>(byte ^ kEscapeXor);
            break; // store it below
        }
        // DLE then anything else (ETX included) is no escape: drop the frame. An ETX here ends
        // it; other bytes are skipped up to the next STX.
        state_ = State::Hunt;
        body_.clear();
        return Decoded(FrameError::BadEscape);
    case State::Body:
        if (byte == kEtx) {
            state_ = State::Hunt;
            return complete();
        }
        if (byte == kDle) {
            state_ = State::Escape;
            return std::nullopt;
        }
        break;
    }
    if (body_.size() == kMaxBody) {
        state_ = State::Hunt;
        body_.clear();
        return Decoded(FrameError::Oversized);
    }
    body_.push_back(byte);
    return std::nullopt;
}

std::optional<Decoded> FrameDecoder::complete() {
    if (body_.size() < kMinBody) return Decoded(FrameError::TooShort);
    const std::size_t crcAt = body_.size() - kCrcSize;
    const auto crc = crc16Modbus(std::span(body_.data(), crcAt));
    const auto got = static_cast<std::uint16_t>(body_[crcAt] | body_[crcAt + 1] << 8);
    if (crc != got) return Decoded(FrameError::BadCrc);
    if (body_[3] != crcAt - kHeaderSize) return Decoded(FrameError::BadLength);
    Frame f;
    f.address = body_[0];
    f.command = body_[1];
    f.sequence = body_[2];
    f.payload.assign(body_.begin() + kHeaderSize,
                     body_.begin() + static_cast<std::ptrdiff_t>(crcAt));
    body_.clear();
    return Decoded(std::move(f));
}

std::optional<FrameError> FrameDecoder::finish() {
    if (state_ == State::Hunt) return std::nullopt;
    reset();
    return FrameError::Truncated;
}

std::optional<Decoded> decodeOne(std::span<const std::uint8_t> bytes) {
    FrameDecoder decoder;
    for (const std::uint8_t b : bytes)
        if (auto r = decoder.push(b)) return r;
    if (auto e = decoder.finish()) return Decoded(*e);
    return std::nullopt;
}

} // namespace hall::drivers::bus
