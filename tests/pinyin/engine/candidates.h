#pragma once
// Helpers of the pinyin suite: the first candidates for a composition, and where one sits.

#include "shared/pinyin/engine.h"

#include <algorithm>
#include <cstddef>
#include <doctest/doctest.h>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hall::pinyin::testing {

// What a candidate bar shows first (one screen of a kiosk's bar).
inline constexpr std::size_t kFirstScreen = 10;

inline std::vector<std::string> firstCandidates(Engine& engine, std::string_view letters,
                                                std::size_t count = kFirstScreen) {
    REQUIRE(engine.setComposition(letters));
    return engine.candidates(0, count);
}

inline bool contains(const std::vector<std::string>& list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

inline std::optional<std::size_t> indexOf(Engine& engine, std::string_view word) {
    const auto all = engine.candidates(0, engine.candidateCount());
    const auto found = std::find(all.begin(), all.end(), word);
    if (found == all.end()) return std::nullopt;
    return static_cast<std::size_t>(found - all.begin());
}

} // namespace hall::pinyin::testing
