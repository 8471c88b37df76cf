// The window's hardware keys on the bus twin (a TCP gateway with a caller keypad at address 1
// and a five-key evaluator at 2), through the real keypad driver and the framework's
// KeypadInput, wired as hall-windowpad wires them: the caller keypad's keys are the clerk's
// actions (call next, a number typed and called, finish), the evaluator's keys the citizen's
// levels — a bad one asks for the reasons, exactly as a touch does.
#include "drivers/bus/twin/bus_twin.h"
#include "drivers/keypad/twin/keypad_unit.h"
#include "drivers/kinds/device_factory.h"
#include "shared/client/keypad_input.h"
#include "shared/client/mock_backend.h"
#include "tests/support/qt_event_wait.h"
#include "tests/windowpad/pad_rig.h"
#include "windowpad/clerk_desk.h"
#include "windowpad/evaluation_desk.h"
#include "windowpad/window_pad.h"

#include <QTest>
#include <doctest/doctest.h>

using hall::testing::waitUntil;
using hall::windowpad::ClerkDesk;
using hall::windowpad::EvaluationDesk;
using namespace std::chrono_literals;
namespace bus = hall::drivers::bus;
namespace keypad = hall::drivers::keypad;

namespace {

constexpr std::uint8_t kCaller = 1;
constexpr std::uint8_t kEvaluator = 2;

struct Keys {
    bus::BusTwin twin{bus::TcpListen{0}};
    hall::client::KeypadInput input;
    Keys() {
        twin.add(kCaller, std::make_unique<keypad::KeypadUnit>());
        twin.add(kEvaluator, std::make_unique<keypad::KeypadUnit>(bus::UnitType::Evaluator));
        twin.start();
        hall::drivers::DeviceSetting setting;
        setting.kind = hall::drivers::DeviceKind::Keypad;
        setting.driver = "keypad.hallbus";
        setting.transport = hall::drivers::Transport::Tcp;
        setting.address = "127.0.0.1:" + std::to_string(twin.tcpPort());
        hall::drivers::DeviceSinks sinks;
        sinks.events = input.eventSink();
        sinks.keys = input.keySink();
        hall::drivers::DeviceOptions options;
        options.keypads.addresses = {kCaller, kEvaluator};
        input.setDevice(hall::drivers::makeDevice(setting, std::move(sinks), options));
    }
    void press(std::uint8_t unit, keypad::Key key) {
        twin.withUnit(unit,
                      [&](bus::BusUnit& u) { dynamic_cast<keypad::KeypadUnit&>(u).press(key); });
    }
    void type(const std::string& digits) {
        twin.withUnit(kCaller,
                      [&](bus::BusUnit& u) { dynamic_cast<keypad::KeypadUnit&>(u).typed(digits); });
    }
};

} // namespace

TEST_CASE("the caller keypad and the evaluator on the bus twin drive the pad's own actions") {
    hall::client::MockBackend backend;
    backend.setDevice(hall::testing::kWindowOnePad);
    ClerkDesk clerk;
    EvaluationDesk evaluation;
    clerk.setBackend(&backend);
    evaluation.setBackend(&backend);
    Keys keys;
    hall::windowpad::WindowPad::listenToKeys(keys.input, clerk, evaluation);
    CHECK(keys.input.present());

    clerk.signIn(QStringLiteral("BJ1001"), QString::fromLatin1(hall::client::kDemoStaffPin));
    REQUIRE(waitUntil([&] { return clerk.signedIn(); }, 2s));
    hall::testing::citizenTakesNumber(backend);
    hall::testing::citizenTakesNumber(backend);

    // 叫号 on the keypad: the first in line is called.
    keys.press(kCaller, keypad::Key::CallNext);
    REQUIRE(waitUntil([&] { return clerk.hasTicket(); }, 5s));
    const auto first = clerk.ticket().value(QStringLiteral("number")).toString();

    // 办结 on the keypad: the visit ends, the citizen face asks for the rating.
    keys.press(kCaller, keypad::Key::Finish);
    REQUIRE(waitUntil([&] { return evaluation.stage() == EvaluationDesk::Stage::Rating; }, 5s));
    CHECK(evaluation.number() == first);
    CHECK_FALSE(clerk.hasTicket());

    // 非常不满意 on the evaluator after the guard second: the reasons, as a touch would.
    QTest::qWait(EvaluationDesk::kGuardMs + 100);
    keys.press(kEvaluator, keypad::Key::VeryDissatisfied);
    REQUIRE(waitUntil([&] { return evaluation.stage() == EvaluationDesk::Stage::Reasons; }, 5s));
    CHECK(evaluation.level() == 1);
    evaluation.back();
    keys.press(kEvaluator, keypad::Key::Satisfied);
    REQUIRE(waitUntil([&] { return evaluation.stage() == EvaluationDesk::Stage::Thanks; }, 5s));
    CHECK(evaluation.level() == 4);

    // Digits then 叫号: a call of that number — there is no ticket 999, so the controller's
    // refusal is shown and nothing is called.
    REQUIRE(waitUntil([&] { return !clerk.callLocked(); }, 5s)); // past the 3 s double-tap lock
    keys.type("999");
    keys.press(kCaller, keypad::Key::CallNext);
    REQUIRE(waitUntil([&] { return !clerk.message().isEmpty(); }, 5s));
    INFO(clerk.message().toStdString());
    CHECK(clerk.message().contains(QStringLiteral("no such ticket")));
    CHECK_FALSE(clerk.hasTicket());
}
