#pragma once
// Call-next latency of the queue engine: the time of decide + apply of one CallNext, with a
// given number of tickets waiting in the hall.

#include "bench/latency_samples.h"

#include <cstdint>

namespace hall::bench {

struct LatencyResult {
    int waiting = 0;
    LatencySummary latency;
};

// 100 windows, 20 services, `waiting` tickets spread evenly over the services. Between samples
// (untimed) the called ticket is finished and a new one of its service issued, so the number
// waiting stays the same through the run.
LatencyResult measureCallNext(int waiting, int samples, std::uint32_t seed);

} // namespace hall::bench
