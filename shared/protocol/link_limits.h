#pragma once
// The link's timing and request rate (docs/protocol.md, "Limits"): terminals keep to them,
// callstationd enforces them. Silent for kSilenceLimit (three heartbeats missed), a connection
// is dead to both ends; a burst (an outbox replayed after a reconnect) may reach kRequestBurst.

#include <chrono>

namespace hall::protocol {

inline constexpr std::chrono::seconds kHeartbeatInterval{15};
inline constexpr std::chrono::seconds kSilenceLimit{45};
inline constexpr int kRequestsPerSecond = 20;
inline constexpr int kRequestBurst = 40;

} // namespace hall::protocol
