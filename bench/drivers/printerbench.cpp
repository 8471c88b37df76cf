// printerbench: what it costs to put a queue ticket on its way to the printer. Per ticket: the
// layout builds its ESC/POS bytes (GB18030 text, a logo, a QR code) and hands them to a TcpStream
// connected to the thermal printer twin on loopback (raw printing, as on port 9100), which
// decodes every byte as a printer would. Then the whole device path: TicketPrinterDevice's job
// (status query, write, status query) from print() to the JobResult.
//
// Baselines measured in the same run, interleaved with the samples they are compared with:
//   write pre-built     the same bytes, built once beforehand, written to the same socket: what
//                       the transport costs anyway;
//   memcpy              copying the same number of bytes: the floor of handing bytes anywhere.

#include "drivers/printer/ticket_layout.h"
#include "drivers/printer/ticket_printers.h"
#include "drivers/printer/twin/thermal_printer_twin.h"
#include "drivers/transport/tcp_stream.h"
#include "bench/latency_samples.h"

#include <CLI/CLI.hpp>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <thread>

using namespace hall::drivers;
using namespace hall::drivers::printer;
using hall::bench::LatencySamples;
using hall::bench::LatencySummary;
using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

namespace {

// A hall logo of a typical size: 288 × 72 dots (36 mm × 9 mm at 203 dpi), half black.
MonoBitmap benchLogo() {
    MonoBitmap bm(288, 72);
    for (int y = 0; y < 72; ++y)
        for (int x = 0; x < 288; ++x)
            bm.set(x, y, ((x / 12) + (y / 12)) % 2 == 0);
    return bm;
}

TicketLayoutSettings benchSettings() {
    TicketLayoutSettings s;
    s.paper = PaperWidth::Mm80;
    s.logo = benchLogo();
    s.advice = "请携带本人身份证原件，过号请重新取号。办理进度可在“政务服务”小程序查询。";
    return s;
}

Ticket benchTicket(int i) {
    char number[16];
    std::snprintf(number, sizeof number, "A%03d", i % 1000);
    Ticket t;
    t.hallName = "XX市政务服务中心";
    t.number = number;
    t.serviceName = "社保医保综合窗口";
    t.peopleAhead = i % 37;
    t.waitMinutes = (i % 37) * 3;
    t.issuedAt = {2024, 5, 6, 9 + (i / 60) % 8, i % 60};
    t.followUrl = "https://hall.example.gov.cn/q/" + std::string(number) +
                  "?d=20240506&s=" + std::to_string(1000 + i);
    return t;
}

void row(const char* label, const LatencySummary& s) {
    std::printf("  %-44s %9.1f %9.1f %9.1f %9.1f\n", label, s.p50Us, s.p99Us, s.meanUs, s.maxUs);
}

struct JobWaiter {
    std::mutex m;
    std::condition_variable cv;
    std::optional<JobResult> last;
    JobSink sink() {
        return [this](const JobResult& r) {
            std::lock_guard lock(m);
            last = r;
            cv.notify_all();
        };
    }
    std::optional<JobResult> wait(JobId id) {
        std::unique_lock lock(m);
        cv.wait_for(lock, 5s, [&] { return last && last->id == id; });
        return last && last->id == id ? last : std::nullopt;
    }
};

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"printerbench: ticket bytes built and handed to the transport, per ticket"};
    int tickets = 10'000;
    int jobs = 1'000;
    app.add_option("--tickets", tickets, "tickets built and written")->capture_default_str();
    app.add_option("--jobs", jobs, "tickets printed through the device")->capture_default_str();
    CLI11_PARSE(app, argc, argv);
    if (tickets < 1 || jobs < 1) {
        std::fprintf(stderr, "printerbench: --tickets and --jobs must be at least 1\n");
        return 2;
    }

    try {
        ThermalPrinterTwinOptions twinOptions;
        twinOptions.keepTickets = 4;
        ThermalPrinterTwin twin(twinOptions);
        const auto port = twin.addTcp(0);
        twin.start();
        const TcpSettings peer{"127.0.0.1", port, 2000ms, 5000ms};
        const TicketLayout layout(benchSettings());

        LatencySamples build, buildWrite, rawWrite, copy;
        for (auto* s : {&build, &buildWrite, &rawWrite, &copy})
            s->reserve(static_cast<std::size_t>(tickets));
        std::size_t bytes = 0;
        {
            TcpStream stream(peer);
            std::vector<std::uint8_t> sink(64 * 1024);
            for (int i = 0; i < tickets; ++i) {
                const auto ticket = benchTicket(i);
                // Build only.
                auto t0 = Clock::now();
                auto built = layout.render(ticket);
                build.add(Clock::now() - t0);
                // Build and hand to the transport.
                t0 = Clock::now();
                auto sent = layout.render(ticket);
                stream.write(sent.bytes, {});
                buildWrite.add(Clock::now() - t0);
                // Baseline: the bytes built beforehand, written to the same socket.
                t0 = Clock::now();
                stream.write(built.bytes, {});
                rawWrite.add(Clock::now() - t0);
                // Baseline: a copy of as many bytes.
                if (sink.size() < built.bytes.size()) sink.resize(built.bytes.size());
                t0 = Clock::now();
                std::memcpy(sink.data(), built.bytes.data(), built.bytes.size());
                asm volatile("" : : "r"(sink.data()) : "memory"); // the copy is not optimised away
                copy.add(Clock::now() - t0);
                bytes += built.bytes.size();
            }
        }
        const bool allPrinted = twin.waitForPrinted(2 * tickets, 60s);

        // The device path: job accepted → status, write, status → JobResult.
        LatencySamples device;
        device.reserve(static_cast<std::size_t>(jobs));
        int printed = 0;
        int refusals = 0;
        {
            JobWaiter waiter;
            TicketPrinterOptions options;
            options.idlePoll = 60s; // no idle polls inside the measurement
            auto printer = makeTcpTicketPrinter(peer, {}, waiter.sink(), options);
            printer->start();
            for (int i = 0; i < jobs; ++i) {
                auto ticket = layout.render(benchTicket(i)).bytes;
                const auto t0 = Clock::now();
                const auto s = printer->print(std::move(ticket));
                if (!s.accepted()) {
                    // The first job may find the connection still opening; try again shortly.
                    if (++refusals > 100)
                        throw std::runtime_error("the printer refused jobs: " + s.refused->message);
                    std::this_thread::sleep_for(50ms);
                    --i;
                    continue;
                }
                const auto r = waiter.wait(s.id);
                device.add(Clock::now() - t0);
                if (r && r->printed) ++printed;
            }
            printer->stop();
        }

        std::printf("printerbench: %d tickets on 80 mm paper (288x72 logo, QR, GB18030 text), "
                    "mean %zu bytes, to the printer twin over TCP on loopback\n",
                    tickets, bytes / static_cast<std::size_t>(tickets));
        std::printf("  %-44s %9s %9s %9s %9s\n", "per ticket (microseconds)", "p50", "p99", "mean",
                    "max");
        const auto sBuild = build.summary(), sBuildWrite = buildWrite.summary(),
                   sRaw = rawWrite.summary(), sCopy = copy.summary();
        row("build bytes (layout -> ESC/POS)", sBuild);
        row("build + write to the TCP stream", sBuildWrite);
        row("baseline: write pre-built bytes to it", sRaw);
        row("baseline: memcpy of as many bytes", sCopy);
        const auto sDevice = device.summary();
        row("device job: status, write, status, result", sDevice);
        std::printf("  build + write over pre-built write: p50 %.2fx, p99 %.2fx\n",
                    sBuildWrite.p50Us / sRaw.p50Us, sBuildWrite.p99Us / sRaw.p99Us);
        std::printf("  twin printed all %d tickets: %s; device jobs printed: %d of %d\n",
                    2 * tickets, allPrinted ? "yes" : "NO", printed, jobs);
        return allPrinted && printed == jobs ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "printerbench: %s\n", e.what());
        return 1;
    }
}
