// LightLedStrip: the test text on every unit of the configured LED strip line. The bus driver
// asks each unit to identify when it opens and sends the text to those that answer; the result
// lists the units that showed it, the ones that stayed silent (not powered, wrong address,
// broken A/B pair) and the ones that refused it.
#include "shared/technician/driver_test_support.h"

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

} // namespace

DeviceTestResult lightLedStripTest(const DeviceSetting& device, const DriverTestOptions& options) {
    using namespace drivers::led;
    if (auto no = detail::notAvailable(DeviceTest::LightLedStrip, device)) return *no;
    const std::string what =
        (device.transport == Transport::Tcp ? "LED strip gateway at " : "LED strip line on ") +
        device.address;
    detail::DeviceWatch watch;
    drivers::DeviceSinks sinks;
    sinks.events = watch.sink();
    const auto built =
        drivers::makeDevice(device, std::move(sinks), detail::deviceOptions(device, options));
    auto& strips = dynamic_cast<LedStripBus&>(*built);
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
