#pragma once
// What a thermal printer says about itself, and how it says it.
//
// Real-time status (DLE EOT n = 10 04 n): one byte back at once, whatever the printer is doing.
// Every answer has bit 4 set and bits 7 and 0 clear, bit 1 set: (b & 0x93) == 0x12.
//   n = 1 printer:        bit 3 offline                (bit 2 drawer pin 3, bit 6 feed button)
//   n = 2 offline cause:  bit 2 cover open, bit 3 paper fed by the button,
//                         bit 5 printing stopped at paper end, bit 6 an error occurred
//   n = 3 error cause:    bit 2 recoverable (mechanical) error, bit 3 autocutter error,
//                         bit 5 unrecoverable error, bit 6 automatically recoverable error
//                         (head too hot, …)
//   n = 4 paper sensors:  bits 2+3 roll near end, bits 5+6 paper out (both bits of a pair are
//                         set together; either one is taken as set)
//
// Automatic status back (ASB, enabled with GS a n = 1D 61 n): four bytes sent by the printer
// whenever a status in the mask changes (mask bits: 1 online/offline, 2 errors, 3 paper
// sensors; bit 0 drawer). First byte (b & 0x93) == 0x10, the other three (b & 0x90) == 0:
//   byte 1: bit 3 offline, bit 5 cover open, bit 6 paper fed by the button (bit 2 drawer)
//   byte 2: bit 2 recoverable (mechanical) error, bit 3 autocutter error, bit 5 unrecoverable,
//           bit 6 automatically recoverable error
//   byte 3: bits 0+1 roll near end, bits 2+3 paper out
//   byte 4: reserved
// The two fixed patterns differ in bit 1, so a reader can tell a real-time answer from the
// start of an ASB block in one stream.

#include "drivers/base/device_error.h"

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace hall::drivers::printer {

enum class StatusQuery : std::uint8_t { Printer = 1, OfflineCause = 2, ErrorCause = 3, Paper = 4 };

struct PrinterStatus {
    bool offline = false;
    bool coverOpen = false;
    bool feedButton = false; // paper being fed with the button
    bool stoppedAtPaperEnd = false;
    bool errorOccurred = false;
    bool recoverableError = false;
    bool cutterError = false;
    bool unrecoverableError = false;
    bool autoRecoverableError = false;
    bool paperNearEnd = false;
    bool paperOut = false;

    bool operator==(const PrinterStatus&) const = default;
};

// 10 04 01 10 04 02 10 04 03 10 04 04: the four queries in the order their answers come back.
inline constexpr std::array<std::uint8_t, 12> kStatusQueries = {0x10, 0x04, 0x01, 0x10, 0x04, 0x02,
                                                                0x10, 0x04, 0x03, 0x10, 0x04, 0x04};

constexpr bool isRealTimeStatusByte(std::uint8_t b) {
    return (b & 0x93) == 0x12;
}
constexpr bool isAsbFirstByte(std::uint8_t b) {
    return (b & 0x93) == 0x10;
}

// Sets the fields the answer to query n carries. False (and nothing changed) when the byte is
// not a real-time status answer.
bool applyRealTimeStatus(PrinterStatus& status, StatusQuery query, std::uint8_t answer);
// The answer a printer in this state gives to query n (for the twin).
std::uint8_t realTimeStatusByte(const PrinterStatus& status, StatusQuery query);

// nullopt when the four bytes are not an ASB block.
std::optional<PrinterStatus> parseAsb(std::span<const std::uint8_t, 4> block);
std::array<std::uint8_t, 4> asbBlock(const PrinterStatus& status);

// Sorts the bytes a printer sends back: answers to real-time queries (in order) and complete
// ASB blocks. Anything else is counted as noise and dropped. Bounded: a host that stops taking
// answers loses the oldest.
class StatusReplyParser {
public:
    void feed(std::span<const std::uint8_t> bytes);
    std::optional<std::uint8_t> nextAnswer();
    std::optional<PrinterStatus> nextAsb();
    std::size_t pendingAnswers() const { return answers_.size(); }
    std::size_t noise() const { return noise_; }
    void clear();

private:
    static constexpr std::size_t kMaxPending = 64;
    std::vector<std::uint8_t> answers_;
    std::vector<PrinterStatus> asb_;
    std::array<std::uint8_t, 4> block_{};
    std::size_t blockFill_ = 0;
    std::size_t noise_ = 0;
};

// Why a ticket cannot be printed now, or nullopt when the printer is ready. Paper out and an
// open cover are Retry errors (a clerk fixes them; the printer itself is fine); cutter and
// mechanical errors, and an unexplained offline state, are Device errors.
std::optional<DeviceError> blockingProblem(const PrinterStatus& status);

// "paper near end, cover open" — for logs and the technician menu; "ok" when nothing is set.
std::string describe(const PrinterStatus& status);

} // namespace hall::drivers::printer
