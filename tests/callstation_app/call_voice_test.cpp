// The board's voice through the real announcer and the voice pack the build speaks, into a
// memory sink: a pushed call is announced (chime, 请 … 号到 … 号窗口办理); a recall starts with
// 再次呼叫; a silent call is not spoken; announcements never overlap and a burst collapses to the
// newest call of each window, the last call of every window said.
#include "callstation/app/call_voice.h"
#include "drivers/audio/memory_sink.h"
#include "drivers/audio/voice_pack_loader.h"
#include "drivers/base/registry.h"
#include "shared/client/mock_backend.h"
#include "tests/support/qt_event_wait.h"

#include <algorithm>
#include <doctest/doctest.h>
#include <mutex>

using hall::callstation::CallVoice;
using hall::testing::waitUntil;
using namespace std::chrono_literals;
namespace audio = hall::drivers::audio;

namespace {

struct Spoken {
    QString number;
    int window = 0;
    bool recall = false;
};

struct Voice {
    std::shared_ptr<audio::Recording> recording = std::make_shared<audio::Recording>();
    std::mutex mutex;
    std::vector<std::vector<std::string>> said; // the tokens of each announcement, in order
    CallVoice voice;
    std::vector<Spoken> finished;

    // With `english`, the announcer also holds the English pack the build speaks.
    explicit Voice(bool english = false) {
        auto pack = std::make_shared<const audio::VoicePack>(
            audio::loadVoicePack(std::filesystem::path(HALL_VOICE_PACKS_DIR) / "zh-CN"));
        audio::AnnouncerConfig config;
        if (english)
            config.followUp = std::make_shared<const audio::VoicePack>(
                audio::loadVoicePack(std::filesystem::path(HALL_VOICE_PACKS_DIR) / "en"));
        auto forward = voice.doneSink();
        auto device = std::make_unique<audio::Announcer>(
            hall::drivers::requireDescriptor("announcer.alsa"), "announcer.alsa@test", pack,
            audio::memorySinkOpener(recording), config,
            [this, forward](const audio::AnnouncementDone& done) {
                {
                    std::lock_guard lock(mutex);
                    std::vector<std::string> tokens;
                    for (const auto& clip : done.clips) tokens.push_back(clip.token);
                    said.push_back(std::move(tokens));
                }
                forward(done);
            },
            voice.eventSink());
        voice.setRepeats(1);
        voice.setDevice(std::move(device));
        QObject::connect(&voice, &CallVoice::finished, &voice,
                         [this](const QString& n, int w, bool r, bool) { finished.push_back({n, w, r}); });
    }
    std::vector<std::vector<std::string>> saidSoFar() {
        std::lock_guard lock(mutex);
        return said;
    }
};

hall::protocol::Call call(const std::string& number, int window, bool recall = false,
                          bool silent = false) {
    hall::protocol::Call c;
    c.ticket.number = number;
    c.window = window;
    c.recall = recall;
    c.silent = silent;
    return c;
}

using Tokens = std::vector<std::string>;

} // namespace

TEST_CASE("a call pushed by the hall is announced with its window; a recall says so first") {
    hall::client::MockBackend backend;
    backend.playMorning();
    Voice v;
    v.voice.setBackend(&backend);
    backend.callNextAt(5);
    REQUIRE(waitUntil([&] { return v.finished.size() == 1; }));
    const auto first = v.saidSoFar().at(0);
    REQUIRE(first.size() > 4);
    CHECK(first.front() == "chime");
    CHECK(first.at(1) == "qing");
    CHECK(first.back() == "hao_chuangkou_banli");
    CHECK(first.at(first.size() - 2) == "wu"); // window 5, always spoken
    // Said twice, as the demo hall's call_board.voice_repeats asks.
    CHECK(std::count(first.begin(), first.end(), std::string("hao_chuangkou_banli")) == 2);

    v.voice.setRepeats(1);
    v.voice.say(call("A012", 3, true));
    REQUIRE(waitUntil([&] { return v.finished.size() == 2; }));
    CHECK(v.saidSoFar().at(1) == Tokens{"chime", "zaici_hujiao", "qing", "A", "ling", "yi", "er",
                                        "hao", "dao", "san", "hao_chuangkou_banli"});
    CHECK(v.finished.at(1).recall);
}

TEST_CASE("a silent call is not spoken") {
    Voice v;
    v.voice.say(call("A001", 1, false, true));
    hall::testing::spin(300ms);
    CHECK(v.saidSoFar().empty());
    CHECK_FALSE(v.voice.speaking());
}

TEST_CASE("30 calls in a second: one at a time, collapsed, the last of every window said") {
    Voice v;
    v.voice.setMaxBacklog(4);
    for (int i = 1; i <= 30; ++i) v.voice.say(call("B" + std::to_string(100 + i), 1 + i % 3));
    CHECK(v.voice.speaking());
    CHECK(v.voice.backlog() <= 4);
    REQUIRE(waitUntil([&] { return !v.voice.speaking() && v.voice.backlog() == 0; }, 60s));
    // The recording: one take per announcement, each finished before the next began.
    const auto takes = v.recording->takes();
    CHECK(takes.size() == v.finished.size());
    for (const auto& take : takes) CHECK(take.finished);
    CHECK(v.finished.size() <= 5); // the first, then at most the newest of each of 3 windows
    // The last call of every window was said.
    for (const char* last : {"B128", "B129", "B130"}) {
        CAPTURE(last);
        CHECK(std::any_of(v.finished.begin(), v.finished.end(),
                          [&](const Spoken& s) { return s.number == QLatin1String(last); }));
    }
}

TEST_CASE("a hall that announces in English too: the call said in Chinese, then once in English") {
    Voice v(true);
    v.voice.setRepeats(2);
    v.voice.setEnglish(true);
    v.voice.say(call("A012", 3));
    REQUIRE(waitUntil([&] { return v.finished.size() == 1; }));
    const Tokens said = v.saidSoFar().at(0);
    const auto chimes = std::count(said.begin(), said.end(), std::string("chime"));
    CHECK(chimes == 1);
    const auto chinese = std::count(said.begin(), said.end(), std::string("hao_chuangkou_banli"));
    CHECK(chinese == 2); // twice, as the hall repeats it
    // The English saying comes last and names the window too.
    const auto lastChinese = std::find(said.rbegin(), said.rend(), std::string("hao_chuangkou_banli"));
    REQUIRE(lastChinese != said.rbegin());
    const Tokens english(lastChinese.base(), said.end());
    CHECK(std::find(english.begin(), english.end(), "three") != english.end());
    CHECK(std::find(english.begin(), english.end(), "A") != english.end());

    v.voice.setEnglish(false);
    v.voice.say(call("A013", 3));
    REQUIRE(waitUntil([&] { return v.finished.size() == 2; }));
    CHECK(v.saidSoFar().at(1).back() == "hao_chuangkou_banli"); // Chinese alone
}
