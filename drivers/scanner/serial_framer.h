#pragma once
// Splits the byte stream of a serial scanner into codes. Scanners end each code with a
// configurable suffix; the ones seen in halls:
//   CR (0D, most factory defaults), LF (0A), CR LF, TAB (09), or nothing at all — then the
//   only frame boundary is the pause after the last byte (idleTimeout, e.g. 50 ms: at 9600 baud
//   a byte takes ~1 ms, so a code arrives as one burst).
// With a terminator, a partial code followed by a pause longer than staleAfter is dropped
// (incomplete_code), so bytes left over from a disturbance never glue onto the next scan.
// In CRLF mode a CR not followed by LF is part of the code.
//
// The reader drives it: feed() what arrives; when nothing arrives for idleWait() while a code
// is pending, call idle().

#include "drivers/scanner/payload_assembler.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace hall::drivers::scanner {

enum class Terminator { CR, LF, CRLF, Tab, None };

std::string_view terminatorName(Terminator t); // "cr", "lf", "crlf", "tab", "none"
std::optional<Terminator> parseTerminator(std::string_view name); // case-insensitive

struct FramingSettings {
    Terminator terminator = Terminator::CR;
    std::chrono::milliseconds idleTimeout{50}; // Terminator::None: this pause ends a code
    std::chrono::milliseconds staleAfter{
        500}; // with a terminator: drop a partial code after this pause
    PayloadLimits limits;
};

// nullopt when usable, otherwise what is wrong (timeouts out of range, a prefix or suffix that
// contains the terminator and so could never be framed, bad limits).
std::optional<std::string> checkFramingSettings(const FramingSettings& settings);

class SerialFramer {
public:
    explicit SerialFramer(const FramingSettings& settings); // throws std::invalid_argument
    void feed(std::span<const std::uint8_t> bytes, const FrameSink& sink);
    // How long to wait for the next byte before calling idle(); nullopt when nothing is pending.
    std::optional<std::chrono::milliseconds> idleWait() const;
    void idle(const FrameSink& sink);
    void reset();

private:
    void byte(std::uint8_t b, const FrameSink& sink);

    FramingSettings settings_;
    PayloadAssembler assembler_;
    bool pendingCr_ = false; // CRLF mode: a CR that may be the start of the terminator
};

} // namespace hall::drivers::scanner
