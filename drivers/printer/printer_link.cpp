#include "drivers/printer/printer_link.h"

#include "drivers/base/device_error.h"

#include <array>

namespace hall::drivers::printer {

using Clock = std::chrono::steady_clock;

void PrinterLink::readSome(std::chrono::milliseconds timeout, std::stop_token stop) {
    std::array<std::uint8_t, 64> buf{};
    const std::size_t n = stream_.read(buf, timeout, stop);
    parser_.feed(std::span(buf).first(n));
    while (auto s = parser_.nextAsb())
        asb_.push_back(*s);
}

std::optional<PrinterStatus> PrinterLink::query(std::chrono::milliseconds timeout,
                                                std::stop_token stop) {
    // Answers nobody waited for (a status byte drawn by data that happened to hold 10 04 n)
    // must not be taken for the answers to this query.
    while (parser_.nextAnswer()) {
    }
    stream_.write(kStatusQueries, stop);
    if (stop.stop_requested()) return std::nullopt;
    const auto deadline = Clock::now() + timeout;
    while (parser_.pendingAnswers() < 4) {
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) break;
        readSome(left, stop);
        if (stop.stop_requested()) return std::nullopt;
    }
    if (parser_.pendingAnswers() < 4)
        throw DeviceFailure(deviceError(
            "no_answer", "the ticket printer did not answer a status query within " +
                             std::to_string(timeout.count()) +
                             " ms: check its power and cable (a printer wired without a return "
                             "line needs status queries switched off in its settings)"));
    PrinterStatus status;
    for (auto q : {StatusQuery::Printer, StatusQuery::OfflineCause, StatusQuery::ErrorCause,
                   StatusQuery::Paper})
        applyRealTimeStatus(status, q, *parser_.nextAnswer());
    return status;
}

void PrinterLink::enableAutomaticStatus(std::stop_token stop) {
    static constexpr std::uint8_t kEnable[] = {0x1D, 0x61, 0x0E};
    stream_.write(kEnable, stop);
}

std::optional<PrinterStatus> PrinterLink::pollAutomaticStatus(std::chrono::milliseconds wait,
                                                              std::stop_token stop) {
    if (asb_.empty()) readSome(wait, stop);
    if (asb_.empty()) return std::nullopt;
    const auto newest = asb_.back();
    asb_.clear();
    return newest;
}

} // namespace hall::drivers::printer
