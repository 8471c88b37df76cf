#pragma once
// Helpers for the configuration tests: unwrap a LoadResult and look for an error by field.

#include "shared/config/hall_config_toml.h"

#include <doctest/doctest.h>
#include <string>
#include <variant>
#include <vector>

namespace hall::config::test {

inline std::vector<core::ConfigError> errorsOf(const LoadResult& result) {
    const auto* errors = std::get_if<std::vector<core::ConfigError>>(&result);
    REQUIRE_MESSAGE(errors != nullptr, "the configuration was accepted");
    CHECK_FALSE(errors->empty());
    return *errors;
}

inline core::HallConfig configOf(const LoadResult& result) {
    if (const auto* errors = std::get_if<std::vector<core::ConfigError>>(&result))
        FAIL("rejected: " << core::describe(*errors));
    return std::get<core::HallConfig>(result);
}

// True when some error names exactly `field` and its message contains `words`.
inline bool hasError(const std::vector<core::ConfigError>& errors, const std::string& field,
                     const std::string& words = {}) {
    for (const auto& e : errors)
        if (e.field == field && e.message.find(words) != std::string::npos) return true;
    return false;
}

// A small valid hall; tests append or replace parts of it.
inline const std::string kMinimalHall = R"(
name = "测试大厅"

[[zones]]
id = "z1"
name_zh = "一区"

[[services]]
id = "tax"
name_zh = "税务"
prefix = "A"

[[services]]
id = "permit"
name_zh = "许可"
prefix = "B"

[[windows]]
number = 1
zone = "z1"
services = ["tax", "permit"]
)";

} // namespace hall::config::test
