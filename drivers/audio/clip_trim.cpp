#include "drivers/audio/clip_trim.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace hall::drivers::audio {

void trimSilence(Pcm& pcm, const TrimSettings& settings) {
    auto& s = pcm.samples;
    auto loud = [&](std::int16_t v) { return std::abs(static_cast<int>(v)) > settings.threshold; };
    const auto first = std::find_if(s.begin(), s.end(), loud);
    if (first == s.end()) {
        s.clear();
        return;
    }
    const auto last = std::find_if(s.rbegin(), s.rend(), loud).base(); // one past the last loud
    const std::size_t margin = samplesFor(settings.margin, pcm.sampleRate);
    const auto begin = static_cast<std::size_t>(first - s.begin());
    const auto end = static_cast<std::size_t>(last - s.begin());
    const std::size_t from = begin > margin ? begin - margin : 0;
    const std::size_t to = std::min(s.size(), end + margin);
    s.erase(s.begin() + static_cast<std::ptrdiff_t>(to), s.end());
    s.erase(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(from));
}

void fadeEdges(Pcm& pcm, std::chrono::milliseconds length) {
    auto& s = pcm.samples;
    const std::size_t n = std::min(samplesFor(length, pcm.sampleRate), s.size() / 2);
    for (std::size_t i = 0; i < n; ++i) {
        // Sample i of n gets weight i / n: the outermost sample is 0, the ramp ends just before
        // full level.
        const double w = static_cast<double>(i) / static_cast<double>(n);
        s[i] = static_cast<std::int16_t>(std::lround(s[i] * w));
        s[s.size() - 1 - i] = static_cast<std::int16_t>(std::lround(s[s.size() - 1 - i] * w));
    }
}

} // namespace hall::drivers::audio
