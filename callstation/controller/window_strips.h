#pragma once
// The LED strips over the windows, driven by the controller from the hall's state: every line of
// the hall TOML's [[led_lines]] runs as a LedStripBus (drivers/led), and each window's strip shows
// protocol::windowSign() of the window — "请A012号" blinking for the call board's hold time after
// a call or a recall, then steady; "A012 办理中"; "暂停服务"; the window's name when closed.
//
// Only changes are sent, and the bus sends a strip only what it does not show yet; a strip that
// stops answering is reported to BusHealth and the others keep updating (the bus probes it and
// sends it everything again when it is back). Network thread only; the bus's own threads post
// their events to it.

#include "callstation/controller/bus_health.h"
#include "callstation/netclient/asio.h"
#include "drivers/led/led_strip_bus.h"
#include "shared/core/hall_config.h"
#include "shared/protocol/hall_view.h"
#include "shared/protocol/window_sign.h"

#include <chrono>
#include <map>
#include <memory>
#include <vector>

namespace hall::controller {

class WindowStrips {
public:
    // Starts a bus per configured line (an absent port is retried in the background).
    WindowStrips(const core::HallConfig& config, const protocol::HallView& view,
                 BusHealth& health, const core::Clock& clock,
                 boost::asio::any_io_executor network);
    ~WindowStrips(); // stops the lines

    // A call or a recall: its window's strip blinks for the hold time.
    void announce(const std::vector<protocol::Call>& calls);
    void update(const protocol::HallView& view);

private:
    struct Strip {
        drivers::led::LedStripBus* bus = nullptr;
        std::uint8_t unit = 0;
        std::optional<protocol::WindowSign> shown; // the last sign handed to the bus
        std::chrono::steady_clock::time_point freshUntil{};
        std::unique_ptr<boost::asio::steady_timer> blinkEnd;
    };
    void show(int window, Strip& strip);

    core::HallConfig config_;
    protocol::HallView view_;
    std::vector<std::unique_ptr<drivers::Device>> lines_; // LedStripBus each
    std::map<int, Strip> strips_; // by window
    boost::asio::any_io_executor network_;
    std::shared_ptr<int> alive_ = std::make_shared<int>(0); // posted handlers check it
};

} // namespace hall::controller
