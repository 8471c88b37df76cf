// The table of device kinds (device_kinds.h). Names match the hardware table's kinds; faults are
// the protocol's heartbeat names; placeholders are valid addresses, so a technician who types
// the example gets a setting the menu accepts (tests/technician/core/device_kinds_test.cpp).

#include "drivers/base/device_kinds.h"

#include <stdexcept>
#include <string>

namespace hall::drivers {
namespace {

constexpr TransportRow kIdCardTransports[] = {{Transport::Serial, "/dev/ttyUSB0"},
                                              {Transport::Usb, "auto"}};
constexpr TransportRow kSmartCardTransports[] = {{Transport::PcSc, "auto"}};
constexpr TransportRow kScannerTransports[] = {{Transport::Serial, "/dev/ttyACM0"},
                                               {Transport::Evdev, "auto"}};
constexpr TransportRow kTicketPrinterTransports[] = {{Transport::Serial, "/dev/ttyUSB0"},
                                                     {Transport::Tcp, "192.168.1.50:9100"},
                                                     {Transport::Usb, "auto"},
                                                     {Transport::Cups, "ticket"}};
constexpr TransportRow kDocumentPrinterTransports[] = {{Transport::Cups, "a4"}};
constexpr TransportRow kLedStripTransports[] = {{Transport::Serial, "/dev/ttyUSB1"},
                                                {Transport::Tcp, "192.168.1.60:4001"}};
constexpr TransportRow kKeypadTransports[] = {{Transport::Serial, "/dev/ttyUSB2"},
                                              {Transport::Tcp, "192.168.1.61:4001"}};
constexpr TransportRow kAnnouncerTransports[] = {{Transport::Audio, "default"}};

constexpr DeviceKindRow kKinds[] = {
    {DeviceKind::IdCardReader, "id_card_reader", "ID-card reader", "身份证阅读器",
     kIdCardTransports, "reader_unplugged", DeviceTest::ReadCard},
    {DeviceKind::SmartCardReader, "smart_card_reader", "smart-card reader", "社保卡读卡器",
     kSmartCardTransports, "reader_unplugged", DeviceTest::ReadCard},
    {DeviceKind::CodeScanner, "code_scanner", "QR / barcode scanner", "扫码器", kScannerTransports,
     "scanner_unplugged", DeviceTest::ReadCard},
    {DeviceKind::TicketPrinter, "ticket_printer", "ticket printer", "票据打印机",
     kTicketPrinterTransports, "printer_error", DeviceTest::PrintTicket},
    {DeviceKind::DocumentPrinter, "document_printer", "document printer", "文档打印机",
     kDocumentPrinterTransports, "printer_error", DeviceTest::PrintPage},
    {DeviceKind::LedStrip, "led_strip", "LED window strip", "窗口 LED 屏", kLedStripTransports,
     "display_error", DeviceTest::LightLedStrip},
    // The protocol has no keypad fault: a keypad line down leaves the window without its
    // display and keys, which the console shows as the window's display error.
    {DeviceKind::Keypad, "keypad", "keypad", "呼叫器 / 评价器", kKeypadTransports, "display_error",
     std::nullopt},
    {DeviceKind::Announcer, "announcer", "call announcer", "叫号语音", kAnnouncerTransports,
     "audio_error", DeviceTest::PlayAnnouncement},
};

constexpr DeviceTestRow kTests[] = {
    {DeviceTest::ReadCard, "read_card", "Read a card", "读卡测试"},
    {DeviceTest::PrintTicket, "print_test", "Print a test ticket", "打印测试票"},
    {DeviceTest::PrintPage, "print_test", "Print a test page", "打印测试页"},
    {DeviceTest::LightLedStrip, "light_led_strip", "Light the LED strip", "点亮 LED 屏"},
    {DeviceTest::PlayAnnouncement, "play_announcement", "Play an announcement", "播放叫号语音"},
};

} // namespace

std::span<const DeviceKindRow> deviceKinds() {
    return kKinds;
}

// A kind or test the table lacks is a build mistake, not a setting to refuse.
const DeviceKindRow& kindRow(DeviceKind kind) {
    for (const auto& row : kKinds)
        if (row.kind == kind) return row;
    throw std::logic_error("no row for device kind " + std::to_string(static_cast<int>(kind)));
}

const DeviceKindRow* findKind(std::string_view key) {
    for (const auto& row : kKinds)
        if (row.key == key) return &row;
    return nullptr;
}

const TransportRow* findTransport(const DeviceKindRow& row, Transport transport) {
    for (const auto& t : row.transports)
        if (t.transport == transport) return &t;
    return nullptr;
}

const DeviceTestRow& testRow(DeviceTest test) {
    for (const auto& row : kTests)
        if (row.test == test) return row;
    throw std::logic_error("no row for device test " + std::to_string(static_cast<int>(test)));
}

std::string_view kindName(DeviceKind kind) {
    return kindRow(kind).name;
}

} // namespace hall::drivers
