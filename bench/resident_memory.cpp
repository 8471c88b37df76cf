#include "bench/resident_memory.h"

#include <fstream>
#include <string>

namespace hall::bench {

double residentMiB() {
    std::ifstream status("/proc/self/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0; // "VmRSS:  1234 kB"
    return 0;
}

} // namespace hall::bench
