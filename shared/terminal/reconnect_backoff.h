#pragma once
// How long a terminal waits before its next connection attempt after the link to the controller
// failed: exponential from `initial` up to `cap`, each delay spread by ±jitter so that a hall
// full of terminals that lost the controller together (a restart) does not knock again in
// lock-step. Qt-free; the caller owns the timer.

#include <chrono>
#include <cstdint>
#include <random>

namespace hall::client {

struct BackoffPolicy {
    std::chrono::milliseconds initial{500};
    std::chrono::milliseconds cap{30'000};
    double factor = 2.0;
    double jitter = 0.2; // each delay is drawn from [d·(1−jitter), d·(1+jitter)]
};

class ReconnectBackoff {
public:
    explicit ReconnectBackoff(BackoffPolicy policy = {},
                              std::uint64_t seed = std::random_device{}());

    // The delay before the next attempt; each call lengthens the following one (up to the cap).
    std::chrono::milliseconds next();
    // After a successful connection: the next failure starts from `initial` again.
    void reset();
    int attempts() const { return attempts_; }
    const BackoffPolicy& policy() const { return policy_; }

private:
    BackoffPolicy policy_;
    std::mt19937_64 random_;
    double base_ms_ = 0; // the un-jittered delay of the next attempt
    int attempts_ = 0;
};

} // namespace hall::client
