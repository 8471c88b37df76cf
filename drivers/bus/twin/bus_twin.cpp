#include "drivers/bus/twin/bus_twin.h"

#include "drivers/bus/protocol.h"
#include "drivers/twin/pty_port.h"
#include "drivers/twin/tcp_port.h"

#include <cstdio>
#include <random>
#include <stdexcept>

namespace hall::drivers::bus {
namespace {

using Clock = std::chrono::steady_clock;

// Sleeps until t unless stop comes first; false when stopped.
bool sleepUntil(Clock::time_point t, std::stop_token stop) {
    while (!stop.stop_requested()) {
        const auto now = Clock::now();
        if (now >= t) return true;
        // Short slices, so a stop is honoured quickly even during a long paced reply.
        std::this_thread::sleep_for(
            std::min<Clock::duration>(t - now, std::chrono::milliseconds(20)));
    }
    return false;
}

} // namespace

class BusTwin::Line {
public:
    virtual ~Line() = default;
    virtual void plug() = 0;
    virtual void unplug() = 0;
    virtual std::vector<std::uint8_t> read(std::chrono::milliseconds timeout) = 0;
    virtual void write(std::span<const std::uint8_t> bytes) = 0;
    virtual std::uint16_t tcpPort() const { return 0; }
};

class BusTwin::PtyLine final : public Line {
public:
    explicit PtyLine(std::filesystem::path link) : pty_(std::move(link)) {}
    void plug() override { pty_.plug(); }
    void unplug() override { pty_.unplug(); }
    std::vector<std::uint8_t> read(std::chrono::milliseconds t) override { return pty_.read(t); }
    void write(std::span<const std::uint8_t> b) override { (void)pty_.write(b); }

private:
    twin::PtyPort pty_;
};

class BusTwin::TcpLine final : public Line {
public:
    explicit TcpLine(std::uint16_t port) : tcp_(port) {}
    void plug() override { tcp_.plug(); }
    void unplug() override { tcp_.unplug(); }
    std::vector<std::uint8_t> read(std::chrono::milliseconds t) override { return tcp_.read(t); }
    void write(std::span<const std::uint8_t> b) override { (void)tcp_.write(b); }
    std::uint16_t tcpPort() const override { return tcp_.port(); }

private:
    twin::TcpPort tcp_;
};

BusTwin::BusTwin(std::filesystem::path link, BusTwinOptions options)
    : options_(options), link_(link), line_(std::make_unique<PtyLine>(std::move(link))) {}

BusTwin::BusTwin(TcpListen listen, BusTwinOptions options)
    : options_(options), line_(std::make_unique<TcpLine>(listen.port)) {}

void BusTwin::unplug() {
    line_->unplug();
}

void BusTwin::plug() {
    line_->plug();
}

std::uint16_t BusTwin::tcpPort() const {
    return line_->tcpPort();
}

BusTwin::~BusTwin() {
    stop();
}

void BusTwin::add(std::uint8_t address, std::unique_ptr<BusUnit> unit) {
    if (address == kBroadcast || address > kMaxAddress)
        throw std::invalid_argument("bus address " + std::to_string(address) + " is outside 1..64");
    std::lock_guard lock(mutex_);
    if (!units_.emplace(address, Slot{std::move(unit)}).second)
        throw std::invalid_argument("bus address " + std::to_string(address) + " is in use");
}

void BusTwin::start() {
    line_->plug();
    thread_ = std::jthread([this](std::stop_token stop) { serve(stop); });
}

void BusTwin::stop() {
    if (thread_.joinable()) {
        thread_.request_stop();
        thread_.join();
    }
    line_->unplug();
}

BusTwin::Slot& BusTwin::slot(std::uint8_t address) {
    auto it = units_.find(address);
    if (it == units_.end())
        throw std::invalid_argument("no unit at address " + std::to_string(address));
    return it->second;
}

void BusTwin::mute(std::uint8_t address, bool on) {
    std::lock_guard lock(mutex_);
    slot(address).muted = on;
}

void BusTwin::corruptReplies(std::uint8_t address, int count) {
    std::lock_guard lock(mutex_);
    slot(address).corrupt = count;
}

void BusTwin::garbage(std::size_t bytes) {
    std::lock_guard lock(mutex_);
    garbage_ = bytes;
}

bool BusTwin::has(std::uint8_t address) const {
    std::lock_guard lock(mutex_);
    return units_.contains(address);
}

std::vector<std::uint8_t> BusTwin::addresses() const {
    std::lock_guard lock(mutex_);
    std::vector<std::uint8_t> out;
    for (const auto& [a, s] : units_)
        out.push_back(a);
    return out;
}

std::string BusTwin::render(std::uint8_t address) const {
    std::lock_guard lock(mutex_);
    auto& s = const_cast<BusTwin*>(this)->slot(address);
    char head[8];
    std::snprintf(head, sizeof head, "[%02u] ", static_cast<unsigned>(address));
    return head + s.unit->render() + (s.muted ? " [mute]" : "");
}

void BusTwin::withUnit(std::uint8_t address, const std::function<void(BusUnit&)>& f) {
    std::lock_guard lock(mutex_);
    f(*slot(address).unit);
}

BusTwinCounters BusTwin::counters() const {
    return BusTwinCounters{requests_.load(), badFrames_.load(), replies_.load(), corrupted_.load(),
                           garbageBytes_.load()};
}

void BusTwin::serve(std::stop_token stop) {
    FrameDecoder decoder;
    auto frameStart = Clock::now(); // when the STX of the frame being decoded arrived
    while (!stop.stop_requested()) {
        auto bytes = line_->read(std::chrono::milliseconds(20));
        const auto arrived = Clock::now();
        if (bytes.empty()) {
            // A half request the controller gave up on: forget it.
            if (decoder.finish()) ++badFrames_;
            continue;
        }
        for (const std::uint8_t b : bytes) {
            if (b == kStx) frameStart = arrived;
            auto result = decoder.push(b);
            if (!result) continue;
            if (std::holds_alternative<FrameError>(*result)) {
                ++badFrames_; // a damaged request: its address cannot be trusted, so silence
                continue;
            }
            const Frame& request = std::get<Frame>(*result);
            if (request.isReply()) continue; // another unit's reply (shared line)
            ++requests_;
            auto reply = answer(request);
            if (reply.empty()) continue;
            // The request was on the wire from its first byte for its wire time; the unit acts
            // once it has heard the last byte, and replies after its turnaround.
            const auto heard = frameStart + wireTime(encodeFrame(request).size(), options_.baud);
            send(std::move(reply), heard + options_.turnaround, stop);
        }
    }
}

std::vector<std::uint8_t> BusTwin::answer(const Frame& request) {
    std::lock_guard lock(mutex_);
    if (request.address == kBroadcast) {
        for (auto& [a, s] : units_)
            if (!s.muted) (void)s.unit->handle(request);
        return {};
    }
    auto it = units_.find(request.address);
    if (it == units_.end() || it->second.muted) return {};
    Slot& s = it->second;
    auto payload = s.unit->handle(request);
    if (!payload) return {};
    Frame reply{request.address, static_cast<std::uint8_t>(request.command | kReplyFlag),
                request.sequence, std::move(*payload)};
    std::vector<std::uint8_t> wire;
    if (s.corrupt != 0) {
        if (s.corrupt > 0) --s.corrupt;
        ++corrupted_;
        wire = encodeFrameWithBadCrc(reply);
    } else {
        wire = encodeFrame(reply);
    }
    if (garbage_ > 0) {
        // Noise of every byte value, STX and ETX included: the controller must resynchronise.
        std::minstd_rand rng(noiseSeed_++);
        std::vector<std::uint8_t> noisy(garbage_);
        for (auto& b : noisy)
            b = static_cast<std::uint8_t>(rng() & 0xFF);
        garbageBytes_ += garbage_;
        garbage_ = 0;
        noisy.insert(noisy.end(), wire.begin(), wire.end());
        wire = std::move(noisy);
    }
    ++replies_;
    return wire;
}

void BusTwin::send(std::vector<std::uint8_t> bytes, Clock::time_point from, std::stop_token stop) {
    if (!sleepUntil(from, stop)) return;
    if (options_.baud == 0) {
        line_->write(bytes);
        return;
    }
    // No faster than the line: byte i may leave once i+1 byte times have passed since `from`.
    // Written in slices of about a millisecond, each at its own deadline, so the pacing does not
    // drift with the sleeps' granularity.
    const std::size_t slice = std::max<std::size_t>(1, options_.baud / 10'000);
    for (std::size_t at = 0; at < bytes.size(); at += slice) {
        const std::size_t n = std::min(slice, bytes.size() - at);
        if (!sleepUntil(from + wireTime(at + n, options_.baud), stop)) return;
        line_->write(std::span(bytes).subspan(at, n));
    }
}

} // namespace hall::drivers::bus
