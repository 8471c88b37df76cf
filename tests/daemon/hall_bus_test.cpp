// The hall bus driven by callstationd: the LED strip over each window follows the window's state
// (calls blink, then stay; serving; paused; closed), a strip that stops answering is reported in
// GET /api/v1/health while the others keep updating, and a key pressed on a window's caller
// keypad calls the next ticket for that window, with the keypad's beeps and display as feedback;
// a key of a window's five-key evaluator rates the visit that ended there last, once, a bad level
// without reasons and with its follow-up case. The strips run on a pty (an RS-485 adapter), the
// keypads on a TCP gateway, both twins.

#include "drivers/bus/twin/bus_twin.h"
#include "drivers/keypad/twin/keypad_unit.h"
#include "drivers/led/twin/led_strip_unit.h"
#include "tests/daemon/daemon_process.h"
#include "tests/support/temp_dir.h"

#include <chrono>
#include <doctest/doctest.h>
#include <functional>
#include <thread>

using namespace hall;
using namespace hall::testing;
using namespace std::chrono_literals;
using nlohmann::json;
namespace bus = hall::drivers::bus;

namespace {

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds within = 10s) {
    const auto until = std::chrono::steady_clock::now() + within;
    while (std::chrono::steady_clock::now() < until) {
        if (condition()) return true;
        std::this_thread::sleep_for(20ms);
    }
    return condition();
}

// The strip at `unit` comes to show this text exactly, in this colour, blinking or not (the
// twin's render: "请A001号 (red, blink)").
void expectShows(const bus::BusTwin& twin, std::uint8_t unit, const std::string& look,
                 std::chrono::milliseconds within = 10s) {
    const std::string wanted = "[0" + std::to_string(unit) + "] " + look;
    eventually([&] { return twin.render(unit) == wanted; }, within);
    CHECK(twin.render(unit) == wanted);
}

void ok(netclient::RestClient& api, const std::string& operation, const std::string& body) {
    const auto reply = api.post("/api/v1/operations/" + operation, body);
    REQUIRE_MESSAGE(reply.status == 200, operation << ": " << reply.body);
}

json getJson(netclient::RestClient& api, const std::string& target) {
    const auto reply = api.get(target);
    INFO(target, " → ", reply.status, " ", reply.body);
    REQUIRE(reply.status == 200);
    return json::parse(reply.body);
}

json unitHealth(netclient::RestClient& api, const std::string& kind, int unit) {
    const auto reply = api.get("/api/v1/health");
    REQUIRE(reply.status == 200);
    const json health = json::parse(reply.body);
    for (const auto& u : health["bus"])
        if (u["kind"] == kind && u.value("unit", 0) == unit) return u;
    FAIL("no " << kind << " " << unit << " in the health answer: " << reply.body);
    return {};
}

} // namespace

TEST_CASE("LED strips follow the windows; a dead strip is reported; a keypad calls the next") {
    TempDir dir("daemon-hall-bus");
    bus::BusTwin strips(dir.file("ttyLED"));
    strips.add(1, std::make_unique<drivers::led::LedStripUnit>());
    strips.add(2, std::make_unique<drivers::led::LedStripUnit>());
    strips.start();
    bus::BusTwin keypads(bus::TcpListen{0});
    keypads.add(7, std::make_unique<drivers::keypad::KeypadUnit>());
    keypads.start();
    auto keypad = [&](const std::function<void(drivers::keypad::KeypadUnit&)>& f) {
        keypads.withUnit(
            7, [&](bus::BusUnit& u) { f(dynamic_cast<drivers::keypad::KeypadUnit&>(u)); });
    };

    DaemonProcess daemon(
        dir.path() / "data",
        "[call_board]\nhold_seconds = 4\n\n"
        "[[led_lines]]\nport = \"" +
            std::filesystem::canonical(strips.link()).string() +
            "\"\nbaud = 115200\nstrips = [{ window = 1, unit = 1 }, { window = 2, unit = 2 }]\n\n"
            "[[keypad_lines]]\nhost = \"127.0.0.1:" +
            std::to_string(keypads.tcpPort()) + "\"\nkeypads = [{ window = 1, unit = 7 }]\n");
    auto api = daemon.admin();

    // Nobody signed in yet: each strip names its window, in red.
    expectShows(strips, 1, "1号 一号窗口 (red)");
    expectShows(strips, 2, "2号 二号窗口 (red)");

    ok(api, "sign_in", R"({"window":1,"staff":"s1"})");
    expectShows(strips, 1, "1号 一号窗口 (green)");
    ok(api, "issue_ticket", R"({"service":"permits"})");
    ok(api, "call_next", R"({"window":1})");
    expectShows(strips, 1, "请A001号 (red, blink)");
    // The blink lasts the call board's hold time (4 s here), then the call stays, steady.
    expectShows(strips, 1, "请A001号 (red)", 8s);
    ok(api, "recall", R"({"window":1})");
    expectShows(strips, 1, "请A001号 (red, blink)");
    ok(api, "start_serving", R"({"window":1})");
    expectShows(strips, 1, "A001 办理中 (green)");
    ok(api, "pause_window", R"({"window":2,"reason":"午休"})");
    expectShows(strips, 2, "暂停服务 (yellow)");

    SUBCASE("a strip that stops answering is reported, the others keep updating") {
        strips.mute(2, true);
        ok(api, "resume_window", R"({"window":2})");
        CHECK(
            eventually([&] { return !unitHealth(api, "led_strip", 2)["answering"].get<bool>(); }));
        const auto dead = unitHealth(api, "led_strip", 2);
        CHECK(dead["window"] == 2);
        CHECK(dead.contains("since"));
        CHECK(unitHealth(api, "led_strip", 1)["answering"] == true);
        ok(api, "finish", R"({"window":1})");
        expectShows(strips, 1, "1号 一号窗口 (green)");
        CHECK(strips.render(2) == "[02] 暂停服务 (yellow) [mute]"); // it missed the resume

        // Back: reported answering, and given what it missed.
        strips.mute(2, false);
        expectShows(strips, 2, "2号 二号窗口 (red)", 20s);
        CHECK(eventually([&] { return unitHealth(api, "led_strip", 2)["answering"].get<bool>(); }));
    }

    SUBCASE("a keypad's keys act for its window through the controller") {
        ok(api, "finish", R"({"window":1})");
        ok(api, "issue_ticket", R"({"service":"permits"})");
        CHECK(eventually([&] {
            bool empty = false;
            keypad([&](auto& k) { empty = k.display().empty(); });
            return empty;
        }));
        std::uint64_t beeps = 0;
        keypad([&](auto& k) {
            beeps = k.beeps();
            k.press(drivers::keypad::Key::CallNext);
        });
        expectShows(strips, 1, "请A002号 (red, blink)");
        CHECK(daemon.status()["windows"][0]["current"]["number"] == "A002");
        CHECK(eventually([&] {
            bool done = false;
            keypad([&](auto& k) {
                done = k.display() == "A002" && k.beeps() > beeps &&
                       k.led(1) == drivers::keypad::LedMode::On;
            });
            return done;
        }));

        // Call next again before finishing: refused, said on the keypad, nothing called.
        keypad([&](auto& k) {
            beeps = k.beeps();
            k.press(drivers::keypad::Key::CallNext);
        });
        CHECK(eventually([&] {
            bool said = false;
            keypad([&](auto& k) { said = k.display() == "BUSY" && k.beeps() > beeps; });
            return said;
        }));
        CHECK(daemon.status()["windows"][0]["current"]["number"] == "A002");
        // The word gives way to the window's ticket again.
        CHECK(eventually([&] {
            bool back = false;
            keypad([&](auto& k) { back = k.display() == "A002"; });
            return back;
        }));

        keypad([&](auto& k) { k.press(drivers::keypad::Key::Finish); });
        expectShows(strips, 1, "1号 一号窗口 (green)");

        // Digits, then 叫号: that number, out of turn (A003 waits before A004).
        ok(api, "issue_ticket", R"({"service":"permits"})");
        ok(api, "issue_ticket", R"({"service":"permits"})");
        keypad([&](auto& k) {
            k.typed("4");
            k.press(drivers::keypad::Key::CallNext);
        });
        expectShows(strips, 1, "请A004号 (red, blink)");
        CHECK(daemon.status()["windows"][0]["current"]["number"] == "A004");
        keypad([&](auto& k) { k.press(drivers::keypad::Key::Finish); });
        expectShows(strips, 1, "1号 一号窗口 (green)");
        // A number nobody holds, with 确认: refused, said, nothing called.
        const auto says = [&](const std::string& word) {
            return eventually([&] {
                bool said = false;
                keypad([&](auto& k) { said = k.display() == word; });
                return said;
            });
        };
        keypad([&](auto& k) {
            k.typed("99");
            k.press(drivers::keypad::Key::Enter);
        });
        CHECK(says("NO SUCH"));
        // Transfer needs the window pad (a target to choose), and the keypad says so.
        keypad([&](auto& k) { k.press(drivers::keypad::Key::Transfer); });
        CHECK(says("USE PAD"));
        CHECK(daemon.status()["windows"][0]["current"].is_null());

        keypad([&](auto& k) { k.press(drivers::keypad::Key::Pause); });
        expectShows(strips, 1, "暂停服务 (yellow)");
        keypad([&](auto& k) { k.press(drivers::keypad::Key::Pause); });
        expectShows(strips, 1, "1号 一号窗口 (green)");
    }
}

TEST_CASE("an evaluator's key rates the visit that ended last at its window, once") {
    namespace keypad = drivers::keypad;
    TempDir dir("daemon-evaluators");
    // Window 1 has a caller keypad and an evaluator on the line, window 2 an evaluator alone.
    bus::BusTwin units(bus::TcpListen{0});
    units.add(7, std::make_unique<keypad::KeypadUnit>());
    units.add(33, std::make_unique<keypad::KeypadUnit>(bus::UnitType::Evaluator));
    units.add(34, std::make_unique<keypad::KeypadUnit>(bus::UnitType::Evaluator));
    units.start();
    auto unit = [&](std::uint8_t address, const std::function<void(keypad::KeypadUnit&)>& f) {
        units.withUnit(address, [&](bus::BusUnit& u) { f(dynamic_cast<keypad::KeypadUnit&>(u)); });
    };
    // Presses `key` on the unit and waits for its answer: 1 beep when taken, 3 when refused.
    auto press = [&](std::uint8_t address, keypad::Key key) {
        std::uint64_t before = 0;
        unit(address, [&](auto& k) {
            before = k.beeps();
            k.press(key);
        });
        std::uint64_t beeps = 0;
        eventually([&] {
            unit(address, [&](auto& k) { beeps = k.beeps() - before; });
            return beeps > 0;
        });
        return beeps;
    };
    DaemonProcess daemon(
        dir.path() / "data",
        "[[keypad_lines]]\nhost = \"127.0.0.1:" + std::to_string(units.tcpPort()) +
            "\"\nkeypads = [{ window = 1, unit = 7 }]\n"
            "evaluators = [{ window = 1, unit = 33 }, { window = 2, unit = 34 }]\n");
    auto api = daemon.admin();
    auto finished = [&] { return daemon.status()["windows"][0]["finished"]; };
    auto window1 = [&] {
        const json report = getJson(api, "/api/v1/reports?by=window");
        for (const auto& row : report["rows"])
            if (row["key"] == "1") return row;
        FAIL_CHECK("no row of window 1: " << report.dump());
        return json();
    };

    // Nothing finished at either window yet: nothing to rate.
    CHECK(press(33, keypad::Key::VerySatisfied) == 3);
    CHECK(press(34, keypad::Key::Satisfied) == 3);

    ok(api, "sign_in", R"({"window":1,"staff":"s1"})");
    ok(api, "issue_ticket", R"({"service":"permits"})");
    ok(api, "call_next", R"({"window":1})");
    ok(api, "start_serving", R"({"window":1})");
    // The visit at the counter is not over: it cannot be rated yet.
    CHECK(press(33, keypad::Key::Satisfied) == 3);
    ok(api, "finish", R"({"window":1})");
    REQUIRE(finished()["number"] == "A001");
    CHECK(finished()["rated"] == false);

    // 满意 rates A001 at window 1 (the key's 2 is the engine's 4), with one short beep.
    CHECK(press(33, keypad::Key::Satisfied) == 1);
    CHECK(eventually([&] { return finished()["rated"] == true; }));
    CHECK(window1()["rated"] == 1);
    CHECK(window1()["satisfied"] == 1);
    // Pressed again: no 追评 from a key, refused; the report still counts one rating.
    CHECK(press(33, keypad::Key::VeryDissatisfied) == 3);
    CHECK(window1()["rated"] == 1);
    CHECK(window1()["supplementary"] == 0);
    CHECK(window1()["very_dissatisfied"] == 0);
    // Window 2 served nobody: its evaluator has still nothing to rate.
    CHECK(press(34, keypad::Key::Satisfied) == 3);
    CHECK(getJson(api, "/api/v1/followups")["followups"].empty());

    SUBCASE("a bad level is taken without reasons and opens a follow-up case") {
        ok(api, "issue_ticket", R"({"service":"permits"})");
        CHECK(press(7, keypad::Key::CallNext) == 1);
        CHECK(press(7, keypad::Key::Finish) == 1);
        REQUIRE(finished()["number"] == "A002");
        CHECK(press(33, keypad::Key::VeryDissatisfied) == 1);
        CHECK(eventually([&] { return finished()["rated"] == true; }));
        const auto cases = getJson(api, "/api/v1/followups")["followups"];
        REQUIRE(cases.size() == 1);
        CHECK(cases[0]["number"] == "A002");
        CHECK(cases[0]["window"] == 1);
        CHECK(cases[0]["staff"] == "s1");
        CHECK(cases[0]["level"] == "very_dissatisfied");
        CHECK(cases[0]["reasons"] == json::array()); // none could be asked
        CHECK(cases[0]["state"] == "open");
        CHECK(window1()["very_dissatisfied"] == 1);
        CHECK(api.get("/api/v1/audit").body.find("case 1 A002 window 1 very_dissatisfied") !=
              std::string::npos);
    }
}
