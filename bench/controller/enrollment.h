#pragma once
// Bringing a terminal into the hall the way a real one comes: an admin creates a one-time code
// (REST), the terminal connects (TCP, TLS, WebSocket upgrade), enrolls with the code and says
// hello with the credential it got. Each step is timed, so the report can say what one more
// connection costs.

#include "bench/controller/bench_daemon.h"
#include "bench/controller/bench_terminal.h"

#include <chrono>

namespace hall::bench {

struct EnrollmentTiming {
    int terminals = 0;
    std::chrono::duration<double> code{};    // REST: POST /api/v1/devices/enrollments
    std::chrono::duration<double> connect{}; // TCP + TLS + WebSocket upgrade
    std::chrono::duration<double> enroll{};  // enroll request → credential
    std::chrono::duration<double> hello{};   // hello → identity (snapshot push follows)
    std::chrono::duration<double> wall{};    // all of it, for the whole batch

    void add(const EnrollmentTiming& other);
};

BenchTerminal enrollTerminal(BenchDaemon& daemon, TerminalSpec spec, EnrollmentTiming& timing);

} // namespace hall::bench
