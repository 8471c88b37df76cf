#include "shared/terminal/reconnect_backoff.h"

#include <algorithm>
#include <stdexcept>

namespace hall::client {

ReconnectBackoff::ReconnectBackoff(BackoffPolicy policy, std::uint64_t seed)
    : policy_(policy), random_(seed) {
    if (policy_.initial.count() <= 0 || policy_.cap < policy_.initial || policy_.factor < 1.0 ||
        policy_.jitter < 0.0 || policy_.jitter >= 1.0)
        throw std::invalid_argument(
            "backoff: need 0 < initial <= cap, factor >= 1, 0 <= jitter < 1");
    reset();
}

void ReconnectBackoff::reset() {
    base_ms_ = static_cast<double>(policy_.initial.count());
    attempts_ = 0;
}

std::chrono::milliseconds ReconnectBackoff::next() {
    std::uniform_real_distribution<double> spread(1.0 - policy_.jitter, 1.0 + policy_.jitter);
    const double delay = base_ms_ * spread(random_);
    base_ms_ = std::min(base_ms_ * policy_.factor, static_cast<double>(policy_.cap.count()));
    ++attempts_;
    return std::chrono::milliseconds(std::max<std::int64_t>(1, static_cast<std::int64_t>(delay)));
}

} // namespace hall::client
