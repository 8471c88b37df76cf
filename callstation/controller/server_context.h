#pragma once
// What every connection of the controller works with. Lives on the network thread for the
// server's whole life; connections hold a reference.

#include "shared/core/time.h"
#include "callstation/netclient/asio.h"

#include <cstdint>
#include <map>
#include <string>

namespace hall::controller {

class Hub;
class EngineWorker;
class StaffDesk;
class BusHealth;
class AttachmentDesk;

// Counters shown by /metrics (Prometheus text); network thread only.
struct ServerMetrics {
    std::uint64_t connectionsAccepted = 0;
    std::uint64_t connectionsRefused = 0; // over the connection limit
    std::uint64_t connectionsOpen = 0;    // TLS, HTTP and WebSocket alike
    std::map<std::string, std::uint64_t> requests; // by request type
    std::map<std::string, std::uint64_t> refusals; // by error code
    std::uint64_t httpRequests = 0;
    std::uint64_t followUpsOpened = 0; // follow-up cases of bad ratings opened since the start
};

struct ServerContext {
    Hub& hub;
    EngineWorker& worker;
    StaffDesk& staff; // staff credentials, checked on a thread of their own
    const core::Clock& clock;
    ServerMetrics& metrics;
    const BusHealth& busHealth; // the LED strips and keypads the controller drives
    // Signatures and scans, handled on a thread of their own.
    AttachmentDesk& attachments;
    boost::asio::any_io_executor network; // the network thread: where worker results go
    // 64 lowercase hex digits; the hello result gives it to the roles that identify people.
    std::string personKeySecret;
};

} // namespace hall::controller
