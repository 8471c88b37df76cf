#pragma once
// core::TimeZone backed by the system tz database (tzdata), e.g. "Asia/Shanghai".

#include "shared/core/time.h"

#include <memory>
#include <string_view>

namespace hall::tz {

// Throws std::invalid_argument naming the zone when tzdata does not know it.
std::shared_ptr<const core::TimeZone> loadZone(std::string_view name);

} // namespace hall::tz
