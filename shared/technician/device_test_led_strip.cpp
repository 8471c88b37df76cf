// LightLedStrip: the test text on every unit of the configured LED strip line. The bus driver
// asks each unit to identify when it opens and sends the text to those that answer; the result
// lists the units that showed it, the ones that stayed silent (not powered, wrong address,
// broken A/B pair) and the ones that refused it.
#include "drivers/base/registry.h"
#include "drivers/led/led_strip_bus.h"
#include "drivers/transport/serial_stream.h"
#include "drivers/transport/tcp_stream.h"
#include "shared/technician/driver_test_runner.h"
#include "shared/technician/driver_test_support.h"

#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace hall::technician {
namespace {

using drivers::DeviceEventType;
using drivers::Transport;
using drivers::bus::UnitState;

// Within a strip's font (GB2312) and short enough for the narrowest strip.
constexpr std::string_view kTestText = "测试 TEST";

std::string unitList(const std::vector<std::uint8_t>& units) {
    std::string out;
    for (const auto u : units) {
        if (!out.empty()) out += ", ";
        out += std::to_string(u);
    }
    return out;
}

std::vector<std::uint8_t> unitsToTest(const DriverTestOptions& options) {
    if (!options.ledUnits.empty()) return options.ledUnits;
    return {1, 2, 3, 4, 5, 6, 7, 8};
}

} // namespace

DeviceTestResult lightLedStripTest(const DeviceSetting& device, const DriverTestOptions& options) {
    using namespace drivers::led;
    if (device.driver != "led.hallbus" ||
        (device.transport != Transport::Serial && device.transport != Transport::Tcp))
        return detail::unsupported(DeviceTest::LightLedStrip, device);

    drivers::bus::LineSettings line;
    drivers::bus::LineOpener open;
    std::string what;
    if (device.transport == Transport::Serial) {
        const auto serial = detail::serialSettings(device, line.baud);
        line.baud = serial.baud;
        what = "LED strip line on " + serial.path;
        open = [serial](std::stop_token) {
            return std::make_unique<drivers::SerialStream>(serial);
        };
    } else {
        const auto tcp = detail::tcpSettings(device, 4001);
        what = "LED strip gateway at " + tcp.host + ":" + std::to_string(tcp.port);
        open = [tcp](std::stop_token) { return std::make_unique<drivers::TcpStream>(tcp); };
    }

    LedStripBusOptions busOptions;
    busOptions.addresses = unitsToTest(options);
    // One look at each unit is the test; no background probing while the technician waits.
    busOptions.probe = {options.ledTimeout, options.ledTimeout};
    busOptions.keepAlive = options.ledTimeout * 2;
    detail::DeviceWatch watch;
    LedStripBus strips(drivers::requireDescriptor(device.driver), device.address, std::move(open),
                       makeHallBusLedProtocol(line), watch.sink(), busOptions);
    strips.submitAll(Text{std::string(kTestText)});
    strips.start();
    if (!watch.waitOpened(options.openTimeout)) {
        strips.stop();
        return {false, detail::openFailure(watch, what, options.openTimeout)};
    }

    // Done when every unit has been heard from or given up on, and the ones heard from have
    // acknowledged (or refused) the text.
    const auto decided = [&] {
        for (const auto a : strips.addresses()) {
            const auto st = strips.status(a);
            if (st.state == UnitState::Unknown) return false;
            if (st.state == UnitState::Online && st.pending > 0) return false;
        }
        return true;
    };
    const auto until = std::chrono::steady_clock::now() + options.ledTimeout;
    while (!decided() && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));

    std::vector<std::uint8_t> shown, silent, refused, pending;
    for (const auto a : strips.addresses()) {
        const auto st = strips.status(a);
        if (st.state == UnitState::Online && st.refused > 0)
            refused.push_back(a);
        else if (st.state == UnitState::Online && st.pending == 0)
            shown.push_back(a);
        else if (st.state == UnitState::Online)
            pending.push_back(a);
        else
            silent.push_back(a);
    }
    strips.stop();

    std::string message;
    if (!shown.empty())
        message = "test text shown on unit(s) " + unitList(shown);
    else
        message = "no unit showed the test text";
    if (!silent.empty()) message += "; no answer from unit(s) " + unitList(silent);
    if (!refused.empty()) message += "; refused by unit(s) " + unitList(refused);
    if (!pending.empty())
        message += "; unit(s) " + unitList(pending) + " did not acknowledge within " +
                   detail::seconds(options.ledTimeout) + " (timeout)";
    message += " (" + what + ")";
    const bool ok = !shown.empty() && silent.empty() && refused.empty() && pending.empty();
    return {ok, message};
}

} // namespace hall::technician
