#include "bench/call_latency.h"

#include "bench/bench_hall.h"
#include "shared/core/engine.h"

#include <chrono>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

namespace hall::bench {

namespace {

constexpr int kWindows = 100;
constexpr int kServices = 20;

core::Decision run(core::Engine& engine, const core::Command& command, core::Timestamp now) {
    auto result = engine.execute(command, now);
    if (!result) {
        throw std::runtime_error(std::string(core::commandName(command)) +
                                 " refused: " + result.error().message);
    }
    return std::move(result.value());
}

core::IssueTicket issueFor(const std::string& serviceId) {
    core::IssueTicket issue;
    issue.serviceId = serviceId;
    issue.sourceDevice = "bench";
    return issue;
}

} // namespace

LatencyResult measureCallNext(int waiting, int samples, std::uint32_t seed) {
    using namespace std::chrono;
    core::Engine engine(benchHall(kWindows, kServices), benchZone());
    const auto& config = engine.config();
    core::Timestamp now = benchMorning();
    for (const auto& window : config.windows) {
        run(engine, core::SignIn{window.number, "st" + std::to_string(window.number)}, now);
    }
    // Evenly over the services, in a shuffled order so that issue times interleave.
    std::vector<std::string> services;
    for (int i = 0; i < waiting; ++i)
        services.push_back(config.services[i % kServices].id);
    std::mt19937 rng(seed);
    std::shuffle(services.begin(), services.end(), rng);
    for (const auto& id : services) {
        now += milliseconds(10);
        run(engine, issueFor(id), now);
    }

    LatencySamples latency;
    latency.reserve(static_cast<std::size_t>(samples));
    std::uniform_int_distribution<int> pickWindow(0, kWindows - 1);
    for (int i = 0; i < samples; ++i) {
        const int window = config.windows[static_cast<std::size_t>(pickWindow(rng))].number;
        now += milliseconds(50);
        const core::Command call = core::CallNext{window, false};

        const auto start = steady_clock::now();
        auto decided = engine.decide(call, now);
        if (decided) {
            for (const auto& event : decided->events)
                engine.apply(event);
        }
        const auto stop = steady_clock::now();

        if (!decided || !decided->ticket) {
            throw std::runtime_error("call next refused at window " + std::to_string(window) +
                                     ": " + (decided ? "no ticket" : decided.error().message));
        }
        latency.add(stop - start);
        // Untimed: the window finishes, and a newcomer takes the called ticket's place.
        const std::string serviceId = engine.ticket(*decided->ticket)->serviceId;
        run(engine, core::Finish{window}, now);
        run(engine, issueFor(serviceId), now);
    }

    return LatencyResult{waiting, latency.summary()};
}

} // namespace hall::bench
