#pragma once
// Frames of the SAM module inside 2nd-generation ID-card readers (the GA 467 host protocol),
// kept apart from any transport: the same bytes travel over a serial port or USB bulk endpoints.
//
//   request   AA AA AA 96 69 | LEN_H LEN_L | CMD PARA | DATA ... | CHK
//   response  AA AA AA 96 69 | LEN_H LEN_L | SW1 SW2 SW3 | DATA ... | CHK
//
// LEN is big-endian and counts every byte after itself, CHK included. CHK is the XOR of every
// byte after the 5-byte preamble up to CHK, the two LEN bytes included: "find card" is
// AA AA AA 96 69 00 03 20 01 22, since 00 ^ 03 ^ 20 ^ 01 = 22 (public reader code sends exactly
// these bytes, and 00 03 11 FF ED for "status"). SW1 SW2 are 00 00; SW3 is the status
// (sam_status.h). Everything between LEN and CHK is called the frame's body here.

#include "drivers/base/device_error.h"
#include "drivers/base/secure_wipe.h"
#include "drivers/idcard/decode_result.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace hall::drivers::idcard {

inline constexpr std::array<std::uint8_t, 5> kSamPreamble{0xAA, 0xAA, 0xAA, 0x96, 0x69};
inline constexpr std::size_t kSamHeaderSize = 7; // preamble + LEN

// Text block, photo and fingerprint sizes of a read reply (GA 467).
inline constexpr std::size_t kTextBlockSize = 256;
inline constexpr std::size_t kPhotoSize = 1024;          // WLT-compressed photo
inline constexpr std::size_t kMaxFingerprintSize = 1024; // two 512-byte templates

// LEN bounds. The shortest frame is a request: CMD PARA CHK. The longest is the reply to 30 10
// (text + photo + fingerprint): SW1-3, three 2-byte lengths, 256 + 1024 + 1024 bytes, CHK.
// Anything longer is not this protocol, so the decoder refuses it instead of buffering it.
inline constexpr std::size_t kSamMinLength = 3;
inline constexpr std::size_t kSamMaxLength =
    3 + 6 + kTextBlockSize + kPhotoSize + kMaxFingerprintSize + 1; // 2314
inline constexpr std::size_t kSamMaxFrameSize = kSamHeaderSize + kSamMaxLength;

// Commands, CMD << 8 | PARA.
enum class SamCommand : std::uint16_t {
    ResetSam = 0x10FF,                 // reset the SAM module
    SamStatus = 0x11FF,                // SAM self-check; 90 when healthy
    SamId = 0x12FF,                    // read the SAM's management number (16 bytes)
    FindCard = 0x2001,                 // is a card in the field? 9F yes, 80 no
    SelectCard = 0x2002,               // select the card found (anti-collision); 90
    ReadTextPhoto = 0x3001,            // text block + photo; 90 + lengths + blocks
    ReadTextPhotoFingerprint = 0x3010, // text block + photo + fingerprint templates
};

std::uint8_t commandCode(SamCommand command);
std::uint8_t commandParameter(SamCommand command);
// The command these two bytes name, or nullopt for one this codec does not know.
std::optional<SamCommand> samCommandFrom(std::uint8_t cmd, std::uint8_t para);
std::string_view commandName(SamCommand command); // "find_card", for logs

// XOR of the bytes, as CHK is computed.
std::uint8_t samChecksum(std::span<const std::uint8_t> bytes);

// A complete request frame. Throws std::invalid_argument when data would make LEN exceed
// kSamMaxLength (a programming error: no command of this protocol carries that much).
std::vector<std::uint8_t> encodeRequest(SamCommand command,
                                        std::span<const std::uint8_t> data = {});
// A complete response frame with SW1 SW2 = 00 00 (what a reader sends; the twin uses it).
// Throws std::invalid_argument when data is too long for LEN.
std::vector<std::uint8_t> encodeResponse(std::uint8_t sw3, std::span<const std::uint8_t> data = {});

// One frame whose checksum was verified: the bytes between LEN and CHK. Replies to a read carry
// personal data, hence SecureBytes.
struct SamFrame {
    SecureBytes body;
};

struct SamResponse {
    std::uint8_t sw1 = 0;
    std::uint8_t sw2 = 0;
    std::uint8_t sw3 = 0;
    SecureBytes data; // after SW3, before CHK
};

struct SamRequest {
    std::uint8_t cmd = 0;
    std::uint8_t para = 0;
    std::optional<SamCommand>
        command; // nullopt: a command this codec does not know (the twin answers 21)
    std::vector<std::uint8_t> data; // after PARA, before CHK
};

// Splits a frame's body. A response needs SW1-SW3, a request CMD and PARA; a shorter body is a
// Device "bad_length" error. The frame's bytes are moved out (and the rest wiped).
DecodeResult<SamResponse> parseResponse(SamFrame frame);
DecodeResult<SamRequest> parseRequest(const SamFrame& frame);

// Exactly one frame in bytes, nothing before or after it: for callers that already hold a whole
// frame. Errors as SamFrameDecoder reports them, plus "truncated" for too few bytes and
// "trailing_bytes" for too many.
DecodeResult<SamFrame> decodeFrame(std::span<const std::uint8_t> bytes);

// Incremental decoder for a byte stream that may deliver a frame in any number of pieces and may
// carry garbage (line noise, a vendor's stray bytes, the tail of an abandoned frame).
//
//   while (!chunk.empty()) {
//     chunk = chunk.subspan(decoder.feed(chunk));
//     while (auto r = decoder.next()) { ... r->ok() ? r->value() : r->error() ... }
//   }
//   ... and when the transport timed out waiting for the rest of a frame:
//   if (auto e = decoder.finish()) { ... "truncated" ... }  then next() again
//
// Bytes before a preamble are skipped (counted in discardedBytes()). Errors, after which the
// decoder resumes scanning right after the offending preamble, so that a real frame hidden in
// the bytes that followed is still found:
//   "bad_checksum"  Retry: the frame was garbled on the line.
//   "bad_length"    Device: LEN outside kSamMinLength..maxLength; the peer is not speaking this
//                   protocol (wrong port or baud rate).
//   "truncated"     Retry, from finish() only: a frame started but its bytes stopped coming.
// The buffer is fixed (kCapacity bytes, at least two of the longest frames); feed() takes what
// fits and returns how many bytes it took. A full buffer always holds a frame or an error for
// next(), so draining next() always makes room. Buffered bytes are wiped as they are consumed.
class SamFrameDecoder {
public:
    static constexpr std::size_t kCapacity = 2 * kSamMaxFrameSize;

    // maxLength lowers the accepted LEN (a caller that only expects short replies); it is clamped
    // to kSamMinLength..kSamMaxLength.
    explicit SamFrameDecoder(std::size_t maxLength = kSamMaxLength);
    ~SamFrameDecoder();
    SamFrameDecoder(const SamFrameDecoder&) = delete;
    SamFrameDecoder& operator=(const SamFrameDecoder&) = delete;

    [[nodiscard]] std::size_t feed(std::span<const std::uint8_t> bytes);
    // The next complete frame or error; nullopt when more bytes are needed.
    std::optional<DecodeResult<SamFrame>> next();
    // Call when no more bytes are coming for now (a read timed out) after next() gave nullopt:
    // a started frame is reported "truncated" and dropped, and next() resumes after its preamble.
    // nullopt when nothing was pending (the buffer held only garbage, which is dropped).
    std::optional<DeviceError> finish();
    void reset(); // drops (and wipes) everything buffered

    std::size_t buffered() const { return size_; }
    std::size_t space() const { return kCapacity - size_; }
    std::uint64_t discardedBytes() const { return discarded_; }

private:
    void consume(std::size_t n);
    // Drops bytes before the first preamble (or before a trailing partial preamble). Returns
    // true when the buffer now starts with a complete preamble.
    bool skipToPreamble();

    std::size_t maxLength_;
    std::vector<std::uint8_t> buffer_; // kCapacity bytes, allocated once
    std::size_t size_ = 0;
    std::uint64_t discarded_ = 0;
};

} // namespace hall::drivers::idcard
