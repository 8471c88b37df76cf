#include "bench/latency_samples.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace hall::bench {

LatencySummary LatencySamples::summary() const {
    if (us_.empty()) throw std::logic_error("latency summary of no samples");
    auto sorted = us_;
    std::sort(sorted.begin(), sorted.end());
    // Nearest rank: the smallest sample with at least p of all samples at or below it.
    auto rank = [&](double p) {
        const auto k = static_cast<std::size_t>(std::ceil(p * static_cast<double>(sorted.size())));
        return sorted[std::clamp<std::size_t>(k, 1, sorted.size()) - 1];
    };
    LatencySummary s;
    s.samples = static_cast<int>(sorted.size());
    s.p50Us = rank(0.50);
    s.p99Us = rank(0.99);
    s.meanUs =
        std::accumulate(sorted.begin(), sorted.end(), 0.0) / static_cast<double>(sorted.size());
    s.maxUs = sorted.back();
    return s;
}

} // namespace hall::bench
