#include "drivers/base/device_event.h"

namespace hall::drivers {

std::string_view eventTypeName(DeviceEventType type) {
    switch (type) {
    case DeviceEventType::Opened:
        return "opened";
    case DeviceEventType::Lost:
        return "lost";
    case DeviceEventType::Back:
        return "back";
    case DeviceEventType::CardInserted:
        return "card_inserted";
    case DeviceEventType::CardRemoved:
        return "card_removed";
    case DeviceEventType::ReadFailed:
        return "read_failed";
    }
    return "unknown";
}

} // namespace hall::drivers
