#pragma once
// One simulated terminal of the load: its enrolled identity, its connection, and what the
// benchmark must know about it to trust the figures — every push accounted for (a gap in `seq`
// means the daemon dropped or lost something), and requests kept under the daemon's rate limit.
// Like the TerminalConnection it wraps, one thread at a time (handing it over is fine).

#include "callstation/netclient/terminal_connection.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace hall::bench {

struct TerminalSpec {
    std::string name;
    std::string role; // protocol role name: ticket_machine, window_pad, call_board
    std::optional<int> window;
    std::string zone;
};

class BenchTerminal {
public:
    using Clock = std::chrono::steady_clock;

    BenchTerminal(TerminalSpec spec, netclient::TerminalConnection connection);

    const TerminalSpec& spec() const { return spec_; }

    // A request with a fresh id, paced (see pace()); pushes read meanwhile are accounted for.
    protocol::Response request(protocol::RequestBody body);
    // The same without pacing, for a caller that called pace() before starting its clock.
    protocol::Response requestNow(protocol::RequestBody body);
    // Waits until the client-side budget allows one more request. The daemon allows 20 per
    // second with bursts of 40 per connection; the benchmark holds itself to 15 with bursts of
    // 10, so that `rate_limited` can never be what it measures.
    void pace();
    // Sends without waiting for the answer (the call-to-push measurement times the board, not
    // the pad's response); the caller collects the response with awaitResponse(). Not paced:
    // call pace() before starting the clock.
    void send(const protocol::Request& request);
    protocol::Response awaitResponse(const std::string& id, std::chrono::milliseconds timeout);
    std::string nextRequestId() { return connection_.nextRequestId(); }

    // The next push within `timeout`, accounted for; nullopt when none came.
    std::optional<protocol::Push> nextPush(std::chrono::milliseconds timeout);
    // Reads every push that has arrived by now (waiting about a millisecond for more);
    // returns how many.
    std::size_t drain();
    // A heartbeat when nothing was sent for 15 s: the daemon closes a connection silent for 45.
    void heartbeatIfDue(Clock::time_point now);

    std::uint64_t pushes() const { return pushes_; }
    std::uint64_t gaps() const { return gaps_; }
    std::size_t clientDropped() const { return connection_.droppedPushes(); }

private:
    void account(const protocol::Push& push);
    void accountQueued();

    TerminalSpec spec_;
    netclient::TerminalConnection connection_;
    std::uint64_t lastSeq_ = 0;
    std::uint64_t pushes_ = 0;
    std::uint64_t gaps_ = 0;
    double tokens_;
    Clock::time_point tokensAt_;
    Clock::time_point lastSent_;
};

// Throws unless `response` is ok; `what` names the request for the message.
const protocol::CommandResult& expectCommandResult(const protocol::Response& response,
                                                   const std::string& what);

} // namespace hall::bench
