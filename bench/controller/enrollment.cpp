#include "bench/controller/enrollment.h"

#include <stdexcept>

namespace hall::bench {

using Clock = std::chrono::steady_clock;

void EnrollmentTiming::add(const EnrollmentTiming& other) {
    terminals += other.terminals;
    code += other.code;
    connect += other.connect;
    enroll += other.enroll;
    hello += other.hello;
    wall += other.wall;
}

BenchTerminal enrollTerminal(BenchDaemon& daemon, TerminalSpec spec, EnrollmentTiming& timing) {
    const auto t0 = Clock::now();
    const auto code = daemon.enrollmentCode(spec.name, spec.role, spec.window, spec.zone);
    const auto t1 = Clock::now();
    auto connection =
        netclient::TerminalConnection::connect("localhost", daemon.port(), daemon.caPem());
    const auto t2 = Clock::now();
    const auto enrolled = connection.enroll(code);
    const auto t3 = Clock::now();
    const auto hello = connection.hello(enrolled.credential);
    const auto t4 = Clock::now();
    if (hello.identity.device != spec.name)
        throw std::runtime_error("hello as " + spec.name + " answered for device " +
                                 hello.identity.device);
    timing.terminals += 1;
    timing.code += t1 - t0;
    timing.connect += t2 - t1;
    timing.enroll += t3 - t2;
    timing.hello += t4 - t3;
    return BenchTerminal(std::move(spec), std::move(connection));
}

} // namespace hall::bench
