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
    case DeviceEventType::Refused:
        return "refused";
    case DeviceEventType::PaperLow:
        return "paper_low";
    case DeviceEventType::PaperOut:
        return "paper_out";
    case DeviceEventType::CoverOpen:
        return "cover_open";
    case DeviceEventType::PrinterFault:
        return "printer_fault";
    case DeviceEventType::PrinterOk:
        return "printer_ok";
    }
    return "unknown";
}

} // namespace hall::drivers
