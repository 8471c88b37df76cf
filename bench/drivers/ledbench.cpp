// ledbench: a full refresh of 64 LED strips — a new text for every address, each acknowledged —
// through the real driver stack (LedStripBus, our hall bus protocol, SerialStream) and the bus
// twin on a pty, at 9600 and 115200 baud, against the line-rate limit.
//
// Method. A pty has no baud rate: bytes cross it as fast as memory. So the twin paces the line
// as a real RS-485 line would be (drivers/bus/twin/bus_twin.h): it acts on a request only once
// all of its bytes would have arrived at the baud rate (10 bits a byte, 8N1), and writes its
// reply no faster than the baud rate allows. The controller's side does not pace its writes,
// but it cannot get a reply before the request's wire time has passed either. One exchange
// therefore takes at least (request bytes + reply bytes) × 10 / baud on the pty, as on a wire.
//
//   line-rate limit  the bytes of one refresh in both directions (counted frame by frame, with
//                    their stuffing) × 10 / baud: the time the frames alone occupy the line
//   measured         submit() of 64 texts to waitSettled() returning, all 64 acknowledged
//   ratio            limit / measured over all rounds: 1.0 would be a line never idle between
//                    frames
//
// What separates the two is the per-exchange cost of the controller (scheduling, write, the
// read wake-up) and of the pty, plus the units' turnaround (set with --turnaround-us; 0 by
// default, so the figure is the software's own; real strips answer within 20 ms, see
// docs/bus-protocol.md "Timing", which a hall would add per strip).

#include "drivers/base/registry.h"
#include "drivers/bus/twin/bus_twin.h"
#include "drivers/led/led_strip_bus.h"
#include "drivers/led/twin/led_strip_unit.h"
#include "drivers/transport/serial_stream.h"
#include "bench/latency_samples.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <unistd.h>

using namespace hall::drivers;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kStrips = 64;

std::string callText(int round, int window) {
    char ticket[8];
    std::snprintf(ticket, sizeof ticket, "%c%03d", 'A' + round % 6, (round * 64 + window) % 1000);
    return std::string("请") + ticket + "号到" + std::to_string(window) + "号窗口";
}

struct Row {
    unsigned baud = 0;
    hall::bench::LatencySummary refresh;
    double limitMs = 0;               // mean over the rounds
    double ratio = 0;                 // all rounds' limits / all rounds' measured times
    double bytesOut = 0, bytesIn = 0; // per refresh
    std::uint64_t retries = 0;
    bool ok = true;
};

Row run(unsigned baud, int rounds, std::chrono::microseconds turnaround,
        const std::filesystem::path& dir) {
    Row row;
    row.baud = baud;
    const auto link = dir / ("ttyLED" + std::to_string(baud));
    bus::BusTwinOptions twinOptions;
    twinOptions.baud = baud;
    twinOptions.turnaround = turnaround;
    bus::BusTwin twin(link, twinOptions);
    std::vector<std::uint8_t> addresses;
    for (int a = 1; a <= kStrips; ++a) {
        twin.add(static_cast<std::uint8_t>(a), std::make_unique<led::LedStripUnit>());
        addresses.push_back(static_cast<std::uint8_t>(a));
    }
    twin.start();

    bus::LineSettings line;
    line.baud = baud;
    led::LedStripBusOptions options;
    options.addresses = addresses;
    options.keepAlive = std::chrono::hours(1); // no keep-alive traffic inside a measurement
    const std::string path = link.string();
    led::LedStripBus strips(
        requireDescriptor("led.hallbus"), path,
        [path, baud](std::stop_token) {
            return std::make_unique<SerialStream>(SerialSettings{path, baud});
        },
        led::makeHallBusLedProtocol(line), {}, options);
    strips.start();

    // The start-up identify round first, so it is not part of any refresh.
    const auto until = Clock::now() + std::chrono::seconds(60);
    for (bool online = false; !online && Clock::now() < until;) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        online = true;
        for (auto a : addresses)
            online = online && strips.status(a).state == bus::UnitState::Online;
    }

    hall::bench::LatencySamples samples;
    double limitUs = 0, measuredUs = 0, out = 0, in = 0;
    const auto before = strips.counters();
    for (int r = 0; r < rounds; ++r) {
        const auto c0 = strips.counters();
        const auto t0 = Clock::now();
        for (int a = 1; a <= kStrips; ++a)
            strips.submit(static_cast<std::uint8_t>(a), led::Text{callText(r, a)});
        if (!strips.waitSettled(std::chrono::seconds(60))) {
            row.ok = false;
            break;
        }
        const auto took = Clock::now() - t0;
        samples.add(took);
        const auto c1 = strips.counters();
        const double bytes =
            static_cast<double>((c1.bytesOut - c0.bytesOut) + (c1.bytesIn - c0.bytesIn));
        limitUs += bytes * 10.0 * 1e6 / baud;
        measuredUs += std::chrono::duration<double, std::micro>(took).count();
        out += static_cast<double>(c1.bytesOut - c0.bytesOut);
        in += static_cast<double>(c1.bytesIn - c0.bytesIn);
    }
    strips.stop();
    twin.stop();
    if (!row.ok) return row;
    row.refresh = samples.summary();
    row.limitMs = limitUs / rounds / 1000.0;
    row.ratio = limitUs / measuredUs;
    row.bytesOut = out / rounds;
    row.bytesIn = in / rounds;
    row.retries = strips.counters().retries - before.retries;
    return row;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"ledbench: full refresh of 64 LED strips through the twin, against line rate"};
    int rounds9600 = 5, rounds115200 = 30;
    long turnaroundUs = 0;
    app.add_option("--rounds-9600", rounds9600, "refreshes at 9600 baud")->capture_default_str();
    app.add_option("--rounds-115200", rounds115200, "refreshes at 115200 baud")
        ->capture_default_str();
    app.add_option("--turnaround-us", turnaroundUs, "each strip's time before replying")
        ->capture_default_str();
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 2;
    }
    if (rounds9600 < 1 || rounds115200 < 1 || turnaroundUs < 0) {
        std::fprintf(stderr, "ledbench: rounds must be at least 1, the turnaround not negative\n");
        return 2;
    }

    std::filesystem::path dir = std::filesystem::temp_directory_path() / "ledbench-XXXXXX";
    std::string tmpl = dir.string();
    if (!::mkdtemp(tmpl.data())) {
        std::perror("ledbench: mkdtemp");
        return 1;
    }
    dir = tmpl;

    std::printf("ledbench: full refresh of %d LED strips (one TEXT each, acknowledged) through "
                "LedStripBus and the bus twin on a pty, the twin pacing the line to the baud "
                "rate (8N1); strip turnaround %ld us\n",
                kStrips, turnaroundUs);
    std::printf("  line-rate limit = bytes of the refresh, both directions, x 10 bits / baud; "
                "ratio = limit / measured (1.0 = the line never idle)\n");
    std::printf("  %8s %7s %11s %11s %11s %11s %11s %7s %8s\n", "baud", "rounds", "bytes out",
                "bytes in", "limit ms", "p50 ms", "p99 ms", "ratio", "retries");
    int rc = 0;
    for (const auto& [baud, rounds] :
         {std::pair{9600u, rounds9600}, std::pair{115200u, rounds115200}}) {
        const Row row = run(baud, rounds, std::chrono::microseconds(turnaroundUs), dir);
        if (!row.ok) {
            std::printf("  %8u refresh did not settle within 60 s\n", baud);
            rc = 1;
            continue;
        }
        std::printf("  %8u %7d %11.0f %11.0f %11.1f %11.1f %11.1f %7.3f %8llu\n", baud,
                    row.refresh.samples, row.bytesOut, row.bytesIn, row.limitMs,
                    row.refresh.p50Us / 1000.0, row.refresh.p99Us / 1000.0, row.ratio,
                    static_cast<unsigned long long>(row.retries));
    }
    std::printf(
        "  (per strip: one TEXT request of %d-%d bytes and a %d-byte acknowledgement before "
        "stuffing; the ratio is the sum of the rounds' limits over the sum of their times)\n",
        static_cast<int>(bus::minWireSize(17)), static_cast<int>(bus::minWireSize(18)),
        static_cast<int>(bus::minWireSize(1)));
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
    return rc;
}
