#pragma once
// WCAG 2 contrast: relative luminance of an sRGB colour and the ratio (L1 + 0.05) / (L2 + 0.05)
// of the lighter to the darker one. AA requires 4.5:1 for normal text.
// https://www.w3.org/TR/WCAG21/#dfn-relative-luminance

#include <algorithm>
#include <cmath>

namespace hall::ui::testing {

// One 8-bit sRGB channel to linear light.
inline double linearChannel(int value8) {
    const double c = value8 / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

inline double relativeLuminance(int red, int green, int blue) {
    return 0.2126 * linearChannel(red) + 0.7152 * linearChannel(green) +
           0.0722 * linearChannel(blue);
}

inline double contrastRatio(double luminanceA, double luminanceB) {
    const double lighter = std::max(luminanceA, luminanceB);
    const double darker = std::min(luminanceA, luminanceB);
    return (lighter + 0.05) / (darker + 0.05);
}

constexpr double minimumTextContrast = 4.5;

} // namespace hall::ui::testing
