#pragma once
// The answer a request got, as stored for retries: {"ok":true,"ticket":N} (ticket omitted when
// the command concerned none; {"ok":true,"lease":N} for a lease granted) or {"ok":false,"code":"quota_reached","message":"…"}. A replayed
// answer carries no events: nothing happens a second time.

#include "shared/core/engine.h"

#include <string>
#include <string_view>

namespace hall::store {

std::string encodeOutcome(const core::Result<core::Decision>& outcome);
core::Result<core::Decision> decodeOutcome(std::string_view json); // StoreError when malformed

} // namespace hall::store
