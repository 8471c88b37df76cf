#include "callstation/controller/window_keypads.h"

#include "callstation/controller/engine_worker.h"
#include "callstation/controller/log.h"
#include "drivers/kinds/device_factory.h"

namespace hall::controller {

namespace keypad = drivers::keypad;

namespace {

// The refusal's word on a keypad's display (at most 8 of 0-9 A-Z - space).
std::string keypadWord(std::string_view errorCode) {
    if (errorCode == "nothing_to_call") return "NONE";
    if (errorCode == "window_busy") return "BUSY";
    if (errorCode == "no_staff_signed_in") return "NO STAFF";
    if (errorCode == "window_paused") return "PAUSED";
    if (errorCode == "unknown_ticket") return "NO SUCH"; // no such number waits for this window
    // What the keys cannot do: give a letter (the digits match tickets of two services), a
    // reason (the hall asks one for a call out of turn), a transfer's target.
    if (errorCode == "invalid_argument" || errorCode == "reason_required" ||
        errorCode == "needs_window_pad")
        return "USE PAD";
    return "ERROR";
}

} // namespace

WindowKeypads::WindowKeypads(const core::HallConfig& config, const protocol::HallView& view,
                             EngineWorker& worker, BusHealth& health, const core::Clock& clock,
                             boost::asio::any_io_executor network)
    : config_(config), view_(view), worker_(worker), network_(std::move(network)) {
    for (const auto& line : config_.keypadLines) {
        const auto setting = busLineSetting(line, BusUnitKind::Keypad);
        drivers::DeviceOptions options;
        for (const auto& u : line.units)
            options.keypads.addresses.push_back(static_cast<std::uint8_t>(u.unit));
        for (const auto& u : line.evaluators)
            options.keypads.addresses.push_back(static_cast<std::uint8_t>(u.unit));
        const std::weak_ptr<int> alive = alive_;
        drivers::DeviceSinks sinks;
        sinks.events = [this, alive, &health, &clock,
                        place = setting.address](const drivers::DeviceEvent& e) {
            boost::asio::post(network_, [alive, &health, &clock, place, e] {
                if (alive.expired()) return;
                health.record(BusUnitKind::Keypad, place, e, clock.now());
            });
        };
        sinks.keys = [this, alive, &line](const keypad::KeyEvent& key) {
            boost::asio::post(network_, [this, alive, &line, key] {
                if (!alive.expired()) pressed(line, key);
            });
        };
        auto& device = lines_.emplace_back(drivers::makeDevice(setting, std::move(sinks), options));
        auto* bus = dynamic_cast<keypad::KeypadBus*>(device.get());
        for (const auto& u : line.units) {
            auto& k = keypads_[u.window];
            k.bus = bus;
            k.unit = static_cast<std::uint8_t>(u.unit);
            k.wordEnd = std::make_unique<boost::asio::steady_timer>(network_);
        }
        for (const auto& u : line.evaluators)
            evaluators_[u.window] = {bus, static_cast<std::uint8_t>(u.unit)};
    }
    for (auto& [window, k] : keypads_)
        showState(window, k);
    for (auto& line : lines_)
        line->start();
}

WindowKeypads::~WindowKeypads() {
    for (auto& line : lines_)
        line->stop();
}

void WindowKeypads::update(const protocol::HallView& view) {
    view_ = view;
    for (auto& [window, k] : keypads_)
        showState(window, k);
}

void WindowKeypads::pressed(const core::BusLine& line, const keypad::KeyEvent& key) {
    // The unit's entry says what it is: the key code alone would let a caller keypad rate.
    for (const auto& u : line.units)
        if (u.unit == key.address) return callerKey(u.window, key);
    for (const auto& u : line.evaluators)
        if (u.unit == key.address) return evaluatorKey(u.window, key);
}

void WindowKeypads::callerKey(int window, const keypad::KeyEvent& key) {
    // The driver collects the digits and hands them over with the next command key or enter;
    // the keypad echoes them on its display meanwhile.
    if (keypad::isDigit(key.key) || key.key == keypad::Key::Clear) return;
    const auto* state = protocol::findWindow(view_.windows, window);
    std::optional<core::Command> command;
    switch (key.key) {
    case keypad::Key::CallNext:
    case keypad::Key::Enter:
        // Digits before 叫号 (or 确认) name the ticket to call: "12" is the waiting A012 (or
        // B012) of the window's services, as the engine reads a short number.
        if (!key.number.empty())
            command = core::CallNumber{window, key.number};
        else if (key.key == keypad::Key::CallNext)
            command = core::CallNext{window};
        break;
    case keypad::Key::Recall:
        command = core::Recall{window};
        break;
    case keypad::Key::NoShow:
        command = core::MarkNoShow{window};
        break;
    case keypad::Key::Finish:
        command = core::Finish{window};
        break;
    case keypad::Key::Pause:
        if (state && state->paused)
            command = core::ResumeWindow{window};
        else
            command = core::PauseWindow{window, ""};
        break;
    default:
        break;
    }
    if (!command) {
        feedback(window, "needs_window_pad");
        return;
    }
    CommandJob job;
    job.command = std::move(*command);
    job.done = [this, alive = std::weak_ptr<int>(alive_), window](protocol::Outcome outcome) {
        if (alive.expired()) return;
        const auto* error = std::get_if<protocol::Error>(&outcome);
        feedback(window, error ? std::optional(error->code) : std::nullopt);
    };
    worker_.submit(std::move(job));
}

void WindowKeypads::evaluatorKey(int window, const keypad::KeyEvent& key) {
    const auto* state = protocol::findWindow(view_.windows, window);
    if (!keypad::isEvaluation(key.key) || !state || state->current || !state->finished ||
        state->finished->rated) {
        evaluatorFeedback(window, false);
        return;
    }
    core::Rate rate;
    rate.ticket = state->finished->id;
    // The keys count 1 (非常满意) … 5 (非常不满意); the engine's levels the other way round.
    rate.level =
        static_cast<core::RatingLevel>(core::kRatingLevels + 1 - keypad::evaluationLevel(key.key));
    rate.window = window;
    rate.keyEvaluator = true;
    CommandJob job;
    job.command = std::move(rate);
    job.done = [this, alive = std::weak_ptr<int>(alive_), window](protocol::Outcome outcome) {
        if (!alive.expired())
            evaluatorFeedback(window, !std::holds_alternative<protocol::Error>(outcome));
    };
    worker_.submit(std::move(job));
}

void WindowKeypads::feedback(int window, const std::optional<std::string>& refusal) {
    Keypad& k = keypads_.at(window);
    try {
        if (!refusal) {
            k.bus->beep(k.unit);
            return;
        }
        k.bus->beep(k.unit, 3, std::chrono::milliseconds(300));
        k.display = keypadWord(*refusal);
        k.bus->display(k.unit, *k.display);
        k.wordEnd->expires_after(std::chrono::seconds(3));
        k.wordEnd->async_wait(
            [this, alive = std::weak_ptr<int>(alive_), window](boost::system::error_code ec) {
                if (ec || alive.expired()) return;
                showState(window, keypads_.at(window));
            });
    } catch (const std::invalid_argument& e) {
        logWarning("keypad of window " + std::to_string(window) + ": " + e.what());
    }
}

void WindowKeypads::evaluatorFeedback(int window, bool taken) {
    const Evaluator& e = evaluators_.at(window);
    try {
        if (taken)
            e.bus->beep(e.unit);
        else
            e.bus->beep(e.unit, 3, std::chrono::milliseconds(300));
    } catch (const std::invalid_argument& error) {
        logWarning("evaluator of window " + std::to_string(window) + ": " + error.what());
    }
}

void WindowKeypads::showState(int window, Keypad& k) {
    const auto* state = protocol::findWindow(view_.windows, window);
    const bool serving = state && state->current;
    const bool paused = state && state->paused;
    const std::string display = serving ? state->current->number : std::string();
    try {
        if (k.display != display) k.bus->display(k.unit, display);
        if (k.serving != serving)
            k.bus->setLed(k.unit, 1, serving ? keypad::LedMode::On : keypad::LedMode::Off);
        if (k.paused != paused)
            k.bus->setLed(k.unit, 2, paused ? keypad::LedMode::On : keypad::LedMode::Off);
    } catch (const std::invalid_argument& e) {
        // A ticket number the display cannot show (more than 8 characters): the LEDs still say it.
        logWarning("keypad of window " + std::to_string(window) + ": " + e.what());
    }
    k.display = display;
    k.serving = serving;
    k.paused = paused;
}

} // namespace hall::controller
