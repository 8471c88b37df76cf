#pragma once
// Latency samples of one operation and their summary, in microseconds.

#include <chrono>
#include <vector>

namespace hall::bench {

struct LatencySummary {
    int samples = 0;
    double p50Us = 0;
    double p99Us = 0;
    double meanUs = 0;
    double maxUs = 0;
};

class LatencySamples {
public:
    void reserve(std::size_t n) { us_.reserve(n); }
    void add(std::chrono::steady_clock::duration d) {
        us_.push_back(std::chrono::duration<double, std::micro>(d).count());
    }
    LatencySummary summary() const; // throws when empty: a row without samples is no figure

private:
    std::vector<double> us_;
};

} // namespace hall::bench
