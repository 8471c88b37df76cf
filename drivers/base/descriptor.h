#pragma once
// What the suite knows about one supported device model: how it is named to a technician, which
// transports reach it, which USB ids it answers to and what it can do. Every descriptor lives in
// one table (hardware_table.cpp); the udev rules and the supported-hardware list are generated
// from that table, so the three never disagree.

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace hall::drivers {

enum class DeviceKind {
    IdCardReader,
    SmartCardReader,
    CodeScanner,
    TicketPrinter,   // thermal, ESC/POS
    DocumentPrinter, // A4, through CUPS
    LedStrip,        // window LED strips on an addressed bus
    Keypad,          // caller keypads and evaluators on an addressed bus
    Announcer,       // the call voice
};

enum class Transport { Serial, Usb, PcSc, Evdev, Tcp, Cups, Audio };

// Capabilities a kiosk screen may depend on ("this reader also reads foreigners' cards").
enum Capability : std::uint32_t {
    kReadsResidentIdCard = 1u << 0,      // 二代身份证
    kReadsForeignerCard = 1u << 1,       // 外国人永久居留身份证
    kReadsHkMacaoTaiwanPermit = 1u << 2, // 港澳台居民居住证
    kReadsPhoto = 1u << 3,               // raw WLT photo block
    kReadsSocialSecurityCard = 1u << 4,  // 社保卡 (contact, PC/SC)
    kScansQrCode = 1u << 5,
    kScansBarcode = 1u << 6,
    kHotPlug = 1u << 7,       // re-opened by the driver when it comes back
    kPrintsChinese = 1u << 8, // GB18030 text
    kPrintsQrCode = 1u << 9,  // QR printed by the device itself
    kCutsPaper = 1u << 10,
    kReportsPaperStatus = 1u << 11, // paper near end / out, cover open
    kPrintsPdf = 1u << 12,
    kPrintsDuplex = 1u << 13,
    kPrintsColour = 1u << 14,
    kShowsChinese = 1u << 15, // LED text in GB2312
    kHasKeys = 1u << 16,      // sends key presses
    kSpeaks = 1u << 17,       // plays announcements
};

struct UsbId {
    std::uint16_t vendor;
    std::uint16_t product;
    std::string_view model; // as the technician reads it on the box
};

struct DeviceDescriptor {
    std::string_view id;          // stable, used in config files: "idcard.sam-serial"
    std::string_view displayName; // for the technician menu
    DeviceKind kind;
    std::span<const Transport> transports;
    std::span<const UsbId> usbIds; // empty when the device is not reached over USB directly
    std::uint32_t capabilities;

    bool can(Capability c) const { return (capabilities & c) != 0; }
};

std::string_view kindName(DeviceKind kind);
std::string_view transportName(Transport transport);
// In settings files: "serial", "usb", "pcsc", "evdev", "tcp", "cups", "audio".
std::string_view transportKey(Transport transport);
std::optional<Transport> transportFromKey(std::string_view key);

} // namespace hall::drivers
