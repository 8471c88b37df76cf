#pragma once
// The server's own limits of docs/protocol.md ("Limits") and docs/api.md; the link's timing and
// request rate, which terminals keep to as well, are protocol/link_limits.h.

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <string_view>

namespace hall::controller::limits {

using namespace std::chrono_literals;

inline constexpr auto kTlsHandshake = 10s;   // TCP accepted → TLS established
inline constexpr auto kHelloWithin = 10s;    // WebSocket open → hello or enroll received
inline constexpr auto kHttpRequest = 30s;    // a whole REST request, headers and body
inline constexpr auto kLingerAfterRefusal = 2s; // reading a refused body's rest before closing
inline constexpr std::size_t kHttpBodyBytes = 64 * 1024;
// POST /api/v1/content: a signage file (protocol::kMaxContentBytes).
inline constexpr std::size_t kContentBodyBytes = 16 * 1024 * 1024;
// POST /api/v1/tickets/<id>/attachments: a signature or a scan (kMaxAttachmentBytes).
inline constexpr std::size_t kAttachmentBodyBytes = 16 * 1024 * 1024;
// What a body may be before its target is known: the largest of the above.
inline constexpr std::size_t kLargestBodyBytes = std::max(kContentBodyBytes, kAttachmentBodyBytes);

// The body limit of a request for `target` (the path with its query). Only the uploads above may
// be larger than kHttpBodyBytes: any other request is refused at its Content-Length.
inline std::size_t bodyLimitFor(std::string_view target) {
    const std::string_view path = target.substr(0, target.find('?'));
    if (path == "/api/v1/content") return kContentBodyBytes;
    constexpr std::string_view kTickets = "/api/v1/tickets/", kAttachments = "/attachments";
    if (path.starts_with(kTickets) && path.ends_with(kAttachments) &&
        path.size() > kTickets.size() + kAttachments.size()) {
        const auto id =
            path.substr(kTickets.size(), path.size() - kTickets.size() - kAttachments.size());
        if (id.find('/') == std::string_view::npos) return kAttachmentBodyBytes;
    }
    return kHttpBodyBytes;
}
inline constexpr std::size_t kMaxConnections = 2000;
inline constexpr std::size_t kSendQueue = 256; // messages; a terminal further behind is dropped
inline constexpr int kFailedHellos = 5;        // then the connection is closed
// The kernel's send buffer per connection is fixed rather than auto-tuned (up to megabytes), so
// a terminal that stops reading is noticed after kSendQueue messages plus this, not much later,
// and 2,000 connections cannot pin gigabytes.
inline constexpr int kSocketSendBuffer = 64 * 1024;

} // namespace hall::controller::limits
