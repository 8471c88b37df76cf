#pragma once
// The hardware caller keypads (呼叫器) and five-key evaluators (评价器) on the hall bus, acting
// for their windows through the controller: every line of the hall TOML's [[keypad_lines]] runs
// as a KeypadBus (drivers/keypad), and a key pressed on a window's unit becomes that window's
// engine command, journaled like a window pad's:
//
//   叫号 call next → CallNext      重呼 recall → Recall     过号 no-show → MarkNoShow
//   办结 finish    → Finish        暂停 pause  → PauseWindow, or ResumeWindow when paused
//   digits, then 叫号 or 确认 enter → CallNumber with the digits ("12": A012 of the window's
//   services; a parked or transferred ticket called back so needs no reason)
//
// Feedback: one short beep when the engine took it; three long beeps and a word on the display
// for three seconds when it refused ("NONE": nobody waiting, "BUSY": finish first, "NO STAFF":
// nobody signed in, "PAUSED", "NO SUCH": no such number waiting, "USE PAD": what needs the
// window pad — a letter, a reason, a transfer; else "ERROR"). Between, the display shows the
// window's ticket, LED 1 is lit while the window has one and LED 2 while it is paused.
//
// An evaluator's five keys (非常满意 … 非常不满意) rate the visit that ended last at its window
// (the view's `finished`): Rate{ticket, level, window, keyEvaluator}. Only while the window has
// no ticket called or served (the next citizen's visit is not rated before it happened) and the
// finished one is not rated yet (a second press is not a 追评; the engine refuses it too, for a
// press that comes before the view says "rated"). Bad levels have no reasons — the evaluator
// has no screen to ask — and the engine takes them so from a key evaluator only; no reason is
// made up for them (a stand-in reason would be counted in the reports as the citizen's). Their
// follow-up case (store/follow_ups.h) is where the hall asks the citizen why. Only units listed
// as `evaluators` rate: the clerk's keypad never does. An evaluator has only keys and a buzzer:
// one short beep when taken, three long ones when there is nothing to rate; its display and
// LEDs, if any, are left alone.
// Network thread only; the bus's threads post keys and events to it.

#include "callstation/controller/bus_health.h"
#include "callstation/netclient/asio.h"
#include "drivers/base/device.h"
#include "drivers/keypad/keypad_bus.h"
#include "shared/protocol/hall_view.h"

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hall::controller {

class EngineWorker;

class WindowKeypads {
public:
    WindowKeypads(const core::HallConfig& config, const protocol::HallView& view,
                  EngineWorker& worker, BusHealth& health, const core::Clock& clock,
                  boost::asio::any_io_executor network);
    ~WindowKeypads(); // stops the lines

    void update(const protocol::HallView& view);

private:
    struct Keypad {
        drivers::keypad::KeypadBus* bus = nullptr;
        std::uint8_t unit = 0;
        std::optional<std::string> display;                 // what the display shows now
        std::optional<bool> serving, paused;                // LEDs 1 and 2 as last set
        std::unique_ptr<boost::asio::steady_timer> wordEnd; // a refusal's word, then the ticket
    };
    struct Evaluator {
        drivers::keypad::KeypadBus* bus = nullptr;
        std::uint8_t unit = 0;
    };
    void pressed(const core::BusLine& line, const drivers::keypad::KeyEvent& key);
    void callerKey(int window, const drivers::keypad::KeyEvent& key);
    void evaluatorKey(int window, const drivers::keypad::KeyEvent& key);
    // nullopt: the engine took the key's command; else the refusal's error code.
    void feedback(int window, const std::optional<std::string>& refusal);
    void evaluatorFeedback(int window, bool taken);
    void showState(int window, Keypad& keypad);

    core::HallConfig config_;
    protocol::HallView view_;
    EngineWorker& worker_;
    std::vector<std::unique_ptr<drivers::Device>> lines_; // KeypadBus each
    std::map<int, Keypad> keypads_;                       // by window
    std::map<int, Evaluator> evaluators_;                 // by window
    boost::asio::any_io_executor network_;
    std::shared_ptr<int> alive_ = std::make_shared<int>(0); // posted handlers check it
};

} // namespace hall::controller
