// The table of every supported device model. One place: drivers look themselves up here, and
// udevRules() / hardwareListMarkdown() turn the same rows into packaging and docs.
// USB ids are the ones the readers report on the bus (lsusb); a model missing here still works
// over a transport that needs no id (a serial port, pcscd), it just gets no udev rule.

#include "drivers/base/hardware_table.h"

namespace drivers {
namespace {

constexpr Transport kSerial[] = {Transport::Serial};
constexpr Transport kUsb[] = {Transport::Usb};
constexpr Transport kPcSc[] = {Transport::PcSc};
constexpr Transport kEvdev[] = {Transport::Evdev};

// ID-card readers with a SAM module speaking the GA 467 frame protocol over USB bulk endpoints.
constexpr UsbId kSamUsbReaders[] = {
    {0x0400, 0xc35a, "SAM ID-card reader (USB bulk)"},
};

constexpr std::uint32_t kIdCardReads =
    kReadsResidentIdCard | kReadsForeignerCard | kReadsHkMacaoTaiwanPermit | kReadsPhoto | kHotPlug;

constexpr DeviceDescriptor kTable[] = {
    {"idcard.sam-serial", "二代证阅读器（串口 SAM）", DeviceKind::IdCardReader, kSerial, {},
     kIdCardReads},
    {"idcard.sam-usb", "二代证阅读器（USB SAM）", DeviceKind::IdCardReader, kUsb, kSamUsbReaders,
     kIdCardReads},
    {"smartcard.pcsc", "社保卡读卡器（PC/SC）", DeviceKind::SmartCardReader, kPcSc, {},
     kReadsSocialSecurityCard | kHotPlug},
    {"scanner.serial", "扫码器（串口）", DeviceKind::CodeScanner, kSerial, {},
     kScansQrCode | kScansBarcode | kHotPlug},
    {"scanner.hid", "扫码器（USB 键盘模式）", DeviceKind::CodeScanner, kEvdev, {},
     kScansQrCode | kScansBarcode | kHotPlug},
};

}  // namespace

std::span<const DeviceDescriptor> hardwareTable() { return kTable; }

}  // namespace drivers
