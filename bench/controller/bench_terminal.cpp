#include "bench/controller/bench_terminal.h"

#include "callstation/netclient/server_frame.h"
#include "shared/protocol/link_limits.h"

#include <algorithm>
#include <stdexcept>
#include <thread>

namespace hall::bench {

using namespace std::chrono_literals;

namespace {

// Inside the daemon's rate limit, with a margin for the timing of the two clocks.
constexpr double kRequestsPerSecond = protocol::kRequestsPerSecond * 0.75;
constexpr double kBurst = protocol::kRequestBurst / 4.0;
constexpr auto kHeartbeatEvery = protocol::kHeartbeatInterval;

} // namespace

BenchTerminal::BenchTerminal(TerminalSpec spec, netclient::TerminalConnection connection)
    : spec_(std::move(spec)), connection_(std::move(connection)), tokens_(kBurst),
      tokensAt_(Clock::now()), lastSent_(Clock::now()) {}

void BenchTerminal::pace() {
    for (;;) {
        const auto now = Clock::now();
        const std::chrono::duration<double> elapsed = now - tokensAt_;
        tokens_ = std::min(kBurst, tokens_ + elapsed.count() * kRequestsPerSecond);
        tokensAt_ = now;
        if (tokens_ >= 1.0) {
            tokens_ -= 1.0;
            return;
        }
        std::this_thread::sleep_for(
            std::chrono::duration<double>((1.0 - tokens_) / kRequestsPerSecond));
    }
}

protocol::Response BenchTerminal::request(protocol::RequestBody body) {
    pace();
    return requestNow(std::move(body));
}

protocol::Response BenchTerminal::requestNow(protocol::RequestBody body) {
    lastSent_ = Clock::now();
    auto response = connection_.request(std::move(body));
    accountQueued();
    return response;
}

void BenchTerminal::send(const protocol::Request& request) {
    lastSent_ = Clock::now();
    connection_.send(request);
}

protocol::Response BenchTerminal::awaitResponse(const std::string& id,
                                                std::chrono::milliseconds timeout) {
    accountQueued(); // pushes queued earlier come before anything read now
    const auto deadline = Clock::now() + timeout;
    for (;;) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        auto frame = connection_.readFrame(std::max(left, 1ms));
        if (!frame)
            throw std::runtime_error(spec_.name + ": no response to request " + id + " within " +
                                     std::to_string(timeout.count()) + " ms");
        auto message = netclient::decodeServerFrame(*frame);
        if (!message)
            throw std::runtime_error(spec_.name + ": undecodable frame: " + message.error().code +
                                     ": " + message.error().message);
        if (auto* push = std::get_if<protocol::Push>(&message.value())) {
            account(*push);
            continue;
        }
        auto& response = std::get<protocol::Response>(message.value());
        if (response.id == id) return std::move(response);
    }
}

std::optional<protocol::Push> BenchTerminal::nextPush(std::chrono::milliseconds timeout) {
    auto push = connection_.nextPush(timeout);
    if (push) account(*push);
    return push;
}

std::size_t BenchTerminal::drain() {
    std::size_t n = 0;
    while (nextPush(1ms))
        ++n;
    return n;
}

void BenchTerminal::heartbeatIfDue(Clock::time_point now) {
    if (now - lastSent_ < kHeartbeatEvery) return;
    const auto response = request(protocol::Heartbeat{});
    if (!response.ok())
        throw std::runtime_error(spec_.name + ": heartbeat refused: " +
                                 std::get<protocol::Error>(response.outcome).code);
}

void BenchTerminal::account(const protocol::Push& push) {
    ++pushes_;
    // seq counts 1, 2, 3, … per connection; a merged queue push keeps its seq, so only a real
    // loss shows as a jump.
    if (push.seq != lastSeq_ + 1) ++gaps_;
    lastSeq_ = push.seq;
}

void BenchTerminal::accountQueued() {
    for (const auto& push : connection_.takePushes())
        account(push);
}

const protocol::CommandResult& expectCommandResult(const protocol::Response& response,
                                                   const std::string& what) {
    if (!response.ok()) {
        const auto& error = std::get<protocol::Error>(response.outcome);
        throw std::runtime_error(what + " refused: " + error.code + ": " + error.message);
    }
    const auto* result =
        std::get_if<protocol::CommandResult>(&std::get<protocol::ResponseResult>(response.outcome));
    if (!result) throw std::runtime_error(what + ": the response is not a ticket result");
    return *result;
}

} // namespace hall::bench
