// The kinds' table (drivers/base/device_kinds.h) is complete: every kind has a row with every
// field, every driver's transports are offered with an example address the settings accept,
// and a settings file holding any driver of any kind reads back as written.
#include "drivers/base/device_kinds.h"
#include "drivers/base/registry.h"
#include "shared/protocol/messages.h"
#include "shared/technician/settings_file.h"

#include <doctest/doctest.h>
#include <set>

using namespace hall::technician;
using hall::drivers::DeviceKind;

namespace {

// Every driver in the hardware table, on every transport it speaks, at its kind's example
// address.
std::vector<DeviceSetting> everyDriverSetting() {
    std::vector<DeviceSetting> out;
    for (const auto& d : hall::drivers::allDescriptors())
        for (const auto t : d.transports) {
            const auto* transport = hall::drivers::findTransport(hall::drivers::kindRow(d.kind), t);
            REQUIRE(transport != nullptr);
            std::optional<int> baud;
            if (t == hall::drivers::Transport::Serial) baud = 9600;
            out.push_back(
                {d.kind, std::string(d.id), t, std::string(transport->placeholder), baud});
        }
    return out;
}

} // namespace

TEST_CASE("every device kind has a row with every field") {
    std::set<std::string_view> keys;
    std::set<DeviceKind> kinds;
    for (const auto& row : hall::drivers::deviceKinds()) {
        CAPTURE(row.key);
        CHECK(keys.insert(row.key).second);
        CHECK(kinds.insert(row.kind).second);
        CHECK(hall::drivers::findKind(row.key) == &row);
        CHECK_FALSE(row.name.empty());
        CHECK_FALSE(row.nameZh.empty());
        CHECK(hall::protocol::faultFromName(row.fault).has_value());
        REQUIRE_FALSE(row.transports.empty());
        for (const auto& t : row.transports) {
            CAPTURE(t.placeholder);
            CHECK_FALSE(validateAddressFor(t.transport, t.placeholder).has_value());
        }
        // Keypads alone have no test: a key pressed on one is its test.
        CHECK(row.test.has_value() == (row.kind != DeviceKind::Keypad));
        if (row.test) {
            const auto& test = hall::drivers::testRow(*row.test);
            CHECK_FALSE(test.name.empty());
            CHECK_FALSE(test.label.empty());
            CHECK_FALSE(test.labelZh.empty());
        }
    }
    // Every value of the enum, the last one included.
    CHECK(kinds.size() == static_cast<std::size_t>(DeviceKind::Announcer) + 1);
    CHECK(hall::drivers::findKind("toaster") == nullptr);
}

TEST_CASE("every driver's kind offers the driver's transports") {
    for (const auto& d : hall::drivers::allDescriptors()) {
        CAPTURE(d.id);
        const auto& row = hall::drivers::kindRow(d.kind);
        for (const auto t : d.transports)
            CHECK(hall::drivers::findTransport(row, t) != nullptr);
    }
}

TEST_CASE("the settings file round-trips every driver of every kind") {
    std::set<DeviceKind> seen;
    for (const auto& device : everyDriverSetting()) {
        CAPTURE(describeDevice(device));
        CHECK_FALSE(validateDevice(device).has_value());
        const TerminalSettings settings{"callstation.hall.local:8443", {device}};
        CHECK(parseSettings(renderSettings(settings), "round-trip") == settings);
        seen.insert(device.kind);
    }
    CHECK(seen.size() == hall::drivers::deviceKinds().size());

    // All kinds in one file, listed in table order whatever order they were added in.
    TerminalSettings all;
    for (const auto& row : hall::drivers::deviceKinds())
        for (const auto& device : everyDriverSetting())
            if (device.kind == row.kind) {
                all.devices.push_back(device);
                break;
            }
    CHECK(all.devices.size() == hall::drivers::deviceKinds().size());
    CHECK(parseSettings(renderSettings(all), "round-trip") == all);
}
