#pragma once
// One row per device kind: everything the suite knows about a kind beyond its drivers' rows in
// the hardware table. The settings file names a kind by its key, the technician menu shows its
// names, offers its transports with an example address and runs its device test, and the apps
// report its fault in their heartbeats while such a device is down. The factory that builds a
// kind's device from a setting links every driver, so it lives above them
// (drivers/kinds/device_factory.h), one entry per kind as well.
//
// Adding a kind: docs/drivers.md, "Adding a device kind".

#include "drivers/base/descriptor.h"

#include <optional>
#include <span>
#include <string_view>

namespace hall::drivers {

// What the technician menu does to show that a device works.
enum class DeviceTest {
    ReadCard,         // wait for a card or a code
    PrintTicket,      // a test ticket
    PrintPage,        // an A4 test page
    LightLedStrip,    // a test text on every unit of the line
    PlayAnnouncement, // one call from the voice pack
};

struct DeviceTestRow {
    DeviceTest test;
    std::string_view name;    // in the audit: "print_test"
    std::string_view label;   // the menu's button, English
    std::string_view labelZh; // and zh-CN
};

struct TransportRow {
    Transport transport;
    std::string_view placeholder; // an example address, shown in an empty address field
};

struct DeviceKindRow {
    DeviceKind kind;
    std::string_view key;    // in terminal-settings.toml: [devices.ticket_printer]
    std::string_view name;   // English, in messages and docs/hardware.md: "ticket printer"
    std::string_view nameZh; // for the technician in zh-CN: "票据打印机"
    // Every transport a driver of this kind speaks.
    std::span<const TransportRow> transports;
    // The heartbeat's device fault (docs/protocol.md) while such a device is down.
    std::string_view fault;
    std::optional<DeviceTest> test; // none for keypads: pressing a key is their test
};

// In the order the settings file and the menu list them.
std::span<const DeviceKindRow> deviceKinds();
const DeviceKindRow& kindRow(DeviceKind kind);
const DeviceKindRow* findKind(std::string_view key);
const TransportRow* findTransport(const DeviceKindRow& row, Transport transport);
const DeviceTestRow& testRow(DeviceTest test);

inline std::string_view kindKey(DeviceKind kind) {
    return kindRow(kind).key;
}
inline std::string_view deviceTestName(DeviceTest test) {
    return testRow(test).name;
}

} // namespace hall::drivers
