// ReadCard: the configured reader (ID-card SAM reader, PC/SC social-security card reader, code
// scanner) waits for one card or code. What was read is wiped in
// the driver's callback, before the test thread even looks: the result carries only the kind
// of card or code, never a name, a number or a code's text.
#include "shared/technician/driver_test_support.h"

#include <optional>
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

} // namespace

DeviceTestResult readCardTest(const DeviceSetting& device, const DriverTestOptions& options) {
    if (auto no = detail::notAvailable(DeviceTest::ReadCard, device)) return *no;
    DeviceWatch watch;
    std::optional<std::string> read;
    drivers::DeviceSinks sinks;
    sinks.events = watch.sink();
    sinks.idCards = [&](drivers::idcard::IdCardRecord&& record) {
        const auto type = record.cardType;
        record.wipe(); // nothing of the person stays in memory, here or later
        watch.note([&] { read = "card read (" + cardWords(type) + ")"; });
    };
    sinks.socialSecurityCards = [&](drivers::smartcard::SocialSecurityCardRecord&& record) {
        record.wipe();
        watch.note([&] { read = "card read (social security card)"; });
    };
    sinks.codes = [&](const drivers::scanner::ScannedCode& code) {
        // The payload is the citizen's (a booking, an e-ID link): only its kind is kept.
        const std::string kind = codeWords(code.classification.kind);
        watch.note([&] { read = "code read (" + kind + ")"; });
    };
    auto reader =
        drivers::makeDevice(device, std::move(sinks), detail::deviceOptions(device, options));
    const bool scanner = device.kind == drivers::DeviceKind::CodeScanner;
    return awaitRead(*reader, watch, read, detail::describe(device), scanner ? "code" : "card",
                     options);
}

} // namespace hall::technician
