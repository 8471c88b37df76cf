#pragma once
// The server's own limits of docs/protocol.md ("Limits") and docs/api.md; the link's timing and
// request rate, which terminals keep to as well, are protocol/link_limits.h.

#include <chrono>
#include <cstddef>

namespace hall::controller::limits {

using namespace std::chrono_literals;

inline constexpr auto kTlsHandshake = 10s;   // TCP accepted → TLS established
inline constexpr auto kHelloWithin = 10s;    // WebSocket open → hello or enroll received
inline constexpr auto kHttpRequest = 30s;    // a whole REST request, headers and body
inline constexpr auto kLingerAfterRefusal = 2s; // reading a refused body's rest before closing
inline constexpr std::size_t kHttpBodyBytes = 64 * 1024;
// POST /api/v1/content: a signage file (protocol::kMaxContentBytes) and nothing else this large.
inline constexpr std::size_t kContentBodyBytes = 16 * 1024 * 1024;
inline constexpr std::size_t kMaxConnections = 2000;
inline constexpr std::size_t kSendQueue = 256; // messages; a terminal further behind is dropped
inline constexpr int kFailedHellos = 5;        // then the connection is closed
// The kernel's send buffer per connection is fixed rather than auto-tuned (up to megabytes), so
// a terminal that stops reading is noticed after kSendQueue messages plus this, not much later,
// and 2,000 connections cannot pin gigabytes.
inline constexpr int kSocketSendBuffer = 64 * 1024;

} // namespace hall::controller::limits
