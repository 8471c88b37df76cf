#include "callstation/halldemo/demo_terminal.h"

#include "shared/protocol/link_limits.h"

#include <algorithm>
#include <stdexcept>
#include <thread>

namespace hall::demo {

using namespace std::chrono_literals;

namespace {

// A request refused for the link's rate (protocol::kRequestsPerSecond per connection) waits for
// the bucket to refill two or three tokens.
constexpr auto kRateLimitedPause = std::chrono::milliseconds(2500) / protocol::kRequestsPerSecond;
// As every terminal: well inside the silence limit.
constexpr auto kHeartbeatEvery = protocol::kHeartbeatInterval;

} // namespace

DemoTerminal::DemoTerminal(std::string name, netclient::TerminalConnection connection)
    : name_(std::move(name)), connection_(std::move(connection)),
      lastSent_(std::chrono::steady_clock::now()) {}

DemoTerminal DemoTerminal::enroll(const ControllerProcess& controller, const std::string& name,
                                  protocol::Role role, std::optional<int> window,
                                  const std::string& zone) {
    const auto code =
        controller.enrollmentCode(name, std::string(protocol::roleName(role)), window, zone);
    auto connection =
        netclient::TerminalConnection::connect("localhost", controller.port(), controller.caPem());
    const auto enrolled = connection.enroll(code);
    connection.hello(enrolled.credential);
    return DemoTerminal(name, std::move(connection));
}

protocol::Response DemoTerminal::request(protocol::RequestBody body,
                                         const std::atomic<bool>& stop) {
    const protocol::Request request{connection_.nextRequestId(), std::move(body)};
    for (;;) {
        lastSent_ = std::chrono::steady_clock::now();
        auto response = connection_.request(request);
        const auto* error = refusal(response);
        if (!error || error->code != "rate_limited" || stop.load()) return response;
        std::this_thread::sleep_for(kRateLimitedPause);
    }
}

void DemoTerminal::keepAlive(const std::atomic<bool>& stop) {
    if (std::chrono::steady_clock::now() - lastSent_ < kHeartbeatEvery) return;
    const auto response = request(protocol::Heartbeat{}, stop);
    if (const auto* error = refusal(response))
        throw std::runtime_error(name_ + ": heartbeat refused: " + error->code);
}

bool idleUntil(const DemoTime& time, core::Timestamp t, std::span<DemoTerminal> terminals,
               const std::atomic<bool>& stop) {
    const auto slice = std::chrono::duration_cast<core::Millis>(
        std::chrono::duration<double>(std::chrono::seconds(5)) * time.speed());
    for (;;) {
        const auto wake = std::min(t, time.now() + slice);
        if (!time.sleepUntil(wake, stop)) return false;
        for (auto& terminal : terminals)
            terminal.keepAlive(stop);
        if (wake == t) return true;
    }
}

const protocol::Error* refusal(const protocol::Response& response) {
    return std::get_if<protocol::Error>(&response.outcome);
}

const protocol::CommandResult* commandResult(const protocol::Response& response) {
    const auto* result = std::get_if<protocol::ResponseResult>(&response.outcome);
    return result ? std::get_if<protocol::CommandResult>(result) : nullptr;
}

} // namespace hall::demo
