#pragma once
// The layout of bench-hall.toml, which the load generator drives: keep the two in step.

#include <array>
#include <string>

namespace hall::bench::layout {

inline constexpr int kWindows = 24;
inline constexpr int kWindowsPerZone = 12; // windows 1–12 north, 13–24 south
inline const std::array<std::string, 2> kZones{"north", "south"};
inline const std::array<std::string, 4> kServices{"permits", "taxes", "social", "medical"};

inline const std::string& zoneOfWindow(int window) {
    return kZones[static_cast<std::size_t>((window - 1) / kWindowsPerZone)];
}
// The clerk configured for a window: s01 … s24.
inline std::string staffOfWindow(int window) {
    return (window < 10 ? "s0" : "s") + std::to_string(window);
}

} // namespace hall::bench::layout
