// The table of every supported device model. One place: drivers look themselves up here, and
// udevRules() / hardwareListMarkdown() turn the same rows into packaging and docs.
// USB ids are the ones the readers report on the bus (lsusb); a model missing here still works
// over a transport that needs no id (a serial port, pcscd), it just gets no udev rule.

#include "drivers/base/hardware_table.h"

namespace hall::drivers {
namespace {

constexpr Transport kSerial[] = {Transport::Serial};
constexpr Transport kUsb[] = {Transport::Usb};
constexpr Transport kPcSc[] = {Transport::PcSc};
constexpr Transport kEvdev[] = {Transport::Evdev};
constexpr Transport kBusLine[] = {Transport::Serial, Transport::Tcp};
constexpr Transport kAudio[] = {Transport::Audio};
constexpr Transport kCups[] = {Transport::Cups};

// ID-card readers with a SAM module speaking the GA 467 frame protocol over USB bulk endpoints
// (one vendor-class interface, bulk IN + bulk OUT). The ids come from public vendor SDK code;
// usb.ids does not list them (0400 is National Semiconductor's vendor id, reused by the readers'
// USB module):
//  - 0400:c35a is the common USB interface of SAM readers, whatever the brand: Routon's (精伦)
//    reader SDK names it its USB reader next to its HID reader, and Synjones' (新中新) USB
//    adapter lists it among its own devices. 精伦's vendor API opens the iDR200 USB type as
//    USB port 1001, the port of this interface (inferred, not seen on a box's lsusb).
//  - 0316:5020 appears in one source only, Synjones' (新中新) USB adapter, next to 0400:c35a.
// Not in this list, on purpose:
//  - readers behind a USB-serial chip (CH340 1a86:7523, PL2303 067b:2303, FTDI 0403:6001,
//    CP210x 10c4:ea60): they are serial ports and belong to idcard.sam-serial;
//  - HID readers such as 精伦 iDR210 (0425:8159 in Routon's SDK): HID reports, not bulk;
//  - 华视 CVR-100U, 神思 SS628-100, 国腾 GTICR100: no public source at hand names their ids.
//    Programs open them through the common reader API at USB port 1001 like the readers
//    above, so they likely present 0400:c35a and are then covered by the first row.
constexpr UsbId kSamUsbReaders[] = {
    {0x0400, 0xc35a, "二代证 SAM 阅读器标准 USB 口（精伦 iDR200 USB 型、新中新 USB 型等）"},
    {0x0316, 0x5020, "新中新 USB 阅读器（第二种 USB id）"},
};

constexpr std::uint32_t kIdCardReads =
    kReadsResidentIdCard | kReadsForeignerCard | kReadsHkMacaoTaiwanPermit | kReadsPhoto | kHotPlug;

// QR / barcode scanners. A scanner's USB product id depends on the interface mode it is set to
// (keyboard emulation, USB serial emulation, vendor modes), so each mode is its own row: serial
// modes under scanner.serial (their udev rule also keeps ModemManager off the port), keyboard
// modes under scanner.hid (the rule also opens the input node for the grab). Only ids whose
// model and mode usb.ids states are listed:
//   05e0 Symbol Technologies (Zebra):  1200 "Bar Code Scanner" (the Linux HID driver's
//                                       USB_DEVICE_ID_SYMBOL_SCANNER_3, so a HID keyboard),
//                                       1701 "Bar Code Scanner (CDC)"
//   0c2e Metrologic Instruments (Honeywell): 0204 "MS7120 … (keyboard mode)",
//                                       0700 "… (uni-directional serial mode)",
//                                       0720 "… (bi-directional serial mode)"
//   05f9 PSC Scanning (Datalogic):     2206 "Gryphon series (keyboard emulation mode)",
//                                       4204 "Gryphon series (RS-232 emulation mode)"
// Not listed: Honeywell Voyager 1400g (0c2e:0b81) and Vuquest 3310g (0c2e:0b61), whose mode
// usb.ids does not say; Newland (新大陆), whose ids the usb.ids at hand does not carry. Such a
// scanner still works: a serial one by its port, a keyboard-mode one by its USB id or node.
constexpr UsbId kSerialScanners[] = {
    {0x05e0, 0x1701, "Symbol (Zebra) bar code scanner, USB CDC serial mode"},
    {0x0c2e, 0x0700, "Honeywell (Metrologic) MS7120, uni-directional serial mode"},
    {0x0c2e, 0x0720, "Honeywell (Metrologic) MS7120, bi-directional serial mode"},
    {0x05f9, 0x4204, "Datalogic Gryphon series, RS-232 emulation mode"},
};
constexpr UsbId kKeyboardScanners[] = {
    {0x05e0, 0x1200, "Symbol (Zebra) bar code scanner, HID keyboard mode"},
    {0x0c2e, 0x0204, "Honeywell (Metrologic) MS7120, keyboard mode"},
    {0x05f9, 0x2206, "Datalogic Gryphon series, keyboard emulation mode"},
};

// Thermal ticket printers speaking ESC/POS. Serial and network printers need no id; USB ones
// are opened on their USB printer-class interface (class 7, bidirectional: bulk OUT for data,
// bulk IN for status). Ids as lsusb reports them on printers in use:
//  - 04b8:0202 "Seiko Epson Corp. Interface Card UB-U05 for Thermal Receipt Printers
//    [M129C/TM-T70/TM-T88IV]", also the USB interface of TM-T88V printers;
//  - 0416:5011 "Winbond Electronics Corp. Virtual Com Port", the id of the USB chip in many
//    generic 58 mm printers ("POS58"), which present a printer-class interface. Other devices
//    (bench power supplies) use the same chip id as a CDC serial port: the printer driver only
//    opens a printer-class interface, so it never takes one of those.
// Other USB printers are configured by their id or bus address.
constexpr UsbId kUsbTicketPrinters[] = {
    {0x04b8, 0x0202, "Epson TM-T88IV / TM-T88V / TM-T70 (UB-U05 USB interface)"},
    {0x0416, 0x5011, "通用 58 mm 热敏票据打印机（POS58，Winbond USB 芯片）"},
};
constexpr Transport kNetworkPrinter[] = {Transport::Tcp};
constexpr std::uint32_t kTicketPrinting =
    kPrintsChinese | kPrintsQrCode | kCutsPaper | kReportsPaperStatus | kHotPlug;

constexpr DeviceDescriptor kTable[] = {
    {"idcard.sam-serial",
     "二代证阅读器（串口 SAM）",
     DeviceKind::IdCardReader,
     kSerial,
     {},
     kIdCardReads},
    {"idcard.sam-usb", "二代证阅读器（USB SAM）", DeviceKind::IdCardReader, kUsb, kSamUsbReaders,
     kIdCardReads},
    {"smartcard.pcsc",
     "社保卡读卡器（PC/SC）",
     DeviceKind::SmartCardReader,
     kPcSc,
     {},
     kReadsSocialSecurityCard | kHotPlug},
    {"scanner.serial", "扫码器（串口）", DeviceKind::CodeScanner, kSerial, kSerialScanners,
     kScansQrCode | kScansBarcode | kHotPlug},
    {"scanner.hid", "扫码器（USB 键盘模式）", DeviceKind::CodeScanner, kEvdev, kKeyboardScanners,
     kScansQrCode | kScansBarcode | kHotPlug},
    {"printer.escpos-serial",
     "热敏票据打印机（串口，ESC/POS）",
     DeviceKind::TicketPrinter,
     kSerial,
     {},
     kTicketPrinting},
    {"printer.escpos-tcp",
     "热敏票据打印机（网口 9100，ESC/POS）",
     DeviceKind::TicketPrinter,
     kNetworkPrinter,
     {},
     kTicketPrinting},
    {"printer.escpos-usb", "热敏票据打印机（USB 打印机类，ESC/POS）", DeviceKind::TicketPrinter,
     kUsb, kUsbTicketPrinters, kTicketPrinting},
    // Any ESC/POS printer behind a raw CUPS queue an installer set up: the tickets go as raw
    // jobs; paper out comes from the queue's state reasons, as CUPS has no status return. No
    // hot plug: the queue, not the driver, owns the printer's connection.
    {"printer.escpos-cups",
     "热敏票据打印机（CUPS 队列，ESC/POS）",
     DeviceKind::TicketPrinter,
     kCups,
     {},
     kPrintsChinese | kPrintsQrCode | kCutsPaper | kReportsPaperStatus},
    // A4 printers of any make, through a CUPS queue an installer set up (lpadmin, or the
    // printer's own driverless IPP): the queue's driver knows the printer, the suite only the
    // queue. Duplex and colour are used when the queue's printer has them.
    {"docprint.cups",
     "文档打印机（CUPS 队列）",
     DeviceKind::DocumentPrinter,
     kCups,
     {},
     kPrintsPdf | kPrintsDuplex | kPrintsColour | kReportsPaperStatus | kHotPlug},
    // The call voice: any sound card ALSA knows (HDMI of the board's TV box, a USB card, the
    // on-board codec), named by its ALSA device ("default" unless configured).
    {"announcer.alsa", "叫号语音（ALSA 声卡）", DeviceKind::Announcer, kAudio, {}, kSpeaks},
    // The hall bus (docs/bus-protocol.md): our own addressed frame protocol on an RS-485 line,
    // reached through any USB-RS-485 adapter (a serial port: no USB id of its own to list) or
    // a TCP gateway / network controller card. One device per line, up to 64 units on it.
    {"led.hallbus",
     "窗口LED屏（总线，自有协议）",
     DeviceKind::LedStrip,
     kBusLine,
     {},
     kShowsChinese | kHotPlug},
    {"keypad.hallbus",
     "呼叫器 / 评价器（总线，自有协议）",
     DeviceKind::Keypad,
     kBusLine,
     {},
     kHasKeys | kHotPlug},
};

} // namespace

std::span<const DeviceDescriptor> hardwareTable() {
    return kTable;
}

} // namespace hall::drivers
