#include "shared/config/demo_hall.h"

#include "shared/config/hall_config_toml.h"

#include <stdexcept>
#include <variant>

// demoHallToml() is generated at build time from demo-hall.toml (see CMakeLists.txt).

namespace hall::config {

core::HallConfig demoHall() {
    auto result = parseHallConfig(demoHallToml(), "demo-hall.toml");
    if (auto* errors = std::get_if<std::vector<core::ConfigError>>(&result))
        // Only reachable if the embedded file was broken and its test skipped: a build defect.
        throw std::logic_error("the embedded demo hall is invalid:\n" + core::describe(*errors));
    return std::get<core::HallConfig>(std::move(result));
}

} // namespace hall::config
