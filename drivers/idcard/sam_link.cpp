#include "drivers/idcard/sam_link.h"

#include <array>

namespace hall::drivers::idcard {
namespace {

using Clock = std::chrono::steady_clock;

[[noreturn]] void throwStopped() {
    // Only reached when the worker is stopping: it exits without reporting this.
    throw DeviceFailure(deviceError("stopped", "stopped"));
}

} // namespace

SamResponse SamLink::exchange(SamCommand command, std::chrono::milliseconds timeout,
                              std::stop_token stop) {
    const auto request = encodeRequest(command);
    std::optional<DeviceError> garbled;
    for (int attempt = 0; attempt < 2; ++attempt) {
        stream_.discardInput();
        decoder_.reset();
        garbled.reset();
        stream_.write(request, stop);
        if (stop.stop_requested()) throwStopped();

        const auto deadline = Clock::now() + timeout;
        std::array<std::uint8_t, 512> chunk{};
        while (!garbled) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
            if (left.count() <= 0) break;
            std::size_t n = stream_.read(chunk, left, stop);
            if (stop.stop_requested()) throwStopped();
            std::span<const std::uint8_t> pending(chunk.data(), n);
            while (!pending.empty() || decoder_.buffered() > 0) {
                pending = pending.subspan(decoder_.feed(pending));
                auto frame = decoder_.next();
                if (!frame) break;
                if (!frame->ok()) {
                    if (frame->error().category == ErrorCategory::Device)
                        throw DeviceFailure(frame->error());
                    garbled = frame->error();
                    break;
                }
                auto response = parseResponse(std::move(frame->value()));
                if (!response.ok()) throw DeviceFailure(response.error());
                return std::move(response.value());
            }
            secureWipe(chunk.data(), chunk.size());
        }
        if (!garbled) garbled = decoder_.finish(); // half a frame when time ran out
    }
    if (garbled) throw DeviceFailure(*garbled);
    throw DeviceFailure(deviceError(
        "no_answer", std::string("the ID-card reader did not answer ") +
                         std::string(commandName(command)) +
                         ": check its power and cable, and that the port and baud rate are the "
                         "reader's"));
}

} // namespace hall::drivers::idcard
