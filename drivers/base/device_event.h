#pragma once
// Events every device reports, whatever its kind. Delivered on the device's own worker thread:
// the host marshals them to its UI thread (the Qt bridge does this) and must not block.

#include "drivers/base/device_error.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace hall::drivers {

enum class DeviceEventType {
    Opened,       // first successful open
    Lost,         // unplugged or stopped answering; error says why; re-opened in the background
    Back,         // answering again after Lost
    CardInserted, // a card (or code) is present
    CardRemoved,
    ReadFailed, // one attempt failed; error is usually a Retry one ("move the card slowly")
    Refused,    // the device answered but refused a command (a NAK: a value or character it
                // cannot take); error says why; it stays in service and is not asked again
    // Paper and printer state, reported when it changes (ticket printers; error says what to do).
    PaperLow,     // paper near its end: printing goes on, a clerk should bring a roll
    PaperOut,     // no paper: jobs fail until it is refilled
    CoverOpen,    // the cover is open: jobs fail until it is closed
    PrinterFault, // cutter jammed, mechanism or head error: jobs fail; error says which
    PrinterOk,    // every condition above has cleared
};

struct DeviceEvent {
    std::string device; // the instance: "idcard.sam-serial@/dev/ttyUSB0"
    DeviceEventType type;
    std::optional<DeviceError> error;
    // For a device that is a line of addressed units (LED strips, keypads on one RS-485 bus):
    // the unit the event is about, 1..64. nullopt: the event is about the device (the line)
    // itself. Lost/Back with a unit are one unit's outage; the line and the others carry on.
    std::optional<std::uint8_t> unit{};
};

using DeviceEventSink = std::function<void(const DeviceEvent&)>;

std::string_view eventTypeName(DeviceEventType type);

} // namespace hall::drivers
