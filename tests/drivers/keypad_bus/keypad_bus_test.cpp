// Keypads end to end: KeypadBus on a SerialStream, the bus twin's keypads on a real pty, keys
// pressed at the twin arriving at the handler with their address — exactly once, also through
// broken CRCs, noise and a keypad that goes silent.
#include "tests/drivers/support/bus_test_support.h"
#include "drivers/base/registry.h"
#include "drivers/bus/twin/bus_twin.h"
#include "drivers/keypad/keypad_bus.h"
#include "drivers/keypad/twin/keypad_unit.h"
#include "drivers/led/twin/led_strip_unit.h"
#include "drivers/transport/serial_stream.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>
#include <thread>

using namespace hall::drivers;
using namespace hall::drivers::keypad;
using namespace std::chrono_literals;

namespace {

struct Keys {
    std::mutex m;
    std::condition_variable cv;
    std::vector<KeyEvent> got;

    KeyHandler handler() {
        return [this](const KeyEvent& e) {
            std::lock_guard lock(m);
            got.push_back(e);
            cv.notify_all();
        };
    }
    // Waits until n keys have arrived in all; returns them all.
    std::vector<KeyEvent> wait(std::size_t n, std::chrono::milliseconds timeout = 10s) {
        std::unique_lock lock(m);
        cv.wait_for(lock, timeout, [&] { return got.size() >= n; });
        return got;
    }
    std::size_t size() {
        std::lock_guard lock(m);
        return got.size();
    }
};

struct Rig {
    hall::testing::TempDir dir{"keypads"};
    bus::BusTwin twin;
    hall::testing::EventLog events;
    Keys keys;
    std::unique_ptr<KeypadBus> pads;

    // Callers at 1..callers, evaluators at 33..32+evaluators; other units added by `more`
    // (configured on the line too, at the addresses in `extra`).
    Rig(int callers, int evaluators, std::vector<std::uint8_t> extra = {},
        const std::function<void(bus::BusTwin&)>& more = {})
        : twin(dir.file("ttyKEYPAD")) {
        if (more) more(twin);
        std::vector<std::uint8_t> addresses;
        for (int a = 1; a <= callers; ++a) {
            twin.add(static_cast<std::uint8_t>(a), std::make_unique<KeypadUnit>());
            addresses.push_back(static_cast<std::uint8_t>(a));
        }
        for (int a = 33; a < 33 + evaluators; ++a) {
            twin.add(static_cast<std::uint8_t>(a),
                     std::make_unique<KeypadUnit>(bus::UnitType::Evaluator));
            addresses.push_back(static_cast<std::uint8_t>(a));
        }
        addresses.insert(addresses.end(), extra.begin(), extra.end());
        twin.start();
        KeypadBusOptions options;
        options.addresses = addresses;
        options.pollInterval = 20ms;
        options.probe = {100ms, 400ms};
        options.reopen = {50ms, 200ms};
        bus::LineSettings line;
        line.baud = 115200;
        const std::string path = twin.link().string();
        pads = std::make_unique<KeypadBus>(
            requireDescriptor("keypad.hallbus"), path,
            [path](std::stop_token) {
                return std::make_unique<SerialStream>(SerialSettings{path, 115200});
            },
            line, events.sink(), keys.handler(), options);
        pads->start();
        REQUIRE(events.next(DeviceEventType::Opened, std::nullopt));
    }
    ~Rig() {
        pads->stop();
        twin.stop();
    }
    KeypadUnit& unit(bus::BusUnit& u) { return dynamic_cast<KeypadUnit&>(u); }
    void press(std::uint8_t a, Key k) {
        twin.withUnit(a, [&](bus::BusUnit& u) { unit(u).press(k); });
    }
    void typed(std::uint8_t a, const std::string& digits) {
        twin.withUnit(a, [&](bus::BusUnit& u) { unit(u).typed(digits); });
    }
};

} // namespace

TEST_CASE("keys pressed on caller keypads and evaluators arrive with their address") {
    Rig rig(4, 4);
    rig.press(3, Key::CallNext);
    rig.press(36, Key::Satisfied);
    rig.press(1, Key::Pause);
    auto got = rig.keys.wait(3);
    REQUIRE(got.size() == 3);
    // Per keypad the order is kept; across keypads it is the polling order.
    auto find = [&](std::uint8_t a) {
        for (const auto& e : got)
            if (e.address == a) return e;
        FAIL("no key from " << int(a));
        return KeyEvent{};
    };
    CHECK(find(3).key == Key::CallNext);
    CHECK(find(36).key == Key::Satisfied);
    CHECK(evaluationLevel(find(36).key) == 2);
    CHECK(find(1).key == Key::Pause);
}

TEST_CASE("number entry: digits, then a command key carries the number") {
    Rig rig(3, 0);
    rig.typed(2, "012");
    rig.press(2, Key::Transfer);
    auto got = rig.keys.wait(4);
    REQUIRE(got.size() == 4);
    CHECK(got[0].key == Key::Digit0);
    CHECK(got[0].number == "0");
    CHECK(got[2].number == "012");
    CHECK(got[3].key == Key::Transfer);
    CHECK(got[3].number == "012");
    CHECK(got[3].address == 2);
    CHECK(rig.pads->status(2).number.empty());

    rig.typed(2, "9");
    rig.press(2, Key::Clear);
    rig.typed(2, "5");
    rig.press(2, Key::Enter);
    got = rig.keys.wait(8);
    REQUIRE(got.size() == 8);
    CHECK(got[5].key == Key::Clear);
    CHECK(got[7].key == Key::Enter);
    CHECK(got[7].number == "5");
}

TEST_CASE("lost and broken replies: every key arrives exactly once, in order") {
    Rig rig(4, 0);
    rig.twin.corruptReplies(1, 2); // two of a poll's three attempts
    for (int i = 0; i < 10; ++i)
        rig.typed(1, std::to_string(i));
    rig.press(1, Key::Finish);
    // Keys on another keypad meanwhile, with noise before replies.
    rig.twin.garbage(60);
    rig.press(2, Key::CallNext);
    auto got = rig.keys.wait(12);
    std::this_thread::sleep_for(300ms); // a duplicate would arrive within a few polls
    got = rig.keys.wait(12);
    REQUIRE(got.size() == 12);
    std::string digits;
    for (const auto& e : got)
        if (e.address == 1 && isDigit(e.key)) digits += digitChar(e.key);
    CHECK(digits == "0123456789");
    CHECK(rig.pads->counters().badCrc >= 2);
    CHECK(rig.events.count(DeviceEventType::Lost, 1) == 0);
    CHECK(rig.pads->status(1).keys == 11);
}

TEST_CASE("a silent keypad is reported once; keys pressed meanwhile arrive when it is back") {
    Rig rig(4, 0);
    rig.twin.mute(3, true);
    auto lost = rig.events.next(DeviceEventType::Lost, 3);
    REQUIRE(lost);
    CHECK(lost->error->code == "no_answer");
    // The others are polled as usual.
    rig.press(4, Key::Recall);
    auto got = rig.keys.wait(1);
    REQUIRE(got.size() == 1);
    CHECK(got[0].address == 4);
    rig.press(3, Key::NoShow); // on the silent keypad
    std::this_thread::sleep_for(500ms);
    CHECK(rig.events.count(DeviceEventType::Lost, 3) == 1);
    CHECK(rig.keys.size() == 1);
    rig.twin.mute(3, false);
    REQUIRE(rig.events.next(DeviceEventType::Back, 3, 5s));
    got = rig.keys.wait(2);
    REQUIRE(got.size() == 2);
    CHECK(got[1].address == 3);
    CHECK(got[1].key == Key::NoShow);
}

TEST_CASE("a keypad whose reply is lost mid-poll still delivers its keys once after an outage") {
    Rig rig(2, 0);
    // Every reply of keypad 1 broken: its keys sit in the twin's last reply, owed.
    rig.twin.corruptReplies(1, -1);
    rig.press(1, Key::CallNext);
    REQUIRE(rig.events.next(DeviceEventType::Lost, 1));
    rig.press(1, Key::Finish);
    rig.twin.corruptReplies(1, 0);
    REQUIRE(rig.events.next(DeviceEventType::Back, 1, 5s));
    auto got = rig.keys.wait(2);
    std::this_thread::sleep_for(200ms);
    got = rig.keys.wait(2);
    REQUIRE(got.size() == 2);
    CHECK(got[0].key == Key::CallNext);
    CHECK(got[1].key == Key::Finish);
}

TEST_CASE("feedback: LED, beep and display reach the keypad; states return after an outage") {
    Rig rig(2, 1);
    rig.pads->display(1, "A012");
    rig.pads->setLed(1, 1, LedMode::On);
    rig.pads->beep(1, 2);
    rig.pads->setLed(33, 2, LedMode::Blink);
    REQUIRE(rig.pads->waitFeedbackSent(5s));
    CHECK(rig.twin.render(1) == "[01] caller: display \"A012\", led 1 on, 2 beeps, 0 keys waiting");
    CHECK(rig.twin.render(33) ==
          "[33] evaluator: display \"\", led 2 blink, 0 beeps, 0 keys waiting");
    CHECK_THROWS_AS(rig.pads->display(1, "toolongtext"), std::invalid_argument);
    CHECK_THROWS_AS(rig.pads->setLed(1, 7, LedMode::On), std::invalid_argument);
    CHECK_THROWS_AS(rig.pads->beep(9), std::invalid_argument);

    // Keypad 2 loses power (and its display): once back, it is shown again.
    rig.pads->display(2, "A099");
    REQUIRE(rig.pads->waitFeedbackSent(5s));
    rig.twin.mute(2, true);
    REQUIRE(rig.events.next(DeviceEventType::Lost, 2));
    rig.twin.withUnit(2, [](bus::BusUnit& u) { dynamic_cast<KeypadUnit&>(u).powerCycle(); });
    CHECK(rig.twin.render(2).find("display \"\"") != std::string::npos);
    rig.twin.mute(2, false);
    REQUIRE(rig.events.next(DeviceEventType::Back, 2, 5s));
    REQUIRE(rig.pads->waitFeedbackSent(5s));
    CHECK(rig.twin.render(2).find("display \"A099\"") != std::string::npos);
}

TEST_CASE("a unit that is no keypad refuses POLL: reported once and no longer polled") {
    Rig rig(1, 0, {20}, [](bus::BusTwin& twin) {
        twin.add(20, std::make_unique<hall::drivers::led::LedStripUnit>());
    });
    auto refused = rig.events.next(DeviceEventType::Refused, 20);
    REQUIRE(refused);
    CHECK(refused->error->code == "unknown_command");
    std::this_thread::sleep_for(200ms); // ten poll intervals
    CHECK(rig.events.count(DeviceEventType::Refused, 20) == 1);
    CHECK_FALSE(rig.pads->status(20).polled);
    CHECK(rig.pads->status(20).state == bus::UnitState::Online);
    // The real keypad is polled as usual.
    rig.press(1, Key::CallNext);
    REQUIRE(rig.keys.wait(1).size() == 1);
}

TEST_CASE("a keypad whose queue overflowed says so; the keys it kept arrive") {
    Rig rig(1, 0);
    rig.pads->stop(); // nobody polls while the clerk hammers the keys
    for (int i = 0; i < 40; ++i)
        rig.press(1, Key::CallNext);
    rig.pads->start();
    auto lostKeys = rig.events.next(DeviceEventType::ReadFailed, 1);
    REQUIRE(lostKeys);
    CHECK(lostKeys->error->code == "keys_lost");
    auto got = rig.keys.wait(KeypadUnit::kQueue);
    CHECK(got.size() == KeypadUnit::kQueue);
}
