#include "shared/client/identification_service.h"

#include "drivers/base/device_kinds.h"
#include "drivers/base/registry.h"
#include "drivers/base/secure_wipe.h"
#include "drivers/idcard/id_card_reader.h"
#include "drivers/idcard/id_number.h"
#include "drivers/scanner/scanner_device.h"
#include "drivers/smartcard/smartcard_reader_device.h"
#include "shared/terminal/citizen_messages.h"
#include "shared/terminal/name_mask.h"
#include "shared/terminal/person_key.h"

#include <QLoggingCategory>
#include <limits>
#include <span>
#include <stdexcept>
#include <type_traits>

Q_LOGGING_CATEGORY(lcIdentification, "hall.identification")

namespace hall::client {

static_assert(
    std::is_same_v<IdentificationService::IdCardHandler, hall::drivers::idcard::CardHandler>);
static_assert(std::is_same_v<IdentificationService::SocialSecurityCardHandler,
                             hall::drivers::smartcard::SmartCardReaderDevice::RecordSink>);
static_assert(std::is_same_v<IdentificationService::CodeHandler, hall::drivers::scanner::CodeSink>);

namespace {

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// The source of a device the service does not own (its callbacks handed to a device the app
// kept): from the descriptor id in front of the '@' of the instance id.
const hall::drivers::DeviceDescriptor* descriptorOf(const std::string& instanceId) {
    return hall::drivers::findDescriptor(
        std::string_view(instanceId).substr(0, instanceId.find('@')));
}

} // namespace

IdentificationService::IdentificationService(QObject* parent)
    : QObject(parent), gate_(std::make_shared<qt::ThreadRelay<IdentificationService>>(this)) {
    idleTimer_.setSingleShot(true);
    idleTimer_.setInterval(idleTimeoutMs_);
    connect(&idleTimer_, &QTimer::timeout, this, [this] { wipe(QStringLiteral("idle")); });
}

IdentificationService::~IdentificationService() {
    gate_->detach();
    // Stopping joins each device's worker; whatever it still reports hits the closed gate.
    for (auto& entry : devices_)
        entry.device->stop();
    devices_.clear();
    session_.wipe();
}

hall::drivers::DeviceEventSink IdentificationService::eventSink() const {
    return [gate = gate_](const hall::drivers::DeviceEvent& event) {
        gate->post([event](IdentificationService* self) { self->onEvent(event); });
    };
}

IdentificationService::IdCardHandler IdentificationService::idCardHandler() const {
    return [gate = gate_](hall::drivers::idcard::IdCardRecord&& record) {
        // The move wipes the driver's record; the only copy travels in the queued call.
        gate->post([record = std::move(record)](IdentificationService* self) mutable {
            self->onIdCard(std::move(record));
        });
    };
}

IdentificationService::SocialSecurityCardHandler
IdentificationService::socialSecurityCardHandler() const {
    return [gate = gate_](hall::drivers::smartcard::SocialSecurityCardRecord&& record) {
        gate->post([record = std::move(record)](IdentificationService* self) mutable {
            self->onSocialSecurityCard(std::move(record));
        });
    };
}

IdentificationService::CodeHandler IdentificationService::codeHandler() const {
    return [gate = gate_](const hall::drivers::scanner::ScannedCode& code) {
        // The driver wipes its ScannedCode when this returns, so the service keeps a copy; a
        // ScannedCode wipes itself on destruction, wherever the copy ends.
        hall::drivers::scanner::ScannedCode copy = code;
        gate->post([copy = std::move(copy)](IdentificationService* self) mutable {
            self->onCode(std::move(copy));
        });
    };
}

void IdentificationService::addDevice(std::unique_ptr<hall::drivers::Device> device) {
    if (!device) throw std::invalid_argument("IdentificationService::addDevice: no device given");
    if (!sourceOf(device->descriptor().kind))
        throw std::invalid_argument("IdentificationService::addDevice: " + device->instanceId() +
                                    " does not identify people");
    if (findDevice(device->instanceId()))
        throw std::invalid_argument("IdentificationService::addDevice: device " +
                                    device->instanceId() + " was already added");
    devices_.push_back({std::move(device), QStringLiteral("starting"), {}, {}});
    Q_EMIT devicesChanged();
    // Started after it is listed: its first report finds its entry.
    devices_.back().device->start();
}

void IdentificationService::removeDevices() {
    if (devices_.empty()) return;
    // Stopping joins each device's worker; what it still reports finds no entry.
    for (auto& entry : devices_)
        entry.device->stop();
    devices_.clear();
    Q_EMIT devicesChanged();
}

QStringList IdentificationService::faults() const {
    QStringList faults;
    for (const auto& entry : devices_) {
        if (entry.state != QStringLiteral("lost")) continue;
        const QString fault = qs(hall::drivers::kindRow(entry.device->descriptor().kind).fault);
        if (!faults.contains(fault)) faults << fault;
    }
    return faults;
}

IdentificationService::DeviceEntry*
IdentificationService::findDevice(const std::string& instanceId) {
    for (auto& entry : devices_)
        if (entry.device->instanceId() == instanceId) return &entry;
    return nullptr;
}

QVariantList IdentificationService::devices() const {
    QVariantList list;
    for (const auto& entry : devices_) {
        const auto& d = entry.device->descriptor();
        QVariantMap m;
        m[QStringLiteral("id")] = qs(entry.device->instanceId());
        m[QStringLiteral("name")] = qs(d.displayName);
        m[QStringLiteral("kind")] = qs(hall::drivers::kindName(d.kind));
        m[QStringLiteral("source")] = qs(sourceName(*sourceOf(d.kind)));
        m[QStringLiteral("state")] = entry.state;
        m[QStringLiteral("online")] =
            entry.state == QLatin1String("opened") || entry.state == QLatin1String("back");
        m[QStringLiteral("errorCode")] = entry.errorCode;
        m[QStringLiteral("message")] = entry.message;
        list.push_back(m);
    }
    return list;
}

void IdentificationService::onEvent(const hall::drivers::DeviceEvent& event) {
    using hall::drivers::DeviceEventType;
    DeviceEntry* entry = findDevice(event.device);
    const hall::drivers::DeviceDescriptor* descriptor =
        entry ? &entry->device->descriptor() : descriptorOf(event.device);
    const QString device = qs(event.device);

    switch (event.type) {
    case DeviceEventType::Opened:
    case DeviceEventType::Lost:
    case DeviceEventType::Back: {
        const QString state = qs(hall::drivers::eventTypeName(event.type));
        const bool lost = event.type == DeviceEventType::Lost;
        const QString code = lost && event.error ? qs(event.error->code) : QString();
        const QString message = lost && event.error ? qs(event.error->message) : QString();
        // Device messages name ports and status words, never a person (device_error.h).
        if (lost)
            qCWarning(lcIdentification).noquote() << device << "lost:" << code << "-" << message;
        else
            qCInfo(lcIdentification).noquote() << device << state;
        if (entry) {
            entry->state = state;
            entry->errorCode = code;
            entry->message = message;
        }
        Q_EMIT deviceStatusChanged(device, state);
        if (entry) Q_EMIT devicesChanged();
        return;
    }
    case DeviceEventType::CardInserted:
        if (!descriptor) return;
        restartIdleTimer();
        Q_EMIT readingStarted(qs(sourceName(*sourceOf(descriptor->kind))));
        return;
    case DeviceEventType::CardRemoved:
    case DeviceEventType::Refused:  // bus units (LED strips, keypads); no identification device
    case DeviceEventType::PaperLow: // printers' paper and cover state: no identification device
    case DeviceEventType::PaperOut:
    case DeviceEventType::CoverOpen:
    case DeviceEventType::PrinterFault:
    case DeviceEventType::PrinterOk:
        return;
    case DeviceEventType::ReadFailed: {
        if (!descriptor) return;
        const IdentificationSource source = *sourceOf(descriptor->kind);
        const std::string code = event.error ? event.error->code : std::string("read_failed");
        restartIdleTimer();
        Q_EMIT identificationFailed(qs(sourceName(source)), qs(code),
                                    qs(citizenMessage(source, code)),
                                    event.error ? qs(event.error->message) : QString());
        return;
    }
    }
}

void IdentificationService::onIdCard(hall::drivers::idcard::IdCardRecord&& record) {
    session_.hold(std::move(record));
    identified();
}

void IdentificationService::onSocialSecurityCard(
    hall::drivers::smartcard::SocialSecurityCardRecord&& record) {
    session_.hold(std::move(record));
    identified();
}

void IdentificationService::onCode(hall::drivers::scanner::ScannedCode&& code) {
    if (code.classification.kind == hall::drivers::scanner::CodeKind::Unknown) {
        // Not a way to identify anyone (a product barcode, another site's link): the session, if
        // any, stays as it is. The code is dropped with `code` and wipes itself.
        restartIdleTimer();
        Q_EMIT identificationFailed(
            qs(sourceName(IdentificationSource::QrCode)), qs(kUnrecognisedCode),
            qs(citizenMessage(IdentificationSource::QrCode, kUnrecognisedCode)),
            QStringLiteral("the scanned code is neither a hall appointment code nor a link "
                           "of an accepted e-ID issuer; if citizens' e-ID codes are refused, "
                           "check the scanner's e-ID host list"));
        return;
    }
    session_.hold(std::move(code));
    identified();
}

void IdentificationService::identified() {
    restartIdleTimer();
    const IdentifiedPerson who = person();
    Q_EMIT sessionChanged();
    Q_EMIT personIdentified(who);
}

IdentifiedPerson IdentificationService::person() const {
    IdentifiedPerson p;
    if (session_.empty()) return p;
    p.source = qs(sourceName(session_.source()));
    if (const auto* id = session_.idCard()) {
        p.name = qs(maskPersonName(!id->name.empty() ? id->name : id->englishName));
        p.idNumber = qs(hall::drivers::idcard::maskIdNumber(id->idNumber));
        p.cardType = qs(hall::drivers::idcard::cardTypeName(id->cardType));
    } else if (const auto* ss = session_.socialSecurityCard()) {
        p.name = qs(maskPersonName(ss->holderName));
        p.idNumber = qs(hall::drivers::idcard::maskIdNumber(ss->idNumber));
        p.cardType = QStringLiteral("social_security");
    } else if (const auto* code = session_.scannedCode()) {
        p.codeKind = qs(hall::drivers::scanner::codeKindName(code->classification.kind));
        p.bookingId = qs(code->classification.bookingId);
        p.issuerHost = qs(code->classification.issuerHost);
    }
    if (auto normal = normaliseIdNumber(session_.idNumber())) {
        p.hasPersonKey = true;
        hall::drivers::secureWipe(*normal);
    }
    return p;
}

QString IdentificationService::personKey(const QByteArray& hallSecret) const {
    if (session_.empty()) return {};
    const std::span<const std::uint8_t> secret(
        reinterpret_cast<const std::uint8_t*>(hallSecret.constData()),
        static_cast<std::size_t>(hallSecret.size()));
    if (secret.size() < kMinPersonKeySecret) {
        qCWarning(lcIdentification) << "personKey: the hall secret is shorter than"
                                    << kMinPersonKeySecret << "bytes; no key computed";
        return {};
    }
    return QString::fromStdString(hall::client::personKey(session_.idNumber(), secret));
}

void IdentificationService::wipeSession() {
    wipe(QStringLiteral("requested"));
}

void IdentificationService::wipe(const QString& reason) {
    const bool had = !session_.empty();
    session_.wipe();
    idleTimer_.stop();
    if (!had) return;
    qCInfo(lcIdentification).noquote() << "session wiped:" << reason;
    Q_EMIT sessionChanged();
    Q_EMIT sessionWiped(reason);
}

void IdentificationService::noteActivity() {
    restartIdleTimer();
}

void IdentificationService::restartIdleTimer() {
    if (session_.empty() || idleTimeoutMs_ == 0) return;
    idleTimer_.start();
}

void IdentificationService::setIdleTimeout(std::chrono::milliseconds timeout) {
    if (timeout.count() > std::numeric_limits<int>::max()) {
        qCWarning(lcIdentification) << "idle timeout" << timeout.count() << "ms refused: too long";
        return;
    }
    setIdleTimeoutMs(static_cast<int>(timeout.count()));
}

void IdentificationService::setIdleTimeoutMs(int ms) {
    if (ms < 0) {
        qCWarning(lcIdentification)
            << "idle timeout" << ms << "ms refused: must be 0 (off) or positive";
        return;
    }
    if (ms == idleTimeoutMs_) return;
    idleTimeoutMs_ = ms;
    if (ms == 0) {
        idleTimer_.stop();
    } else {
        idleTimer_.setInterval(ms);
        if (!session_.empty()) idleTimer_.start();
    }
    Q_EMIT idleTimeoutChanged();
}

} // namespace hall::client
