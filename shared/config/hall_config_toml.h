#pragma once
// Reads a hall configuration from TOML. Any problem — a syntax error, a field of the wrong type,
// an unknown key, a rule of core::validate() — comes back as ConfigErrors naming the field, and
// no configuration is returned: a bad file never half-applies.

#include "shared/core/hall_config.h"

#include <filesystem>
#include <string_view>
#include <variant>
#include <vector>

namespace hall::config {

using LoadResult = std::variant<core::HallConfig, std::vector<core::ConfigError>>;

LoadResult parseHallConfig(std::string_view tomlText, std::string_view sourceName = "config");
LoadResult loadHallConfig(const std::filesystem::path& file);

} // namespace hall::config
