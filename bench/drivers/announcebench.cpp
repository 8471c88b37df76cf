// announcebench: how soon the hall hears a call. From announce() on the caller's thread to the
// first sample handed to the audio sink on the announcer's worker thread: the queue hand-off,
// the worker waking up, rendering chime + phrase × repeats from the generated zh-CN pack, and
// the first write. The sink takes samples at once (a memory sink), so the figure is the
// announcer's own; a sound card adds its buffer (~100 ms by default) on top.
//
// Baselines measured in the same run:
//   render only        renderCall() of the same calls on the bench thread: the share of the
//                      rendering in the latency;
//   copy               copying as many samples as one announcement has (memcpy): the floor of
//                      any renderer that produces the whole buffer before playing;
//   thread wake-up     notify a waiting thread and see it run: the floor of any hand-off to a
//                      worker.

#include "drivers/audio/announcer.h"
#include "drivers/audio/voice_pack_loader.h"
#include "drivers/base/registry.h"
#include "bench/latency_samples.h"

#include <CLI/CLI.hpp>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <optional>
#include <thread>

using namespace hall::drivers;
using namespace hall::drivers::audio;
using hall::bench::LatencySamples;
using hall::bench::LatencySummary;
using Clock = std::chrono::steady_clock;

namespace {

// Shared between the bench thread and the announcer's worker.
struct Probe {
    std::mutex m;
    std::condition_variable cv;
    std::optional<Clock::time_point> firstSample;
    bool finished = false;
    std::size_t samples = 0;
};

class ProbeSink : public AudioSink {
public:
    explicit ProbeSink(Probe& probe) : probe_(probe) {}
    void write(std::span<const std::int16_t> samples, std::stop_token) override {
        const auto now = Clock::now();
        std::lock_guard lock(probe_.m);
        if (!probe_.firstSample) probe_.firstSample = now;
        probe_.samples += samples.size();
        probe_.cv.notify_all();
    }
    void finish(std::stop_token) override {
        std::lock_guard lock(probe_.m);
        probe_.finished = true;
        probe_.cv.notify_all();
    }

private:
    Probe& probe_;
};

Call callNumber(int i) {
    char ticket[8];
    std::snprintf(ticket, sizeof ticket, "%c%03d", 'A' + i % 6, i % 1000);
    return {ticket, static_cast<unsigned>(1 + i % 120)};
}

LatencySummary callToFirstSample(std::shared_ptr<const VoicePack> pack, const RenderSettings& s,
                                 int calls, std::size_t& samplesPerCall) {
    Probe probe;
    AnnouncerConfig config;
    config.render = s;
    Announcer announcer(
        requireDescriptor("announcer.alsa"), "announcer.alsa@bench", std::move(pack),
        [&probe](std::uint32_t, std::stop_token) { return std::make_unique<ProbeSink>(probe); },
        config, {}, {});
    announcer.start();
    LatencySamples latency;
    latency.reserve(static_cast<std::size_t>(calls));
    std::size_t total = 0;
    for (int i = 0; i < calls; ++i) {
        {
            std::lock_guard lock(probe.m);
            probe.firstSample.reset();
            probe.finished = false;
            probe.samples = 0;
        }
        const auto t0 = Clock::now();
        if (!announcer.announce(callNumber(i)).accepted())
            throw std::runtime_error("the announcer refused a benchmark call");
        std::unique_lock lock(probe.m);
        if (!probe.cv.wait_for(lock, std::chrono::seconds(10), [&] { return probe.finished; }))
            throw std::runtime_error("the announcer did not play a call within 10 s");
        latency.add(*probe.firstSample - t0);
        total += probe.samples;
    }
    announcer.stop();
    samplesPerCall = total / static_cast<std::size_t>(calls);
    return latency.summary();
}

LatencySummary renderOnly(const VoicePack& pack, const RenderSettings& s, int calls) {
    LatencySamples latency;
    latency.reserve(static_cast<std::size_t>(calls));
    for (int i = 0; i < calls; ++i) {
        const auto t0 = Clock::now();
        const Rendering r = renderCall(pack, callNumber(i), s);
        latency.add(Clock::now() - t0);
        if (r.pcm.samples.empty()) throw std::runtime_error("empty rendering");
    }
    return latency.summary();
}

LatencySummary copySamples(std::size_t samples, int calls) {
    const std::vector<std::int16_t> source(samples, 1);
    LatencySamples latency;
    latency.reserve(static_cast<std::size_t>(calls));
    for (int i = 0; i < calls; ++i) {
        const auto t0 = Clock::now();
        std::vector<std::int16_t> copy(samples); // allocated and filled, as a rendering is
        std::memcpy(copy.data(), source.data(), samples * sizeof(std::int16_t));
        latency.add(Clock::now() - t0);
        if (copy[samples / 2] != 1) throw std::runtime_error("copy");
    }
    return latency.summary();
}

LatencySummary threadWakeUp(int calls) {
    std::mutex m;
    std::condition_variable cv;
    std::optional<Clock::time_point> woke;
    bool go = false;
    bool quit = false;
    std::jthread worker([&] {
        std::unique_lock lock(m);
        for (;;) {
            cv.wait(lock, [&] { return go || quit; });
            if (quit) return;
            go = false;
            woke = Clock::now();
            cv.notify_all();
        }
    });
    LatencySamples latency;
    latency.reserve(static_cast<std::size_t>(calls));
    for (int i = 0; i < calls; ++i) {
        std::unique_lock lock(m);
        woke.reset();
        const auto t0 = Clock::now();
        go = true;
        cv.notify_all();
        cv.wait(lock, [&] { return woke.has_value(); });
        latency.add(*woke - t0);
    }
    {
        std::lock_guard lock(m);
        quit = true;
    }
    cv.notify_all();
    return latency.summary();
}

void row(const char* name, const LatencySummary& r) {
    std::printf("  %-34s %8d %10.1f %10.1f %10.1f %10.1f\n", name, r.samples, r.p50Us, r.p99Us,
                r.meanUs, r.maxUs);
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"announcebench: call to first audio sample of the call announcer"};
    int calls = 2000;
    int repeats = 2;
    std::string packDir = std::string(HALL_VOICE_PACKS_DIR) + "/zh-CN";
    app.add_option("--calls", calls, "calls measured per row")->check(CLI::Range(100, 1000000));
    app.add_option("--repeats", repeats, "times each call is said")
        ->check(CLI::Range(1, kMaxRepeats));
    app.add_option("--pack", packDir, "voice pack directory")->check(CLI::ExistingDirectory);
    CLI11_PARSE(app, argc, argv);

    try {
        auto pack = std::make_shared<const VoicePack>(loadVoicePack(packDir));
        RenderSettings s;
        s.repeats = repeats;
        // A first pass warms caches and the allocator; its figures are not kept.
        std::size_t samplesPerCall = 0;
        callToFirstSample(pack, s, 100, samplesPerCall);

        const auto announce = callToFirstSample(pack, s, calls, samplesPerCall);
        const auto render = renderOnly(*pack, s, calls);
        const auto copy = copySamples(samplesPerCall, calls);
        const auto wake = threadWakeUp(calls);

        std::printf("announcebench: %s pack, %u Hz, call said %d time%s, %zu samples (%.2f s) "
                    "per call\n",
                    std::string(languageTag(pack->language)).c_str(), pack->sampleRate, repeats,
                    repeats == 1 ? "" : "s", samplesPerCall,
                    static_cast<double>(samplesPerCall) / pack->sampleRate);
        std::printf("  %-34s %8s %10s %10s %10s %10s\n", "", "samples", "p50 us", "p99 us",
                    "mean us", "max us");
        row("call -> first sample at the sink", announce);
        row("baseline: render only", render);
        row("baseline: copy of as many samples", copy);
        row("baseline: thread wake-up", wake);
        std::printf("  ratio call/render p50 x%.2f, call/(render+wake-up) p50 x%.2f, "
                    "render/copy p50 x%.2f\n",
                    announce.p50Us / render.p50Us, announce.p50Us / (render.p50Us + wake.p50Us),
                    render.p50Us / copy.p50Us);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "announcebench: %s\n", e.what());
        return 1;
    }
    return 0;
}
