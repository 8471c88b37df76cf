#include "drivers/printer/printer_status.h"

namespace hall::drivers::printer {
namespace {

constexpr bool bit(std::uint8_t b, int n) {
    return ((b >> n) & 1) != 0;
}
constexpr unsigned flag(bool on, int n) {
    return on ? 1u << n : 0u;
}

} // namespace

bool applyRealTimeStatus(PrinterStatus& s, StatusQuery query, std::uint8_t b) {
    if (!isRealTimeStatusByte(b)) return false;
    switch (query) {
    case StatusQuery::Printer:
        s.offline = bit(b, 3);
        break;
    case StatusQuery::OfflineCause:
        s.coverOpen = bit(b, 2);
        s.feedButton = bit(b, 3);
        s.stoppedAtPaperEnd = bit(b, 5);
        s.errorOccurred = bit(b, 6);
        break;
    case StatusQuery::ErrorCause:
        s.recoverableError = bit(b, 2);
        s.cutterError = bit(b, 3);
        s.unrecoverableError = bit(b, 5);
        s.autoRecoverableError = bit(b, 6);
        break;
    case StatusQuery::Paper:
        s.paperNearEnd = bit(b, 2) || bit(b, 3);
        s.paperOut = bit(b, 5) || bit(b, 6);
        break;
    default:
        return false;
    }
    return true;
}

std::uint8_t realTimeStatusByte(const PrinterStatus& s, StatusQuery query) {
    unsigned b = 0x12; // fixed bits: 4 and 1 set, 7 and 0 clear
    switch (query) {
    case StatusQuery::Printer:
        b |= flag(s.offline, 3);
        break;
    case StatusQuery::OfflineCause:
        b |= flag(s.coverOpen, 2) | flag(s.feedButton, 3) | flag(s.stoppedAtPaperEnd, 5) |
             flag(s.errorOccurred, 6);
        break;
    case StatusQuery::ErrorCause:
        b |= flag(s.recoverableError, 2) | flag(s.cutterError, 3) | flag(s.unrecoverableError, 5) |
             flag(s.autoRecoverableError, 6);
        break;
    case StatusQuery::Paper:
        b |= flag(s.paperNearEnd, 2) | flag(s.paperNearEnd, 3) | flag(s.paperOut, 5) |
             flag(s.paperOut, 6);
        break;
    }
    return static_cast<std::uint8_t>(b);
}

std::optional<PrinterStatus> parseAsb(std::span<const std::uint8_t, 4> b) {
    if (!isAsbFirstByte(b[0]) || (b[1] & 0x90) != 0 || (b[2] & 0x90) != 0 || (b[3] & 0x90) != 0)
        return std::nullopt;
    PrinterStatus s;
    s.offline = bit(b[0], 3);
    s.coverOpen = bit(b[0], 5);
    s.feedButton = bit(b[0], 6);
    s.recoverableError = bit(b[1], 2);
    s.cutterError = bit(b[1], 3);
    s.unrecoverableError = bit(b[1], 5);
    s.autoRecoverableError = bit(b[1], 6);
    s.errorOccurred =
        s.recoverableError || s.cutterError || s.unrecoverableError || s.autoRecoverableError;
    s.paperNearEnd = bit(b[2], 0) || bit(b[2], 1);
    s.paperOut = bit(b[2], 2) || bit(b[2], 3);
    s.stoppedAtPaperEnd = s.paperOut && s.offline;
    return s;
}

std::array<std::uint8_t, 4> asbBlock(const PrinterStatus& s) {
    return {
        static_cast<std::uint8_t>(0x10 | flag(s.offline, 3) | flag(s.coverOpen, 5) |
                                  flag(s.feedButton, 6)),
        static_cast<std::uint8_t>(flag(s.recoverableError, 2) | flag(s.cutterError, 3) |
                                  flag(s.unrecoverableError, 5) | flag(s.autoRecoverableError, 6)),
        static_cast<std::uint8_t>(flag(s.paperNearEnd, 0) | flag(s.paperNearEnd, 1) |
                                  flag(s.paperOut, 2) | flag(s.paperOut, 3)),
        0x00,
    };
}

void StatusReplyParser::feed(std::span<const std::uint8_t> bytes) {
    for (const std::uint8_t b : bytes) {
        if (blockFill_ > 0) {
            if ((b & 0x90) != 0) { // not a continuation: the block was noise
                noise_ += blockFill_;
                blockFill_ = 0;
            } else {
                block_[blockFill_++] = b;
                if (blockFill_ == block_.size()) {
                    blockFill_ = 0;
                    if (auto s = parseAsb(block_)) {
                        if (asb_.size() == kMaxPending) asb_.erase(asb_.begin());
                        asb_.push_back(*s);
                    } else {
                        noise_ += block_.size();
                    }
                }
                continue;
            }
        }
        if (isRealTimeStatusByte(b)) {
            if (answers_.size() == kMaxPending) answers_.erase(answers_.begin());
            answers_.push_back(b);
        } else if (isAsbFirstByte(b)) {
            block_[0] = b;
            blockFill_ = 1;
        } else {
            ++noise_;
        }
    }
}

std::optional<std::uint8_t> StatusReplyParser::nextAnswer() {
    if (answers_.empty()) return std::nullopt;
    const auto b = answers_.front();
    answers_.erase(answers_.begin());
    return b;
}

std::optional<PrinterStatus> StatusReplyParser::nextAsb() {
    if (asb_.empty()) return std::nullopt;
    const auto s = asb_.front();
    asb_.erase(asb_.begin());
    return s;
}

void StatusReplyParser::clear() {
    answers_.clear();
    asb_.clear();
    blockFill_ = 0;
}

std::optional<DeviceError> blockingProblem(const PrinterStatus& s) {
    if (s.paperOut)
        return retryError("paper_out", "the ticket printer is out of paper: put in a new roll");
    if (s.coverOpen)
        return retryError("cover_open", "the ticket printer's cover is open: close it");
    if (s.cutterError)
        return deviceError("cutter_error",
                           "the ticket printer's cutter is jammed: open the cover, clear the "
                           "paper and close it; if it repeats, the cutter needs service");
    if (s.unrecoverableError)
        return deviceError("printer_fault",
                           "the ticket printer reports an unrecoverable error: "
                           "switch it off and on; if it repeats, it needs service");
    if (s.recoverableError || s.autoRecoverableError)
        return deviceError("printer_error",
                           "the ticket printer reports an error (mechanism or print head too "
                           "hot): wait a moment; if it stays, switch it off and on");
    if (s.offline)
        return deviceError("offline", "the ticket printer is offline: check its panel and lights");
    return std::nullopt;
}

std::string describe(const PrinterStatus& s) {
    std::string out;
    auto add = [&](bool on, const char* what) {
        if (on) out += (out.empty() ? "" : ", ") + std::string(what);
    };
    add(s.offline, "offline");
    add(s.coverOpen, "cover open");
    add(s.paperOut, "paper out");
    add(s.paperNearEnd, "paper near end");
    add(s.cutterError, "cutter error");
    add(s.recoverableError, "mechanical error");
    add(s.unrecoverableError, "unrecoverable error");
    add(s.autoRecoverableError, "auto-recoverable error");
    add(s.feedButton, "feeding");
    return out.empty() ? "ok" : out;
}

} // namespace hall::drivers::printer
