// The ALSA output, through the real alsa-lib: a device that does not exist fails clearly (the
// announcer reports it Lost), and ALSA's "null" device (defined by alsa-lib's own
// configuration, no card needed) takes an announcement through the whole write / play-out path.
#include "drivers/audio/alsa_sink.h"
#include "drivers/audio/announcer.h"
#include "drivers/audio/voice_pack_loader.h"
#include "drivers/base/device_error.h"
#include "tests/drivers/audio/tones.h"

#include <condition_variable>
#include <doctest/doctest.h>
#include <mutex>

using namespace hall::drivers;
using namespace hall::drivers::audio;
using std::chrono::milliseconds;

namespace {

// A card name no machine has: the test does not depend on whether this one has a sound card.
constexpr const char* kAbsentCard = "hw:CARD=HallNoSuchCard";

} // namespace

TEST_CASE("a sound card that is not there is a clear device error") {
    AlsaSettings settings;
    settings.device = kAbsentCard;
    try {
        AlsaSink sink(settings, 22050);
        FAIL("opened");
    } catch (const DeviceFailure& f) {
        CHECK(f.error().category == ErrorCategory::Device);
        CHECK(f.error().code == "no_sound_device");
        const std::string m = f.error().message;
        CHECK(m.find(kAbsentCard) != std::string::npos);
        CHECK(m.find("aplay -L") != std::string::npos);
    }
}

TEST_CASE("the ALSA announcer without a card reports Lost and keeps the call queued") {
    std::mutex m;
    std::condition_variable cv;
    std::vector<DeviceEvent> events;
    AlsaAnnouncerConfig config;
    config.voicePack = std::filesystem::path(HALL_VOICE_PACKS_DIR) / "zh-CN";
    config.alsa.device = kAbsentCard;
    auto a = makeAlsaAnnouncer(config, {}, [&](const DeviceEvent& e) {
        std::lock_guard lock(m);
        events.push_back(e);
        cv.notify_all();
    });
    CHECK(a->instanceId() == std::string("announcer.alsa@") + kAbsentCard);
    CHECK(a->descriptor().kind == DeviceKind::Announcer);
    CHECK(a->descriptor().can(kSpeaks));
    a->start();
    {
        std::unique_lock lock(m);
        REQUIRE(cv.wait_for(lock, milliseconds(5000), [&] { return !events.empty(); }));
        CHECK(events[0].type == DeviceEventType::Lost);
        REQUIRE(events[0].error);
        CHECK(events[0].error->code == "no_sound_device");
    }
    CHECK(a->announce({"A012", 3}).accepted());
    CHECK(a->queued() == 1);
    a->stop();
}

TEST_CASE("a bad voice pack fails the ALSA announcer at construction") {
    AlsaAnnouncerConfig config;
    config.voicePack = std::filesystem::path(HALL_VOICE_PACKS_DIR) / "no-such-pack";
    CHECK_THROWS_AS(makeAlsaAnnouncer(config, {}, {}), VoicePackError);
    config.voicePack = std::filesystem::path(HALL_VOICE_PACKS_DIR) / "en";
    config.alsa.device.clear();
    CHECK_THROWS_AS(makeAlsaAnnouncer(config, {}, {}), std::invalid_argument);
}

TEST_CASE("ALSA's null device takes an announcement through write and play-out") {
    AlsaSettings settings;
    settings.device = "null";
    AlsaSink sink(settings, 16000);
    const Pcm sound = hall::testing::audio::tone(440, milliseconds(400), 16000);
    std::stop_source never;
    sink.write(sound.samples, never.get_token());
    sink.finish(never.get_token());
    // Again, after the reset between announcements, and a short one that never fills the
    // buffer (it must be started by hand).
    sink.write(std::span(sound.samples).first(160), never.get_token());
    sink.finish(never.get_token());
    // Cancelled: returns at once and drops the rest.
    std::stop_source cancel;
    cancel.request_stop();
    sink.write(sound.samples, cancel.get_token());
    sink.finish(cancel.get_token());
}

TEST_CASE("the ALSA announcer on the null device opens and speaks a call") {
    std::mutex m;
    std::condition_variable cv;
    std::vector<AnnouncementDone> done;
    std::vector<DeviceEvent> events;
    AlsaAnnouncerConfig config;
    config.voicePack = std::filesystem::path(HALL_VOICE_PACKS_DIR) / "en";
    config.alsa.device = "null";
    config.announcer.render.repeats = 1;
    auto a = makeAlsaAnnouncer(
        config,
        [&](const AnnouncementDone& d) {
            std::lock_guard lock(m);
            done.push_back(d);
            cv.notify_all();
        },
        [&](const DeviceEvent& e) {
            std::lock_guard lock(m);
            events.push_back(e);
            cv.notify_all();
        });
    a->start();
    REQUIRE(a->announce({"A012", 3}).accepted());
    std::unique_lock lock(m);
    REQUIRE(cv.wait_for(lock, milliseconds(15000), [&] { return !done.empty(); }));
    CHECK(done[0].outcome == AnnouncementOutcome::Played);
    CHECK(done[0].clips.size() == 8);
    REQUIRE_FALSE(events.empty());
    CHECK(events[0].type == DeviceEventType::Opened);
}
