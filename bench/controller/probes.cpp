#include "bench/controller/probes.h"

#include "bench/controller/hall_layout.h"
#include "shared/protocol/codec.h"

#include <fcntl.h>
#include <stdexcept>
#include <thread>
#include <unistd.h>

namespace hall::bench {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace {

constexpr auto kPushTimeout = 5s;

// Samples start at a steady pace; a late one starts at once.
void waitForSlot(Clock::time_point start, int i, std::chrono::microseconds interval) {
    const auto slot = start + i * interval;
    if (Clock::now() < slot) std::this_thread::sleep_until(slot);
}

} // namespace

std::vector<TerminalSpec> ProbeSet::specs(int machines) {
    std::vector<TerminalSpec> all;
    for (int m = 1; m <= machines; ++m)
        all.push_back({"probe-machine-" + std::to_string(m), "ticket_machine", {}, {}});
    // Zones alternate (1, 13, 2, 14, …) so that consecutive call samples go to different boards.
    for (int k = 0; k < layout::kWindowsPerZone; ++k) {
        for (int z = 0; z < static_cast<int>(layout::kZones.size()); ++z) {
            const int window = z * layout::kWindowsPerZone + k + 1;
            all.push_back({"probe-pad-" + std::to_string(window), "window_pad", window, {}});
        }
    }
    for (const auto& zone : layout::kZones)
        all.push_back({"probe-board-" + zone, "call_board", {}, zone});
    return all;
}

void ProbeSet::add(BenchTerminal terminal) {
    const auto& role = terminal.spec().role;
    if (role == "ticket_machine")
        machines.push_back(std::move(terminal));
    else if (role == "window_pad")
        pads.push_back(std::move(terminal));
    else if (role == "call_board")
        boards.push_back(std::move(terminal));
    else
        throw std::logic_error("no probe of role " + role);
}

void ProbeSet::signIn() {
    for (auto& pad : pads) {
        const int window = *pad.spec().window;
        expectCommandResult(pad.request(core::SignIn{window, layout::staffOfWindow(window)}),
                            pad.spec().name + ": sign_in");
    }
}

void ProbeSet::tend() {
    const auto now = Clock::now();
    if (now - tended_ < 1s) return;
    tended_ = now;
    for (auto* group : {&machines, &pads, &boards}) {
        for (auto& terminal : *group) {
            terminal.drain();
            terminal.heartbeatIfDue(now);
        }
    }
}

std::vector<BenchTerminal> ProbeSet::release() {
    std::vector<BenchTerminal> all;
    for (auto* group : {&machines, &pads, &boards}) {
        for (auto& terminal : *group)
            all.push_back(std::move(terminal));
        group->clear();
    }
    return all;
}

EchoProbe::EchoProbe(const BenchDaemon& daemon, std::string payload)
    : server_(daemon.serverCertificatePem(), daemon.serverKeyPem()),
      connection_(
          netclient::TerminalConnection::connect("localhost", server_.port(), daemon.caPem())),
      payload_(std::move(payload)) {}

Clock::duration EchoProbe::roundTrip() {
    const auto t0 = Clock::now();
    connection_.sendText(payload_);
    const auto frame = connection_.readFrame(kPushTimeout);
    const auto t1 = Clock::now();
    if (frame != payload_) throw std::runtime_error("the echo server did not echo the frame");
    return t1 - t0;
}

FsyncProbe::FsyncProbe(const std::filesystem::path& dir)
    : file_(dir / "controllerbench-fsync.bin") {
    fd_ = ::open(file_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0600);
    if (fd_ < 0) throw std::runtime_error("cannot create " + file_.string());
}

FsyncProbe::~FsyncProbe() {
    ::close(fd_);
    std::error_code ignored;
    std::filesystem::remove(file_, ignored);
}

Clock::duration FsyncProbe::writeAndSync() {
    const std::string row(200, 'x'); // about a journal row
    const auto t0 = Clock::now();
    if (::write(fd_, row.data(), row.size()) != static_cast<ssize_t>(row.size()) ||
        ::fdatasync(fd_) != 0)
        throw std::runtime_error("writing " + file_.string() + " failed");
    return Clock::now() - t0;
}

PhaseResult measureIssue(ProbeSet& probes, EchoProbe& echo, FsyncProbe& fsync, int samples,
                         std::chrono::microseconds interval) {
    if (probes.machines.empty()) throw std::logic_error("no ticket machine probes");
    PhaseResult result;
    result.operation.reserve(static_cast<std::size_t>(samples));
    result.echo.reserve(static_cast<std::size_t>(samples));
    const auto start = Clock::now();
    for (int i = 0; i < samples; ++i) {
        waitForSlot(start, i, interval);
        auto& machine = probes.machines[static_cast<std::size_t>(i) % probes.machines.size()];
        core::IssueTicket issue;
        issue.serviceId = layout::kServices[static_cast<std::size_t>(i) % layout::kServices.size()];
        machine.pace();
        const auto t0 = Clock::now();
        const auto response = machine.requestNow(protocol::RequestBody(issue));
        const auto t1 = Clock::now();
        expectCommandResult(response, machine.spec().name + ": issue_ticket");
        result.operation.add(t1 - t0);
        result.echo.add(echo.roundTrip());
        result.fsync.add(fsync.writeAndSync());
        probes.tend();
    }
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return result;
}

PhaseResult measureCallToPush(ProbeSet& probes, EchoProbe& echo, int samples,
                              std::chrono::microseconds interval) {
    if (probes.pads.empty() || probes.boards.size() != layout::kZones.size())
        throw std::logic_error("call probes need pads and a board per zone");
    PhaseResult result;
    result.operation.reserve(static_cast<std::size_t>(samples));
    result.echo.reserve(static_cast<std::size_t>(samples));
    const auto start = Clock::now();
    for (int i = 0; i < samples; ++i) {
        waitForSlot(start, i, interval);
        auto& pad = probes.pads[static_cast<std::size_t>(i) % probes.pads.size()];
        const int window = *pad.spec().window;
        auto& board =
            probes.boards[static_cast<std::size_t>((window - 1) / layout::kWindowsPerZone)];
        board.drain(); // what arrived before the call must not be counted into its latency
        const protocol::Request call{pad.nextRequestId(), core::CallNext{window, false}};
        pad.pace();
        pad.pace(); // and one for the finish that follows
        const auto t0 = Clock::now();
        pad.send(call);
        std::optional<protocol::Call> heard;
        Clock::time_point t1;
        while (!heard) {
            auto push = board.nextPush(kPushTimeout);
            if (!push)
                throw std::runtime_error(board.spec().name + " heard no call from window " +
                                         std::to_string(window) + " within 5 s");
            if (auto* c = std::get_if<protocol::Call>(&push->body)) {
                t1 = Clock::now();
                heard = *c;
            }
        }
        // Only the probe pads call, one at a time: the call heard must be this one.
        const auto response = pad.awaitResponse(call.id, kPushTimeout);
        const auto& called = expectCommandResult(response, pad.spec().name + ": call_next");
        if (heard->window != window || !called.ticket || called.ticket->id != heard->ticket.id)
            throw std::runtime_error(board.spec().name + " heard ticket " + heard->ticket.number +
                                     " at window " + std::to_string(heard->window) +
                                     " while window " + std::to_string(window) + " called " +
                                     (called.ticket ? called.ticket->number : "nothing"));
        result.operation.add(t1 - t0);
        expectCommandResult(pad.requestNow(core::Finish{window}), pad.spec().name + ": finish");
        result.echo.add(echo.roundTrip());
        probes.tend();
    }
    result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return result;
}

} // namespace hall::bench
