#pragma once
// The demo hall every program starts on when it is given no configuration: the TOML text is
// compiled in from demo-hall.toml, so the file in the tree is the one source.

#include "shared/core/hall_config.h"

#include <string_view>

namespace hall::config {

std::string_view demoHallToml();
core::HallConfig demoHall(); // parsed and validated; the build's tests guarantee it is valid

} // namespace hall::config
