#pragma once
// Resident memory (VmRSS of /proc/<pid>/status), the figure the benchmarks report for memory.

namespace hall::bench {

double residentMiB(); // of this process

} // namespace hall::bench
