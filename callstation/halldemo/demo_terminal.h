#pragma once
// One terminal of the demo hall: enrolled through the admin API, then a TLS WebSocket that says
// hello with its credential, as a real ticket machine, window pad or call board does. Used by
// one thread at a time.

#include "callstation/controller_process/controller_process.h"
#include "callstation/halldemo/demo_time.h"
#include "callstation/netclient/rest_client.h"
#include "callstation/netclient/terminal_connection.h"
#include "shared/protocol/device.h"

#include <atomic>
#include <chrono>
#include <optional>
#include <span>
#include <string>

namespace hall::demo {

class DemoTerminal {
public:
    // Creates a one-time code through the REST API, connects, enrolls with it and says hello.
    // Throws std::runtime_error when the controller refuses, netclient errors on transport
    // failures.
    static DemoTerminal enroll(const ControllerProcess& controller, const std::string& name,
                               protocol::Role role,
                               std::optional<int> window = {}, const std::string& zone = {});

    const std::string& name() const { return name_; }

    // Sends a request and returns its answer. A `rate_limited` refusal changed nothing, so the
    // same request (same id) goes again a little later, until `stop`.
    protocol::Response request(protocol::RequestBody body, const std::atomic<bool>& stop);
    // A heartbeat when nothing was sent for a while: the controller closes silent connections.
    void keepAlive(const std::atomic<bool>& stop);

    netclient::TerminalConnection& connection() { return connection_; }

private:
    DemoTerminal(std::string name, netclient::TerminalConnection connection);

    std::string name_;
    netclient::TerminalConnection connection_;
    std::chrono::steady_clock::time_point lastSent_;
};

// Sleeps until the hall clock reads `t`, with heartbeats meanwhile (at a slow demo speed a lunch
// break is minutes of real time); false when stopped.
bool idleUntil(const DemoTime& time, core::Timestamp t, std::span<DemoTerminal> terminals,
               const std::atomic<bool>& stop);

// The refusal in a response, or null when it succeeded.
const protocol::Error* refusal(const protocol::Response& response);
// The command result of a successful engine request, or null.
const protocol::CommandResult* commandResult(const protocol::Response& response);

} // namespace hall::demo
