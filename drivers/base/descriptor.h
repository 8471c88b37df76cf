#pragma once
// What the suite knows about one supported device model: how it is named to a technician, which
// transports reach it, which USB ids it answers to and what it can do. Every descriptor lives in
// one table (hardware_table.cpp); the udev rules and the supported-hardware list are generated
// from that table, so the three never disagree.

#include <cstdint>
#include <span>
#include <string_view>

namespace hall::drivers {

enum class DeviceKind { IdCardReader, SmartCardReader, CodeScanner };

enum class Transport { Serial, Usb, PcSc, Evdev, Tcp };

// Capabilities a kiosk screen may depend on ("this reader also reads foreigners' cards").
enum Capability : std::uint32_t {
    kReadsResidentIdCard = 1u << 0,      // 二代身份证
    kReadsForeignerCard = 1u << 1,       // 外国人永久居留身份证
    kReadsHkMacaoTaiwanPermit = 1u << 2, // 港澳台居民居住证
    kReadsPhoto = 1u << 3,               // raw WLT photo block
    kReadsSocialSecurityCard = 1u << 4,  // 社保卡 (contact, PC/SC)
    kScansQrCode = 1u << 5,
    kScansBarcode = 1u << 6,
    kHotPlug = 1u << 7, // re-opened by the driver when it comes back
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

} // namespace hall::drivers
