#pragma once
// Events every device reports, whatever its kind. Delivered on the device's own worker thread:
// the host marshals them to its UI thread (the Qt bridge does this) and must not block.

#include "drivers/base/device_error.h"

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
};

struct DeviceEvent {
    std::string device; // the instance: "idcard.sam-serial@/dev/ttyUSB0"
    DeviceEventType type;
    std::optional<DeviceError> error;
};

using DeviceEventSink = std::function<void(const DeviceEvent&)>;

std::string_view eventTypeName(DeviceEventType type);

} // namespace hall::drivers
