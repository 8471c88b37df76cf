// ReadCard: the configured reader (ID-card SAM reader, PC/SC social-security card reader, code
// scanner) waits for one card or code. What was read is wiped in
// the driver's callback, before the test thread even looks: the result carries only the kind
// of card or code, never a name, a number or a code's text (DESIGN §5).
#include "drivers/base/registry.h"
#include "drivers/base/secure_wipe.h"
#include "drivers/idcard/id_card_reader.h"
#include "drivers/idcard/usb_opener.h"
#include "drivers/scanner/scanner_device.h"
#include "drivers/smartcard/smartcard_reader_device.h"
#include "technician/driver_test_runner.h"
#include "technician/driver_test_support.h"

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace hall::technician {
namespace {

using detail::DeviceWatch;
using drivers::DeviceEventType;

// A card type's words for the technician.
std::string cardWords(drivers::idcard::CardType type) {
    using drivers::idcard::CardType;
    switch (type) {
    case CardType::Resident:
        return "resident ID card";
    case CardType::ForeignerPermanent:
    case CardType::ForeignerPermanent2023:
        return "foreigner's permanent residence card";
    case CardType::HkMacaoTaiwanPermit:
        return "Hong Kong / Macao / Taiwan residence permit";
    }
    return "ID card";
}

std::string codeWords(drivers::scanner::CodeKind kind) {
    using drivers::scanner::CodeKind;
    switch (kind) {
    case CodeKind::Appointment:
        return "booking code";
    case CodeKind::EIdLink:
        return "e-ID link";
    case CodeKind::Unknown:
        return "a code this hall does not use";
    }
    return "code";
}

// Waits for the device to open, then for `read` to be set; builds the result. `what` names the
// device for the technician ("ID-card reader on /dev/ttyUSB0").
DeviceTestResult awaitRead(drivers::Device& device, DeviceWatch& watch,
                           const std::optional<std::string>& read, const std::string& what,
                           const std::string& waitingFor, const DriverTestOptions& options) {
    device.start();
    if (!watch.waitOpened(options.openTimeout)) {
        device.stop();
        return {false, detail::openFailure(watch, what, options.openTimeout)};
    }
    bool readFailed = false;
    const bool got = watch.waitFor(options.cardTimeout, [&] {
        readFailed = readFailed || watch.seen(DeviceEventType::ReadFailed);
        return read.has_value();
    });
    device.stop();
    if (got) return {true, *read};
    std::string message =
        "no " + waitingFor + " within " + detail::seconds(options.cardTimeout) + " (timeout)";
    if (readFailed)
        message += "; a " + waitingFor + " was seen but could not be read: present it again";
    return {false, message};
}

DeviceTestResult idCardTest(const DeviceSetting& device, const DriverTestOptions& options) {
    using namespace drivers::idcard;
    const auto& descriptor = drivers::requireDescriptor(device.driver);
    DeviceWatch watch;
    std::optional<std::string> read;
    CardHandler onCard = [&](IdCardRecord&& record) {
        const auto type = record.cardType;
        record.wipe(); // nothing of the person stays in memory, here or later
        watch.note([&] { read = "card read (" + cardWords(type) + ")"; });
    };
    IdCardReaderOptions readerOptions;
    readerOptions.pollInterval = options.cardPollInterval;
    std::unique_ptr<IdCardReader> reader;
    std::string what;
    if (device.transport == drivers::Transport::Serial) {
        const auto serial = detail::serialSettings(device, 115200);
        what = "ID-card reader on " + serial.path;
        reader = std::make_unique<IdCardReader>(
            descriptor, serial.path,
            [serial] { return std::make_unique<drivers::SerialStream>(serial); }, watch.sink(),
            std::move(onCard), readerOptions);
    } else {
        const auto usb = detail::usbSettings(device);
        what = "USB ID-card reader (" + device.address + ")";
        reader = std::make_unique<IdCardReader>(descriptor, usbPortName(usb), usbStreamOpener(usb),
                                                watch.sink(), std::move(onCard), readerOptions);
    }
    return awaitRead(*reader, watch, read, what, "card", options);
}

DeviceTestResult scannerTest(const DeviceSetting& device, const DriverTestOptions& options) {
    using namespace drivers::scanner;
    DeviceWatch watch;
    std::optional<std::string> read;
    CodeSink onCode = [&](const ScannedCode& code) {
        // The payload is the citizen's (a booking, an e-ID link): only its kind is kept.
        const std::string kind = codeWords(code.classification.kind);
        watch.note([&] { read = "code read (" + kind + ")"; });
    };
    std::unique_ptr<ScannerDevice> scanner;
    std::string what;
    if (device.transport == drivers::Transport::Serial) {
        SerialScannerConfig config;
        config.port = detail::serialSettings(device, 9600);
        what = "scanner on " + config.port.path;
        scanner = makeSerialScanner(config, std::move(onCode), watch.sink());
    } else {
        HidScannerConfig config;
        if (device.address != "auto") config.device.path = device.address;
        what = "keyboard-mode scanner (" + device.address + ")";
        scanner = makeHidScanner(config, std::move(onCode), watch.sink());
    }
    return awaitRead(*scanner, watch, read, what, "code", options);
}

DeviceTestResult smartCardTest(const DeviceSetting& device, const DriverTestOptions& options) {
    using namespace drivers::smartcard;
    DeviceWatch watch;
    std::optional<std::string> read;
    SmartCardReaderConfig config;
    if (device.address != "auto") config.readerName = device.address;
    SmartCardReaderDevice reader(config, watch.sink(), [&](SocialSecurityCardRecord&& record) {
        record.wipe();
        watch.note([&] { read = "card read (social security card)"; });
    });
    const std::string what = device.address == "auto"
                                 ? std::string("smart-card reader (first PC/SC reader)")
                                 : "smart-card reader \"" + device.address + "\"";
    return awaitRead(reader, watch, read, what, "card", options);
}

} // namespace

DeviceTestResult readCardTest(const DeviceSetting& device, const DriverTestOptions& options) {
    using drivers::Transport;
    if (device.driver == "idcard.sam-serial" && device.transport == Transport::Serial)
        return idCardTest(device, options);
    if (device.driver == "idcard.sam-usb" && device.transport == Transport::Usb)
        return idCardTest(device, options);
    if (device.driver == "smartcard.pcsc" && device.transport == Transport::PcSc)
        return smartCardTest(device, options);
    if ((device.driver == "scanner.serial" && device.transport == Transport::Serial) ||
        (device.driver == "scanner.hid" && device.transport == Transport::Evdev))
        return scannerTest(device, options);
    return detail::unsupported(DeviceTest::ReadCard, device);
}

} // namespace hall::technician
