// The announcer as a device: calls are queued and spoken in order on the worker thread into a
// sink; repeats; a bounded queue; cancellation; a sink that cannot be opened or fails while
// playing makes the device Lost, then Back.
#include "drivers/audio/announcer.h"
#include "drivers/audio/memory_sink.h"
#include "drivers/audio/wav_codec.h"
#include "drivers/audio/wav_file_sink.h"
#include "drivers/base/device_worker.h"
#include "drivers/base/registry.h"
#include "tests/support/temp_dir.h"
#include "tests/drivers/audio/tones.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <doctest/doctest.h>
#include <mutex>
#include <thread>
#include <vector>

using namespace hall::drivers;
using namespace hall::drivers::audio;
using hall::testing::audio::tonePack;
using std::chrono::milliseconds;

namespace {

constexpr milliseconds kWait{5000};

// What the announcer reported, waited for from the test thread.
class Reports {
public:
    AnnouncementSink doneSink() {
        return [this](const AnnouncementDone& d) {
            std::lock_guard lock(m_);
            done_.push_back(d);
            cv_.notify_all();
        };
    }
    DeviceEventSink eventSink() {
        return [this](const DeviceEvent& e) {
            std::lock_guard lock(m_);
            events_.push_back(e);
            cv_.notify_all();
        };
    }
    bool waitDone(std::size_t n) {
        std::unique_lock lock(m_);
        return cv_.wait_for(lock, kWait, [&] { return done_.size() >= n; });
    }
    bool waitEvent(DeviceEventType type, std::size_t nth = 1) {
        std::unique_lock lock(m_);
        return cv_.wait_for(lock, kWait, [&] {
            std::size_t k = 0;
            for (const auto& e : events_)
                k += e.type == type ? 1 : 0;
            return k >= nth;
        });
    }
    std::vector<AnnouncementDone> done() {
        std::lock_guard lock(m_);
        return done_;
    }
    std::vector<DeviceEvent> events() {
        std::lock_guard lock(m_);
        return events_;
    }

private:
    std::mutex m_;
    std::condition_variable cv_;
    std::vector<AnnouncementDone> done_;
    std::vector<DeviceEvent> events_;
};

// A sink that plays in real time, 10 ms per step, honouring stop: long enough to cancel or to
// fill the queue behind it. Counts samples handed to it.
class PacedSink : public AudioSink {
public:
    explicit PacedSink(std::atomic<std::size_t>& written) : written_(written) {}
    void write(std::span<const std::int16_t> samples, std::stop_token stop) override {
        for (std::size_t i = 0; i < samples.size() && !stop.stop_requested(); i += 80) {
            written_ += std::min<std::size_t>(80, samples.size() - i);
            sleepUnlessStopped(stop, milliseconds(10));
        }
    }
    void finish(std::stop_token) override {}

private:
    std::atomic<std::size_t>& written_;
};

std::shared_ptr<const VoicePack> pack8k(Language language = Language::ZhCn) {
    return std::make_shared<const VoicePack>(tonePack(language, 8000));
}

const ReopenPolicy kFast{milliseconds(20), milliseconds(50)};

std::unique_ptr<Announcer> make(SinkOpener opener, Reports& reports, AnnouncerConfig config = {},
                                Language language = Language::ZhCn) {
    return std::make_unique<Announcer>(requireDescriptor("announcer.alsa"), "announcer.alsa@test",
                                       pack8k(language), std::move(opener), config,
                                       reports.doneSink(), reports.eventSink(), kFast);
}

} // namespace

TEST_CASE("calls are spoken in order, each exactly as rendered") {
    Reports reports;
    auto recording = std::make_shared<Recording>();
    AnnouncerConfig config;
    config.render.repeats = 2;
    auto a = make(memorySinkOpener(recording), reports, config);
    a->start();
    REQUIRE(reports.waitEvent(DeviceEventType::Opened));

    const auto r1 = a->announce({"A012", 3});
    const auto r2 = a->announce({"B7", 12}, 1);
    REQUIRE(r1.accepted());
    REQUIRE(r2.accepted());
    CHECK(r1.warnings.empty());
    REQUIRE(recording->waitForFinished(2, kWait));
    REQUIRE(reports.waitDone(2));

    const auto takes = recording->takes();
    REQUIRE(takes.size() == 2);
    RenderSettings twice = config.render;
    const Rendering expected1 = renderCall(a->pack(), {"A012", 3}, twice);
    RenderSettings once = config.render;
    once.repeats = 1;
    const Rendering expected2 = renderCall(a->pack(), {"B7", 12}, once);
    CHECK(takes[0].pcm.samples == expected1.pcm.samples);
    CHECK(takes[0].pcm.sampleRate == 8000);
    CHECK_FALSE(takes[0].dropped);
    CHECK(takes[1].pcm.samples == expected2.pcm.samples);

    const auto done = reports.done();
    CHECK(done[0].id == r1.id);
    CHECK(done[0].outcome == AnnouncementOutcome::Played);
    CHECK(done[0].samples == expected1.pcm.samples.size());
    CHECK(done[0].clips.size() == 1 + 2 * 9); // chime + the nine clips of the phrase, twice
    CHECK(done[1].id == r2.id);
    CHECK(done[1].clips.back().token == "hao_chuangkou_banli");
    CHECK(done[1].clips[done[1].clips.size() - 3].token == "shi"); // 十二
}

TEST_CASE("a follow-up language: the call said once more in it, after a pause, with no second chime") {
    Reports reports;
    auto recording = std::make_shared<Recording>();
    AnnouncerConfig config;
    config.render.repeats = 2;
    config.followUp = pack8k(Language::En);
    auto a = make(memorySinkOpener(recording), reports, config);
    a->start();
    REQUIRE(reports.waitEvent(DeviceEventType::Opened));

    REQUIRE(a->announce({"A012", 3}, std::nullopt, true).accepted());
    REQUIRE(a->announce({"A013", 4}).accepted()); // not asked: the first language only
    REQUIRE(recording->waitForFinished(2, kWait));
    REQUIRE(reports.waitDone(2));

    const Rendering zh = renderCall(a->pack(), {"A012", 3}, config.render);
    RenderSettings once = config.render;
    once.repeats = 1;
    once.chime = false;
    const Rendering en = renderCall(*config.followUp, {"A012", 3}, once);
    REQUIRE_FALSE(en.pcm.samples.empty());
    CHECK(en.clips.front().token != "chime");

    const auto takes = recording->takes();
    auto expected = zh.pcm.samples;
    expected.insert(expected.end(), samplesFor(config.render.repeatPause, 8000), 0);
    expected.insert(expected.end(), en.pcm.samples.begin(), en.pcm.samples.end());
    CHECK(takes[0].pcm.samples == expected);

    const auto done = reports.done();
    REQUIRE(done[0].clips.size() == zh.clips.size() + en.clips.size());
    const auto& firstEnglish = done[0].clips[zh.clips.size()];
    CHECK(firstEnglish.token == en.clips.front().token);
    CHECK(firstEnglish.start == zh.pcm.samples.size() + samplesFor(config.render.repeatPause, 8000));
    CHECK(std::count_if(done[0].clips.begin(), done[0].clips.end(),
                        [](const RenderedClip& c) { return c.token == "chime"; }) == 1);
    CHECK(done[1].clips.size() == zh.clips.size()); // the second call: Chinese alone

    SUBCASE("a follow-up pack of another sample rate is refused") {
        AnnouncerConfig mixed;
        mixed.followUp = std::make_shared<const VoicePack>(tonePack(Language::En, 16000));
        CHECK_THROWS_AS(make(memorySinkOpener(recording), reports, mixed), std::invalid_argument);
    }
}

TEST_CASE("unknown characters come back as warnings from announce()") {
    Reports reports;
    auto recording = std::make_shared<Recording>();
    auto a = make(memorySinkOpener(recording), reports, {}, Language::En);
    a->start();
    const auto r = a->announce({"A\xE2\x80\x93"
                                "5",
                                3}); // an en dash
    REQUIRE(r.accepted());
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].code == "unknown_character");
    CHECK(r.warnings[0].message.find("U+2013") != std::string::npos);
    REQUIRE(reports.waitDone(1));
    CHECK(reports.done()[0].clips.size() == 1 + 5); // chime number A five please… three

    const auto refused = a->announce({"??", 3});
    CHECK_FALSE(refused.accepted());
    CHECK(refused.refused == "nothing_to_say");
    CHECK(refused.warnings.size() == 3);
    CHECK(a->announce({"A1", 3}, 0).refused == "bad_repeats");
    CHECK(a->announce({"A1", 3}, kMaxRepeats + 1).refused == "bad_repeats");
}

TEST_CASE("the queue is bounded; cancelAll drops the queue and interrupts the call being said") {
    Reports reports;
    std::atomic<std::size_t> written{0};
    AnnouncerConfig config;
    config.queueCapacity = 3;
    config.render.repeats = kMaxRepeats; // several seconds each at the paced sink
    auto a =
        make([&](std::uint32_t, std::stop_token) { return std::make_unique<PacedSink>(written); },
             reports, config);
    a->start();
    REQUIRE(reports.waitEvent(DeviceEventType::Opened));

    const auto first = a->announce({"A1", 1});
    REQUIRE(first.accepted());
    // Wait until the worker has taken the first call: the queue is then empty.
    for (int i = 0; i < 500 && written.load() == 0; ++i)
        std::this_thread::sleep_for(milliseconds(2));
    REQUIRE(written.load() > 0);
    std::vector<std::uint64_t> queuedIds;
    for (int i = 0; i < 3; ++i) {
        const auto r = a->announce({"A" + std::to_string(i + 2), 1});
        REQUIRE(r.accepted());
        queuedIds.push_back(r.id);
    }
    const auto full = a->announce({"A9", 1});
    CHECK_FALSE(full.accepted());
    CHECK(full.refused == "queue_full");
    CHECK(a->queued() == 3);

    const auto start = std::chrono::steady_clock::now();
    CHECK(a->cancelAll() == queuedIds);
    REQUIRE(reports.waitDone(1));
    CHECK(std::chrono::steady_clock::now() - start < milliseconds(1000));
    CHECK(reports.done()[0].id == first.id);
    CHECK(reports.done()[0].outcome == AnnouncementOutcome::Cancelled);
    CHECK(a->queued() == 0);

    // The announcer goes on with the next call.
    const auto next = a->announce({"B1", 1}, 1);
    REQUIRE(next.accepted());
    REQUIRE(reports.waitDone(2));
    CHECK(reports.done()[1].id == next.id);
    CHECK(reports.done()[1].outcome == AnnouncementOutcome::Played);
}

TEST_CASE("stopping the device interrupts the call being said, promptly") {
    Reports reports;
    std::atomic<std::size_t> written{0};
    AnnouncerConfig config;
    config.render.repeats = kMaxRepeats;
    auto a =
        make([&](std::uint32_t, std::stop_token) { return std::make_unique<PacedSink>(written); },
             reports, config);
    a->start();
    REQUIRE(a->announce({"A1", 1}).accepted());
    for (int i = 0; i < 500 && written.load() == 0; ++i)
        std::this_thread::sleep_for(milliseconds(2));
    const auto start = std::chrono::steady_clock::now();
    a->stop();
    CHECK(std::chrono::steady_clock::now() - start < milliseconds(1000));
    REQUIRE(reports.done().size() == 1);
    CHECK(reports.done()[0].outcome == AnnouncementOutcome::Cancelled);
}

TEST_CASE("an output that cannot be opened: Lost, calls wait, Back, calls spoken") {
    Reports reports;
    auto recording = std::make_shared<Recording>();
    std::atomic<bool> cardPresent{false};
    auto opener = [&](std::uint32_t rate, std::stop_token) -> std::unique_ptr<AudioSink> {
        if (!cardPresent)
            throw DeviceFailure(deviceError("no_sound_device", "no card in the test"));
        return std::make_unique<MemorySink>(recording, rate);
    };
    auto a = make(opener, reports);
    a->start();
    REQUIRE(reports.waitEvent(DeviceEventType::Lost));
    const auto lost = reports.events().front();
    CHECK(lost.type == DeviceEventType::Lost);
    REQUIRE(lost.error);
    CHECK(lost.error->code == "no_sound_device");

    const auto r = a->announce({"A12", 5});
    REQUIRE(r.accepted());
    std::this_thread::sleep_for(milliseconds(100));
    CHECK(reports.done().empty());
    CHECK(a->queued() == 1);

    cardPresent = true;
    REQUIRE(reports.waitEvent(DeviceEventType::Opened));
    REQUIRE(reports.waitDone(1));
    CHECK(reports.done()[0].outcome == AnnouncementOutcome::Played);
    // Lost was reported once however many times the open failed.
    std::size_t lostCount = 0;
    for (const auto& e : reports.events())
        lostCount += e.type == DeviceEventType::Lost ? 1 : 0;
    CHECK(lostCount == 1);
}

TEST_CASE("an output that fails while playing: the call Failed, the device Lost then Back") {
    Reports reports;
    auto recording = std::make_shared<Recording>();
    std::atomic<int> opens{0};
    struct FailingSink : AudioSink {
        void write(std::span<const std::int16_t>, std::stop_token) override {
            throw DeviceFailure(deviceError("audio_device_lost", "unplugged in the test"));
        }
        void finish(std::stop_token) override {}
    };
    auto opener = [&](std::uint32_t rate, std::stop_token) -> std::unique_ptr<AudioSink> {
        if (opens++ == 0) return std::make_unique<FailingSink>();
        return std::make_unique<MemorySink>(recording, rate);
    };
    auto a = make(opener, reports);
    a->start();
    const auto r1 = a->announce({"A1", 1});
    const auto r2 = a->announce({"A2", 2});
    REQUIRE(reports.waitDone(2));
    const auto done = reports.done();
    CHECK(done[0].id == r1.id);
    CHECK(done[0].outcome == AnnouncementOutcome::Failed);
    REQUIRE(done[0].error);
    CHECK(done[0].error->code == "audio_device_lost");
    CHECK(done[1].id == r2.id);
    CHECK(done[1].outcome == AnnouncementOutcome::Played);
    CHECK(reports.waitEvent(DeviceEventType::Lost));
    CHECK(reports.waitEvent(DeviceEventType::Back));
}

TEST_CASE("calls that waited too long are not said") {
    Reports reports;
    auto recording = std::make_shared<Recording>();
    std::atomic<bool> cardPresent{false};
    auto opener = [&](std::uint32_t rate, std::stop_token) -> std::unique_ptr<AudioSink> {
        if (!cardPresent) throw DeviceFailure(deviceError("no_sound_device", "no card"));
        return std::make_unique<MemorySink>(recording, rate);
    };
    AnnouncerConfig config;
    config.staleAfter = milliseconds(50);
    auto a = make(opener, reports, config);
    a->start();
    const auto old = a->announce({"A1", 1});
    std::this_thread::sleep_for(milliseconds(120));
    cardPresent = true;
    REQUIRE(reports.waitDone(1));
    CHECK(reports.done()[0].id == old.id);
    CHECK(reports.done()[0].outcome == AnnouncementOutcome::Expired);
    CHECK(recording->takes().empty());
}

TEST_CASE("the WAV file sink writes each announcement to its own file") {
    hall::testing::TempDir dir("hall-announce");
    Reports reports;
    auto a = make(wavFileSinkOpener(dir.path()), reports);
    a->start();
    REQUIRE(a->announce({"A012", 3}, 1).accepted());
    REQUIRE(a->announce({"A013", 4}, 1).accepted());
    REQUIRE(reports.waitDone(2));
    RenderSettings once;
    const auto first = readWavFile(dir.file("announcement-0001.wav"));
    CHECK(first.pcm.samples == renderCall(a->pack(), {"A012", 3}, once).pcm.samples);
    const auto second = readWavFile(dir.file("announcement-0002.wav"));
    CHECK(second.pcm.samples == renderCall(a->pack(), {"A013", 4}, once).pcm.samples);
}

TEST_CASE("unusable settings are refused at construction") {
    Reports reports;
    auto recording = std::make_shared<Recording>();
    AnnouncerConfig config;
    config.queueCapacity = 0;
    CHECK_THROWS_AS(make(memorySinkOpener(recording), reports, config), std::invalid_argument);
    config = {};
    config.render.repeats = 0;
    CHECK_THROWS_AS(make(memorySinkOpener(recording), reports, config), std::invalid_argument);
    CHECK_THROWS_AS(Announcer(requireDescriptor("announcer.alsa"), "x", nullptr,
                              memorySinkOpener(recording), {}, {}, {}),
                    std::invalid_argument);
}
