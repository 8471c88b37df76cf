#include "callstation/hallctl/request_id.h"

#include "shared/protocol/messages.h"

#include <random>

namespace hall::hallctl {

std::string newRequestId() {
    // random_device is the kernel's generator on Linux: two invocations in the same instant
    // still get different keys.
    std::random_device random;
    std::string id = "hallctl-";
    for (int i = 0; i < 16; ++i) id += "0123456789abcdef"[random() & 15u];
    return id;
}

bool isValidRequestId(std::string_view id) { return protocol::isValidRequestId(id); }

} // namespace hall::hallctl
