#include "shared/technician/device_test_runner.h"

namespace hall::technician {

std::string_view deviceTestName(DeviceTest test) {
    switch (test) {
    case DeviceTest::ReadCard:
        return "read_card";
    case DeviceTest::PrintTicket:
        return "print_test";
    case DeviceTest::LightLedStrip:
        return "light_led_strip";
    case DeviceTest::PlayAnnouncement:
        return "play_announcement";
    }
    return "unknown";
}

std::optional<DeviceTest> testFor(drivers::DeviceKind kind) {
    using drivers::DeviceKind;
    switch (kind) {
    case DeviceKind::IdCardReader:
    case DeviceKind::SmartCardReader:
    case DeviceKind::CodeScanner:
        return DeviceTest::ReadCard;
    case DeviceKind::TicketPrinter:
    case DeviceKind::DocumentPrinter:
        return DeviceTest::PrintTicket;
    case DeviceKind::LedStrip:
        return DeviceTest::LightLedStrip;
    case DeviceKind::Announcer:
        return DeviceTest::PlayAnnouncement;
    case DeviceKind::Keypad:
        return std::nullopt;
    }
    return std::nullopt;
}

} // namespace hall::technician
