#include "drivers/idcard/sam_frame.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>

namespace hall::drivers::idcard {
namespace {

std::string hex(std::uint8_t b) {
    char s[5];
    std::snprintf(s, sizeof s, "0x%02X", b);
    return s;
}

std::vector<std::uint8_t> encodeFrame(std::span<const std::uint8_t> head,
                                      std::span<const std::uint8_t> data) {
    const std::size_t len = head.size() + data.size() + 1;
    if (len > kSamMaxLength) {
        throw std::invalid_argument("SAM frame data of " + std::to_string(data.size()) +
                                    " bytes exceeds the protocol's maximum length " +
                                    std::to_string(kSamMaxLength));
    }
    std::vector<std::uint8_t> out;
    out.reserve(kSamHeaderSize + len);
    out.insert(out.end(), kSamPreamble.begin(), kSamPreamble.end());
    out.push_back(static_cast<std::uint8_t>(len >> 8));
    out.push_back(static_cast<std::uint8_t>(len & 0xFF));
    out.insert(out.end(), head.begin(), head.end());
    out.insert(out.end(), data.begin(), data.end());
    out.push_back(samChecksum(std::span(out).subspan(kSamPreamble.size())));
    return out;
}

DeviceError badLength(std::size_t len, std::size_t maxLength) {
    return deviceError("bad_length", "SAM frame announces length " + std::to_string(len) +
                                         ", outside " + std::to_string(kSamMinLength) + ".." +
                                         std::to_string(maxLength) +
                                         " bytes: the peer is not speaking the SAM protocol "
                                         "(wrong port or baud rate?)");
}

DeviceError badChecksum(std::uint8_t expected, std::uint8_t got) {
    return retryError("bad_checksum", "SAM frame checksum is " + hex(got) + ", expected " +
                                          hex(expected) +
                                          "; frame dropped (line noise; check the cable if this "
                                          "repeats)");
}

DeviceError truncated(std::size_t have, std::size_t want) {
    return retryError("truncated", "SAM frame stopped after " + std::to_string(have) + " of " +
                                       std::to_string(want) +
                                       " bytes; the reader went quiet mid-frame");
}

// Length of the longest suffix of bytes that is a proper prefix of the preamble.
std::size_t partialPreambleSuffix(std::span<const std::uint8_t> bytes) {
    const std::size_t maxKeep = std::min(bytes.size(), kSamPreamble.size() - 1);
    for (std::size_t keep = maxKeep; keep > 0; --keep) {
        if (std::equal(bytes.end() - static_cast<std::ptrdiff_t>(keep), bytes.end(),
                       kSamPreamble.begin())) {
            return keep;
        }
    }
    return 0;
}

} // namespace

std::uint8_t commandCode(SamCommand command) {
    return static_cast<std::uint8_t>(static_cast<std::uint16_t>(command) >> 8);
}

std::uint8_t commandParameter(SamCommand command) {
    return static_cast<std::uint8_t>(static_cast<std::uint16_t>(command) & 0xFF);
}

std::optional<SamCommand> samCommandFrom(std::uint8_t cmd, std::uint8_t para) {
    const auto value = static_cast<std::uint16_t>(cmd << 8 | para);
    switch (static_cast<SamCommand>(value)) {
    case SamCommand::ResetSam:
    case SamCommand::SamStatus:
    case SamCommand::SamId:
    case SamCommand::FindCard:
    case SamCommand::SelectCard:
    case SamCommand::ReadTextPhoto:
    case SamCommand::ReadTextPhotoFingerprint:
        return static_cast<SamCommand>(value);
    }
    return std::nullopt;
}

std::string_view commandName(SamCommand command) {
    switch (command) {
    case SamCommand::ResetSam:
        return "reset_sam";
    case SamCommand::SamStatus:
        return "sam_status";
    case SamCommand::SamId:
        return "sam_id";
    case SamCommand::FindCard:
        return "find_card";
    case SamCommand::SelectCard:
        return "select_card";
    case SamCommand::ReadTextPhoto:
        return "read_text_photo";
    case SamCommand::ReadTextPhotoFingerprint:
        return "read_text_photo_fingerprint";
    }
    return "unknown";
}

std::uint8_t samChecksum(std::span<const std::uint8_t> bytes) {
    std::uint8_t x = 0;
    for (const std::uint8_t b : bytes)
        x ^= b;
    return x;
}

std::vector<std::uint8_t> encodeRequest(SamCommand command, std::span<const std::uint8_t> data) {
    const std::uint8_t head[] = {commandCode(command), commandParameter(command)};
    return encodeFrame(head, data);
}

std::vector<std::uint8_t> encodeResponse(std::uint8_t sw3, std::span<const std::uint8_t> data) {
    const std::uint8_t head[] = {0x00, 0x00, sw3};
    return encodeFrame(head, data);
}

DecodeResult<SamResponse> parseResponse(SamFrame frame) {
    const auto& body = frame.body.bytes();
    if (body.size() < 3) {
        return deviceError("bad_length", "SAM response of " + std::to_string(body.size()) +
                                             " bytes has no room for SW1 SW2 SW3: the peer sent a "
                                             "request, or is not a SAM reader");
    }
    SamResponse r;
    r.sw1 = body[0];
    r.sw2 = body[1];
    r.sw3 = body[2];
    r.data = SecureBytes(std::vector<std::uint8_t>(body.begin() + 3, body.end()));
    return DecodeResult<SamResponse>(std::move(r)); // frame's destructor wipes the body
}

DecodeResult<SamRequest> parseRequest(const SamFrame& frame) {
    const auto& body = frame.body.bytes();
    if (body.size() < 2) {
        return deviceError("bad_length", "SAM request of " + std::to_string(body.size()) +
                                             " bytes has no room for CMD PARA");
    }
    SamRequest r;
    r.cmd = body[0];
    r.para = body[1];
    r.command = samCommandFrom(r.cmd, r.para);
    r.data.assign(body.begin() + 2, body.end());
    return DecodeResult<SamRequest>(std::move(r));
}

DecodeResult<SamFrame> decodeFrame(std::span<const std::uint8_t> bytes) {
    if (bytes.size() < kSamHeaderSize) return truncated(bytes.size(), kSamHeaderSize);
    if (!std::equal(kSamPreamble.begin(), kSamPreamble.end(), bytes.begin())) {
        return deviceError("bad_preamble", "SAM frame does not start with AA AA AA 96 69");
    }
    const std::size_t len = static_cast<std::size_t>(bytes[5]) << 8 | bytes[6];
    if (len < kSamMinLength || len > kSamMaxLength) return badLength(len, kSamMaxLength);
    const std::size_t total = kSamHeaderSize + len;
    if (bytes.size() < total) return truncated(bytes.size(), total);
    if (bytes.size() > total) {
        return deviceError("trailing_bytes", std::to_string(bytes.size() - total) +
                                                 " bytes follow the SAM frame's checksum");
    }
    const std::uint8_t expected = samChecksum(bytes.subspan(kSamPreamble.size(), 2 + len - 1));
    if (expected != bytes[total - 1]) return badChecksum(expected, bytes[total - 1]);
    return SamFrame{SecureBytes(std::vector<std::uint8_t>(
        bytes.begin() + kSamHeaderSize, bytes.begin() + static_cast<std::ptrdiff_t>(total - 1)))};
}

// ---- SamFrameDecoder --------------------------------------------------------------------------

SamFrameDecoder::SamFrameDecoder(std::size_t maxLength)
    : maxLength_(std::clamp(maxLength, kSamMinLength, kSamMaxLength)), buffer_(kCapacity) {}

SamFrameDecoder::~SamFrameDecoder() {
    secureWipe(buffer_.data(), buffer_.size());
}

std::size_t SamFrameDecoder::feed(std::span<const std::uint8_t> bytes) {
    const std::size_t n = std::min(bytes.size(), space());
    if (n > 0) std::memcpy(buffer_.data() + size_, bytes.data(), n);
    size_ += n;
    return n;
}

void SamFrameDecoder::consume(std::size_t n) {
    n = std::min(n, size_);
    if (n == 0) return;
    std::memmove(buffer_.data(), buffer_.data() + n, size_ - n);
    // The vacated tail still holds the bytes just moved (or consumed): they may be personal.
    secureWipe(buffer_.data() + (size_ - n), n);
    size_ -= n;
}

void SamFrameDecoder::reset() {
    secureWipe(buffer_.data(), size_);
    size_ = 0;
}

bool SamFrameDecoder::skipToPreamble() {
    const auto begin = buffer_.begin();
    const auto end = begin + static_cast<std::ptrdiff_t>(size_);
    const auto found = std::search(begin, end, kSamPreamble.begin(), kSamPreamble.end());
    if (found != end) {
        const auto skip = static_cast<std::size_t>(found - begin);
        discarded_ += skip;
        consume(skip);
        return true;
    }
    // No whole preamble: keep only a tail that may still become one.
    const std::size_t keep = partialPreambleSuffix(std::span(buffer_.data(), size_));
    discarded_ += size_ - keep;
    consume(size_ - keep);
    return false;
}

std::optional<DecodeResult<SamFrame>> SamFrameDecoder::next() {
    if (!skipToPreamble() || size_ < kSamHeaderSize) return std::nullopt;

    const std::size_t len = static_cast<std::size_t>(buffer_[5]) << 8 | buffer_[6];
    if (len < kSamMinLength || len > maxLength_) {
        consume(kSamPreamble.size());
        return DecodeResult<SamFrame>(badLength(len, maxLength_));
    }
    const std::size_t total = kSamHeaderSize + len;
    if (size_ < total) return std::nullopt;

    const std::uint8_t got = buffer_[total - 1];
    const std::uint8_t expected =
        samChecksum(std::span(buffer_.data() + kSamPreamble.size(), 2 + len - 1));
    if (got != expected) {
        // Only the preamble is dropped: what followed may hold a real frame (this one may have been
        // a fragment whose LEN swallowed the next frame).
        consume(kSamPreamble.size());
        return DecodeResult<SamFrame>(badChecksum(expected, got));
    }
    SamFrame frame{SecureBytes(
        std::vector<std::uint8_t>(buffer_.begin() + kSamHeaderSize,
                                  buffer_.begin() + static_cast<std::ptrdiff_t>(total - 1)))};
    consume(total);
    return DecodeResult<SamFrame>(std::move(frame));
}

std::optional<DeviceError> SamFrameDecoder::finish() {
    skipToPreamble();
    if (size_ == 0) return std::nullopt;
    if (size_ < kSamPreamble.size()) {
        // A partial preamble and nothing after it: noise, not a frame.
        discarded_ += size_;
        reset();
        return std::nullopt;
    }
    std::size_t want = kSamHeaderSize;
    if (size_ >= kSamHeaderSize) {
        const std::size_t len = static_cast<std::size_t>(buffer_[5]) << 8 | buffer_[6];
        want = kSamHeaderSize + len;
        // A complete frame is next()'s business, not a truncation.
        if (size_ >= want) return std::nullopt;
    }
    const std::size_t have = size_;
    consume(kSamPreamble.size());
    return truncated(have, want);
}

} // namespace hall::drivers::idcard
