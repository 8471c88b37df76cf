#include "callstation/controller/window_strips.h"

#include "callstation/controller/log.h"
#include "drivers/kinds/device_factory.h"

namespace hall::controller {

namespace led = drivers::led;

WindowStrips::WindowStrips(const core::HallConfig& config, const protocol::HallView& view,
                           BusHealth& health, const core::Clock& clock,
                           boost::asio::any_io_executor network)
    : config_(config), view_(view), network_(std::move(network)) {
    for (const auto& line : config_.ledLines) {
        const auto setting = busLineSetting(line, BusUnitKind::Strip);
        drivers::DeviceOptions options;
        for (const auto& u : line.units) options.ledStrips.addresses.push_back(static_cast<std::uint8_t>(u.unit));
        drivers::DeviceSinks sinks;
        sinks.events = [this, alive = std::weak_ptr<int>(alive_), &health, &clock,
                        place = setting.address](const drivers::DeviceEvent& e) {
            boost::asio::post(network_, [alive, &health, &clock, place, e] {
                if (alive.expired()) return;
                health.record(BusUnitKind::Strip, place, e, clock.now());
                if (e.type == drivers::DeviceEventType::Lost)
                    logWarning("LED strip " + (e.unit ? std::to_string(*e.unit) + " on " : std::string("line ")) +
                               place + " does not answer" + (e.error ? ": " + e.error->message : ""));
            });
        };
        auto& device = lines_.emplace_back(drivers::makeDevice(setting, std::move(sinks), options));
        auto* bus = dynamic_cast<led::LedStripBus*>(device.get());
        for (const auto& u : line.units) {
            auto& strip = strips_[u.window];
            strip.bus = bus;
            strip.unit = static_cast<std::uint8_t>(u.unit);
            strip.blinkEnd = std::make_unique<boost::asio::steady_timer>(network_);
        }
    }
    for (auto& [window, strip] : strips_) show(window, strip);
    for (auto& line : lines_) line->start();
}

WindowStrips::~WindowStrips() {
    for (auto& line : lines_) line->stop();
}

void WindowStrips::announce(const std::vector<protocol::Call>& calls) {
    const auto hold = std::chrono::seconds(config_.callBoard.holdSeconds);
    for (const auto& call : calls) {
        auto it = strips_.find(call.window);
        if (it == strips_.end()) continue;
        Strip& strip = it->second;
        strip.freshUntil = std::chrono::steady_clock::now() + hold;
        strip.blinkEnd->expires_at(strip.freshUntil);
        strip.blinkEnd->async_wait([this, alive = std::weak_ptr<int>(alive_),
                                    window = call.window](boost::system::error_code ec) {
            if (ec || alive.expired()) return;
            show(window, strips_.at(window));
        });
        show(call.window, strip);
    }
}

void WindowStrips::update(const protocol::HallView& view) {
    view_ = view;
    for (auto& [window, strip] : strips_) show(window, strip);
}

void WindowStrips::show(int window, Strip& strip) {
    protocol::WindowView state;
    state.number = window;
    if (const auto* known = protocol::findWindow(view_.windows, window)) state = *known;
    const bool fresh = std::chrono::steady_clock::now() < strip.freshUntil;
    const auto* configured = config_.findWindow(window);
    auto sign = protocol::windowSign(state, configured ? configured->name : std::string(), fresh);
    if (strip.shown == sign) return;
    const auto colour = led::parseColour(sign.colour).value_or(led::kRed);
    try {
        if (sign.look == protocol::SignLook::Calling) {
            strip.bus->showCall(strip.unit, sign.text, colour, sign.blink);
        } else {
            strip.bus->submit(strip.unit, led::Text{sign.text});
            strip.bus->submit(strip.unit, led::Colour{colour});
            strip.bus->submit(strip.unit, led::Blink{false});
        }
    } catch (const std::invalid_argument& e) {
        // A window name outside the strips' font: said once per text, the strip keeps the last.
        logWarning("LED strip of window " + std::to_string(window) + ": " + e.what());
    }
    strip.shown = std::move(sign);
}

} // namespace hall::controller
