#pragma once
// Idempotency keys for operations. The controller keeps the first answer to each key durably, so
// a script that repeats a command with the same --request-id gets that answer again and nothing
// is done twice; without one, every invocation is a new operation.

#include <string>
#include <string_view>

namespace hall::hallctl {

// "hallctl-" + 16 random hex digits.
std::string newRequestId();

// The protocol's request id rule: 1–64 of [A-Za-z0-9_-].
bool isValidRequestId(std::string_view id);

} // namespace hall::hallctl
