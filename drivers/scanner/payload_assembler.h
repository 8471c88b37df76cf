#pragma once
// The part of framing both scanner kinds share, after the terminator has been found (serial:
// SerialFramer on bytes; keyboard mode: KeyDecoder on key events): collect one code's bytes up
// to a size limit, strip the configured prefix and suffix, check the text is UTF-8, and hand it
// on — or report why this attempt failed. Every failure is a Retry error (the scanner is fine,
// this scan was not); error messages never contain the code's bytes.
//
// Failure codes: code_too_long, bad_frame (configured prefix/suffix missing: part of the code
// was lost), empty_code, bad_encoding, incomplete_code (bytes with no end, then silence), and
// whatever a caller poisons the frame with (the key decoder: unknown_key, events_dropped).

#include "drivers/base/device_error.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace hall::drivers::scanner {

inline constexpr std::size_t kDefaultMaxPayload = 4096;
inline constexpr std::size_t kMaxPayloadLimit = 64 * 1024;
inline constexpr std::size_t kMaxAffixBytes = 32;

struct PayloadLimits {
    std::size_t maxPayload = kDefaultMaxPayload; // bytes of code text, prefix and suffix excluded
    std::string prefix; // bytes the scanner puts before every code (e.g. STX); stripped
    std::string suffix; // bytes it puts after every code, before the terminator (e.g. ETX)
};

// nullopt when usable, otherwise what is wrong.
std::optional<std::string> checkPayloadLimits(const PayloadLimits& limits);

// Where codes and failed attempts go, on the device's thread. The payload string is wiped when
// the call returns: copy it (and wipe the copy) if it must live longer.
struct FrameSink {
    std::function<void(std::string& payload)> code;
    std::function<void(const DeviceError& error)> failed;
};

class PayloadAssembler {
public:
    // endHint says how codes end on this device ("a CR", "a 50 ms pause", "the Enter key"), for
    // the messages that tell the technician to check the scanner's settings.
    PayloadAssembler(PayloadLimits limits, std::string endHint);
    ~PayloadAssembler();
    PayloadAssembler(const PayloadAssembler&) = delete;
    PayloadAssembler& operator=(const PayloadAssembler&) = delete;

    // One byte of the code being received. Past the limit: code_too_long is reported at once and
    // the rest of the frame is swallowed up to its end (resynchronisation).
    void add(std::uint8_t byte, const FrameSink& sink);
    // The frame is known to be bad; reported when it ends. The first reason wins.
    void poison(DeviceError error);
    // The frame ended normally (terminator, or the idle gap where that is how codes end).
    void finish(const FrameSink& sink);
    // The frame will never end (silence after a partial code): dropped, reported as
    // incomplete_code if it had content and had not failed already.
    void abandon(const FrameSink& sink);
    // Anything received since the last frame end (bytes, a swallowed overflow, a poison).
    bool pending() const { return !buffer_.empty() || overflowed_ || poison_.has_value(); }
    void reset(); // drops everything silently (device re-opened)

private:
    PayloadLimits limits_;
    std::string endHint_;
    std::size_t maxFrame_;
    std::string buffer_;
    bool overflowed_ = false;
    std::optional<DeviceError> poison_;
};

} // namespace hall::drivers::scanner
