// devsim as a process with its LED strip and keypad buses: the real LedStripBus and KeypadBus
// on its ptys, steered over its control socket ("keypad press 3 call_next", "led show 3").
#include "tests/drivers/support/bus_test_support.h"
#include "tests/drivers/support/devsim_process.h"
#include "drivers/base/registry.h"
#include "drivers/devsim/control_server.h"
#include "drivers/keypad/keypad_bus.h"
#include "drivers/led/led_strip_bus.h"
#include "drivers/transport/serial_stream.h"
#include "tests/support/temp_dir.h"

#include <doctest/doctest.h>

using namespace hall::drivers;
using namespace std::chrono_literals;
using hall::devsim::sendControlCommand;

namespace {

bus::LineOpener serialOpener(const std::filesystem::path& pty) {
    const std::string path = pty.string();
    return [path](std::stop_token) {
        return std::make_unique<SerialStream>(SerialSettings{path, 115200});
    };
}

std::vector<std::uint8_t> range(int from, int to) {
    std::vector<std::uint8_t> out;
    for (int a = from; a <= to; ++a)
        out.push_back(static_cast<std::uint8_t>(a));
    return out;
}

struct Keys {
    std::mutex m;
    std::condition_variable cv;
    std::vector<keypad::KeyEvent> got;
    std::vector<keypad::KeyEvent> wait(std::size_t n) {
        std::unique_lock lock(m);
        cv.wait_for(lock, 10s, [&] { return got.size() >= n; });
        return got;
    }
};

} // namespace

TEST_CASE("devsim's LED bus: the driver's content rendered by `led show`, faults from the socket") {
    hall::testing::TempDir dir("devsim-led");
    const auto control = dir.file("devsim.sock");
    const auto pty = dir.file("ttyLED");
    hall::testing::DevsimProcess devsim(
        HALL_DEVSIM_BINARY,
        {"--control", control.string(), "--led-pty", pty.string(), "--led-strips", "8"});
    REQUIRE(devsim.started());
    REQUIRE(hall::testing::waitForPath(control));
    REQUIRE(hall::testing::waitForPath(pty));

    hall::testing::EventLog events;
    led::LedStripBusOptions options;
    options.addresses = range(1, 8);
    options.probe = {100ms, 400ms};
    bus::LineSettings line;
    line.baud = 115200;
    led::LedStripBus strips(requireDescriptor("led.hallbus"), pty.string(), serialOpener(pty),
                            led::makeHallBusLedProtocol(line), events.sink(), options);
    strips.start();
    strips.showCall(3, "请A012号到3号窗口");
    strips.submit(5, led::State{led::StripMode::Paused, ""});
    REQUIRE(strips.waitSettled(10s));
    CHECK(sendControlCommand(control, "led show 3") == "ok [03] 请A012号到3号窗口 (red, blink)");
    CHECK(sendControlCommand(control, "led show 5") == "ok [05] <paused> (red)");
    const auto all = sendControlCommand(control, "led show");
    CHECK(all.find("[01] (blank) (red) | [02]") != std::string::npos);
    CHECK(all.find("[08] (blank) (red)") != std::string::npos);

    CHECK(sendControlCommand(control, "led mute 6 on") == "ok");
    strips.submit(6, led::Text{"A"});
    REQUIRE(events.next(DeviceEventType::Lost, 6));
    CHECK(sendControlCommand(control, "led mute 6 off") == "ok");
    REQUIRE(events.next(DeviceEventType::Back, 6));

    CHECK(sendControlCommand(control, "led crc 2 1") == "ok");
    CHECK(sendControlCommand(control, "led garbage 30") == "ok");
    strips.submit(2, led::Text{"B"});
    REQUIRE(strips.waitSettled(10s));
    CHECK(sendControlCommand(control, "led show 2") == "ok [02] B (red)");
    CHECK(strips.counters().badCrc >= 1);

    CHECK(sendControlCommand(control, "led mute 9 on").rfind("error no unit at address 9", 0) == 0);
    CHECK(sendControlCommand(control, "led crc 2 sometimes").rfind("error", 0) == 0);
    CHECK(sendControlCommand(control, "led ascii-only 4 on") == "ok");
    strips.submit(4, led::Text{"请"});
    auto refused = events.next(DeviceEventType::Refused, 4);
    REQUIRE(refused);
    CHECK(refused->error->code == "no_glyph");
}

TEST_CASE("devsim's keypad bus: keys pressed over the control socket reach the driver") {
    hall::testing::TempDir dir("devsim-keypad");
    const auto control = dir.file("devsim.sock");
    const auto pty = dir.file("ttyKEYPAD");
    hall::testing::DevsimProcess devsim(HALL_DEVSIM_BINARY,
                                        {"--control", control.string(), "--keypad-pty",
                                         pty.string(), "--keypads", "4", "--evaluators", "2"});
    REQUIRE(devsim.started());
    REQUIRE(hall::testing::waitForPath(control));
    REQUIRE(hall::testing::waitForPath(pty));

    hall::testing::EventLog events;
    Keys keys;
    keypad::KeypadBusOptions options;
    options.addresses = {1, 2, 3, 4, 33, 34};
    options.pollInterval = 20ms;
    bus::LineSettings line;
    line.baud = 115200;
    keypad::KeypadBus pads(
        requireDescriptor("keypad.hallbus"), pty.string(), serialOpener(pty), line, events.sink(),
        [&keys](const keypad::KeyEvent& e) {
            std::lock_guard lock(keys.m);
            keys.got.push_back(e);
            keys.cv.notify_all();
        },
        options);
    pads.start();

    CHECK(sendControlCommand(control, "keypad press 3 call_next") == "ok");
    auto got = keys.wait(1);
    REQUIRE(got.size() == 1);
    CHECK(got[0].address == 3);
    CHECK(got[0].key == keypad::Key::CallNext);

    CHECK(sendControlCommand(control, "keypad digits 3 012") == "ok");
    CHECK(sendControlCommand(control, "keypad press 3 transfer") == "ok");
    CHECK(sendControlCommand(control, "keypad press 34 very_dissatisfied") == "ok");
    got = keys.wait(6);
    REQUIRE(got.size() == 6);
    bool transfer = false, evaluation = false;
    for (const auto& e : got) {
        if (e.key == keypad::Key::Transfer) {
            transfer = true;
            CHECK(e.address == 3);
            CHECK(e.number == "012");
        }
        if (e.key == keypad::Key::VeryDissatisfied) {
            evaluation = true;
            CHECK(e.address == 34);
            CHECK(keypad::evaluationLevel(e.key) == 5);
        }
    }
    CHECK(transfer);
    CHECK(evaluation);

    pads.display(1, "A012");
    pads.beep(1, 2);
    REQUIRE(pads.waitFeedbackSent(5s));
    CHECK(sendControlCommand(control, "keypad show 1") ==
          "ok [01] caller: display \"A012\", 2 beeps, 0 keys waiting");

    CHECK(sendControlCommand(control, "keypad press 3 fly") == "error unknown key 'fly'");
    CHECK(sendControlCommand(control, "keypad press 40 call_next").rfind("error", 0) == 0);
    CHECK(sendControlCommand(control, "keypad press 34 call_next") ==
          "error an evaluator has no key call_next");
    CHECK(sendControlCommand(control, "keypad digits 2 12a").rfind("error", 0) == 0);
    // Nothing from the refused commands reached the driver.
    std::this_thread::sleep_for(200ms);
    CHECK(keys.wait(6).size() == 6);

    CHECK(sendControlCommand(control, "keypad mute 2 on") == "ok");
    REQUIRE(events.next(DeviceEventType::Lost, 2));
}
