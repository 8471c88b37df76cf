#include "drivers/bus/bus_master.h"

#include "drivers/base/device_worker.h"

#include <array>
#include <string>

namespace hall::drivers::bus {
namespace {

using Clock = std::chrono::steady_clock;

std::chrono::milliseconds ceilMs(std::chrono::microseconds us) {
    return std::chrono::ceil<std::chrono::milliseconds>(us);
}

} // namespace

void throwStopped() {
    throw DeviceFailure(deviceError("stopped", "stopped"));
}

std::chrono::milliseconds BusMaster::attemptTimeout(std::size_t payload,
                                                    std::size_t maxReplyPayload) const {
    // The request as written (the stream returns before the last byte is on the wire) and the
    // longest reply, both at the worst case of stuffing, plus the unit's turnaround.
    const auto wire =
        wireTime(maxWireSize(payload) + maxWireSize(maxReplyPayload + 1), settings_.baud);
    return ceilMs(wire) + settings_.turnaround;
}

TransactResult BusMaster::transact(ByteStream& line, std::uint8_t address, std::uint8_t command,
                                   std::uint8_t sequence, std::span<const std::uint8_t> payload,
                                   std::stop_token stop, std::size_t maxReplyPayload,
                                   int attemptsWanted) {
    Frame request{address, command, sequence, {payload.begin(), payload.end()}};
    const auto wire = encodeFrame(request);
    TransactResult result;
    std::optional<FrameError> lastDamage;
    bool busy = false;
    const int attempts = std::max(1, attemptsWanted > 0 ? attemptsWanted : settings_.attempts);
    for (int i = 0; i < attempts; ++i) {
        if (i > 0) count(retries_);
        result.attempts = i + 1;
        Frame reply;
        std::optional<FrameError> damage;
        const auto a = attempt(line, request, wire, maxReplyPayload, stop, reply, damage);
        if (a == Attempt::Damaged) {
            lastDamage = damage;
            continue;
        }
        if (a == Attempt::Silent) continue;
        if (reply.payload.empty()) {
            // A reply must start with its status: a unit that sends none is not speaking this
            // protocol right; treat it as damaged and ask again.
            lastDamage = FrameError::BadLength;
            continue;
        }
        result.status = reply.payload.front();
        if (result.status == static_cast<std::uint8_t>(Status::Ok)) {
            result.outcome = Outcome::Ok;
            result.data.assign(reply.payload.begin() + 1, reply.payload.end());
            result.error.reset();
            return result;
        }
        if (result.status == static_cast<std::uint8_t>(Status::Busy)) {
            busy = true;
            if (!sleepUnlessStopped(stop, settings_.busyPause)) throwStopped();
            continue;
        }
        result.outcome = Outcome::Refused;
        result.error = nakError(command, result.status);
        return result;
    }
    const std::string tries =
        std::to_string(result.attempts) + " attempt" + (result.attempts == 1 ? "" : "s");
    if (busy) {
        result.outcome = Outcome::Busy;
        result.error = nakError(command, static_cast<std::uint8_t>(Status::Busy));
    } else if (lastDamage) {
        result.outcome = Outcome::Garbled;
        auto e = toDeviceError(*lastDamage);
        e.message = "unit " + std::to_string(address) + ", " + std::string(commandName(command)) +
                    ", " + tries + ": " + e.message;
        result.error = std::move(e);
    } else {
        result.outcome = Outcome::Silent;
        result.error = deviceError(
            "no_answer", "unit " + std::to_string(address) + " did not answer " +
                             std::string(commandName(command)) + " (" + tries +
                             "): check its power, its address setting and the bus wiring");
    }
    return result;
}

BusMaster::Attempt BusMaster::attempt(ByteStream& line, const Frame& request,
                                      std::span<const std::uint8_t> wire,
                                      std::size_t maxReplyPayload, std::stop_token stop,
                                      Frame& reply, std::optional<FrameError>& damage) {
    line.discardInput();
    decoder_.reset();
    line.write(wire, stop);
    if (stop.stop_requested()) throwStopped();
    count(requests_);
    count(bytesOut_, wire.size());

    auto deadline = Clock::now() + attemptTimeout(request.payload.size(), maxReplyPayload);
    std::array<std::uint8_t, 256> chunk{};
    std::optional<Frame> matched;
    auto onResult = [&](Decoded&& d) {
        if (matched) return;
        if (auto* e = std::get_if<FrameError>(&d)) {
            count(*e == FrameError::BadCrc ? badCrc_ : badFrames_);
            damage = *e;
            // A damaged frame was most likely the reply; another one would follow at once.
            deadline = std::min(deadline, Clock::now() + settings_.turnaround);
            return;
        }
        auto& f = std::get<Frame>(d);
        if (f.isReply() && f.address == request.address && f.sequence == request.sequence &&
            f.baseCommand() == request.command) {
            matched = std::move(f);
        } else {
            count(stray_);
        }
    };
    while (!matched) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left.count() <= 0) break;
        const std::size_t n = line.read(chunk, left, stop);
        if (stop.stop_requested()) throwStopped();
        count(bytesIn_, n);
        decoder_.feed(std::span<const std::uint8_t>(chunk.data(), n), onResult);
    }
    if (matched) {
        count(replies_);
        reply = std::move(*matched);
        return Attempt::Reply;
    }
    if (auto e = decoder_.finish()) {
        count(badFrames_);
        damage = *e;
    }
    if (damage) return Attempt::Damaged;
    count(silences_);
    return Attempt::Silent;
}

void BusMaster::broadcast(ByteStream& line, std::uint8_t command, std::uint8_t sequence,
                          std::span<const std::uint8_t> payload, std::stop_token stop) {
    const auto wire =
        encodeFrame(Frame{kBroadcast, command, sequence, {payload.begin(), payload.end()}});
    line.write(wire, stop);
    if (stop.stop_requested()) throwStopped();
    count(requests_);
    count(bytesOut_, wire.size());
    if (!sleepUnlessStopped(stop,
                            ceilMs(wireTime(wire.size(), settings_.baud)) + settings_.turnaround))
        throwStopped();
}

LineCounters BusMaster::counters() const {
    auto get = [](const std::atomic<std::uint64_t>& c) {
        return c.load(std::memory_order_relaxed);
    };
    return LineCounters{get(requests_),  get(retries_),  get(replies_),  get(stray_),  get(badCrc_),
                        get(badFrames_), get(silences_), get(bytesOut_), get(bytesIn_)};
}

} // namespace hall::drivers::bus
