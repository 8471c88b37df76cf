// PlayAnnouncement through the real announcer with the generated zh-CN voice pack, into a
// memory sink (the test machine has no sound card), and against ALSA with a device that does
// not exist.
#include "drivers/audio/memory_sink.h"
#include "tests/technician/device_tests/device_test_rig.h"

#include <doctest/doctest.h>

using namespace hall;
using namespace std::chrono_literals;
using drivers::DeviceKind;
using drivers::Transport;
using technician::DeviceTest;

namespace {

technician::DeviceSetting announcer(std::string alsaDevice) {
    return testing::setting(DeviceKind::Announcer, "announcer.alsa", Transport::Audio,
                            std::move(alsaDevice));
}

} // namespace

TEST_CASE("the test call is rendered from the voice pack and played out on the sink") {
    auto recording = std::make_shared<drivers::audio::Recording>();
    auto options = testing::fastTestOptions();
    options.voicePack = std::string(HALL_VOICE_PACKS_DIR) + "/zh-CN";
    options.audioSink = [recording](const technician::DeviceSetting&) {
        return drivers::audio::memorySinkOpener(recording);
    };
    technician::DriverTestRunner runner(options);
    const auto r = runner.run(DeviceTest::PlayAnnouncement, announcer("default"));
    CHECK_MESSAGE(r.ok, r.message);
    CHECK(r.message ==
          "announcement \"请 A001 号到 1 号窗口办理\" played on the sound device default");
    const auto takes = recording->takes();
    REQUIRE(takes.size() == 1);
    CHECK(takes[0].finished);
    CHECK_FALSE(takes[0].dropped);
    // Chime and phrase: more than a second of sound at the pack's rate.
    CHECK(takes[0].pcm.samples.size() > takes[0].pcm.sampleRate);
}

TEST_CASE("a sound device that does not exist fails with ALSA's reason") {
    auto options = testing::fastTestOptions();
    options.voicePack = std::string(HALL_VOICE_PACKS_DIR) + "/zh-CN";
    options.openTimeout = 2s;
    technician::DriverTestRunner runner(options);
    const auto r = runner.run(DeviceTest::PlayAnnouncement, announcer("hw:CARD=HallNoSuchCard"));
    CHECK_FALSE(r.ok);
    CHECK(r.message.rfind("sound device hw:CARD=HallNoSuchCard did not answer", 0) == 0);
}

TEST_CASE("without a voice pack the test says so") {
    technician::DriverTestRunner runner(testing::fastTestOptions());
    const auto r = runner.run(DeviceTest::PlayAnnouncement, announcer("default"));
    CHECK_FALSE(r.ok);
    CHECK(r.message.find("no voice pack") != std::string::npos);
}
