#pragma once
// The apps' one view of "who is at this terminal": the ID-card reader, the social-security card
// reader and the QR scanner merged into one stream of "person identified" / "identification
// failed (why)", plus the session that holds the person until it is wiped.
//
// Wiring (the app, from its config, on the service's thread):
//
//   IdentificationService ids;
//   ids.addDevice(std::make_unique<hall::drivers::idcard::IdCardReader>(
//       descriptor, port, opener, ids.eventSink(), ids.idCardHandler(), options));
//   ids.addDevice(std::make_unique<hall::drivers::smartcard::SmartCardReaderDevice>(
//       config, ids.eventSink(), ids.socialSecurityCardHandler()));
//   ids.addDevice(hall::drivers::scanner::makeSerialScanner(config, ids.codeHandler(),
//   ids.eventSink()));
//
// The drivers are built by the app because only it knows ports and settings; the service hands
// out the callbacks they need and then owns them: addDevice() starts a device, the destructor
// stops them all. One event sink serves every device (events name their device).
//
// Threads: drivers call these callbacks on their own worker threads. Each callback only moves
// its argument into a queued call to this object's thread (QMetaObject::invokeMethod,
// Qt::QueuedConnection) and returns: a worker is never blocked by the UI. The callbacks hold
// the service through a shared gate that the destructor closes, so a callback that outlives
// the service (a device the app kept) drops its record (which wipes itself) instead of touching
// a dead object. Everything else runs on the service's thread.
//
// The session: a record read from a card or a scanned code is moved into the
// session, never copied into a QString or QVariant; only masked fields (IdentifiedPerson) come
// out, and personKey() for issue_ticket. A second identification replaces the first (wiped).
// The session is wiped by wipeSession(), by idleTimeout without noteActivity() ("a kiosk left
// idle returns to its start screen and forgets the person"), and on destruction.
//
// Nothing here logs personal data: log lines (category "hall.identification") name devices,
// their states and the technician's messages, why a session was wiped, and refused settings.

#include "drivers/base/device.h"
#include "drivers/base/device_event.h"
#include "drivers/idcard/id_card_record.h"
#include "drivers/scanner/scanned_code.h"
#include "drivers/smartcard/sscard_record.h"
#include "shared/terminal/identification_session.h"
#include "shared/client/identified_person.h"
#include "shared/qt/thread_relay.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace hall::client {

class IdentificationService : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the app's terminal root creates the identification service")
    Q_PROPERTY(bool hasPerson READ hasPerson NOTIFY sessionChanged)
    Q_PROPERTY(hall::client::IdentifiedPerson person READ person NOTIFY sessionChanged)
    Q_PROPERTY(QVariantList devices READ devices NOTIFY devicesChanged)
    Q_PROPERTY(
        int idleTimeoutMs READ idleTimeoutMs WRITE setIdleTimeoutMs NOTIFY idleTimeoutChanged)

public:
    static constexpr std::chrono::milliseconds kDefaultIdleTimeout{120'000};

    // The same types as hall::drivers::idcard::CardHandler, SmartCardReaderDevice::RecordSink and
    // hall::drivers::scanner::CodeSink (checked in the .cpp), spelt out to keep this header light.
    using IdCardHandler = std::function<void(hall::drivers::idcard::IdCardRecord&&)>;
    using SocialSecurityCardHandler =
        std::function<void(hall::drivers::smartcard::SocialSecurityCardRecord&&)>;
    using CodeHandler = std::function<void(const hall::drivers::scanner::ScannedCode&)>;

    explicit IdentificationService(QObject* parent = nullptr);
    ~IdentificationService() override; // stops the devices, then wipes the session

    // Callbacks for the drivers' constructors; callable from any thread, any number of times.
    hall::drivers::DeviceEventSink eventSink() const;
    IdCardHandler idCardHandler() const;
    SocialSecurityCardHandler socialSecurityCardHandler() const;
    CodeHandler codeHandler() const;

    // Takes the device and starts it. Throws std::invalid_argument for a null device or an
    // instance id already added (nothing changes then).
    void addDevice(std::unique_ptr<hall::drivers::Device> device);
    // Stops and drops every device (the technician changed them); the session stays.
    void removeDevices();
    // The heartbeat faults (docs/protocol.md) of the devices that are lost now, once each.
    QStringList faults() const;

    bool hasPerson() const { return !session_.empty(); }
    IdentifiedPerson person() const; // empty source when nobody is identified

    // One map per device, in the order added, for the technician screen:
    //   id       instance id, "idcard.sam-serial@/dev/ttyUSB0"
    //   name     the model's display name
    //   kind     "ID-card reader", "smart-card reader", "QR / barcode scanner"
    //   source   the identification source it feeds ("id_card", ...)
    //   state    "starting" (no report yet), "opened", "lost", "back"
    //   online   state is "opened" or "back"
    //   errorCode, message   why it was lost (the technician's message); empty otherwise
    QVariantList devices() const;

    int idleTimeoutMs() const { return idleTimeoutMs_; }
    // 0 disables; a negative value (or one beyond int milliseconds) is refused: nothing changes.
    void setIdleTimeoutMs(int ms);
    void setIdleTimeout(std::chrono::milliseconds timeout);

    // The person key of docs/protocol.md for the session's ID number under the hall's secret
    // (person_key.h): 64 lowercase hex digits; empty when nobody is identified, the session holds
    // a scanned code, or the secret is shorter than kMinPersonKeySecret.
    Q_INVOKABLE QString personKey(const QByteArray& hallSecret) const;

    // C++ access to the full record, for code that must use a field in place (never copy it into
    // Qt types or logs).
    const IdentificationSession& session() const { return session_; }

public Q_SLOTS:
    // Forgets the person now. Emits sessionWiped("requested") and sessionChanged() when there was
    // one; harmless when there was not.
    void wipeSession();
    // The citizen did something (touched the screen): the idle countdown starts again. A card
    // placed, a failed read and a scan count as activity on their own.
    void noteActivity();

Q_SIGNALS:
    // A session now holds this person (replacing any earlier one).
    void personIdentified(const hall::client::IdentifiedPerson& person);
    // A read or scan failed. source: "id_card", "social_security_card", "qr_code"; code: the
    // driver's stable code ("read_failed", "misread", ...) or "unrecognised_code";
    // citizenMessage: a short zh-CN instruction for the citizen's screen; technicianMessage: the
    // driver's message, for the technician screen and logs only.
    void identificationFailed(const QString& source, const QString& code,
                              const QString& citizenMessage, const QString& technicianMessage);
    // A card was put on / into a reader and is being read ("please hold still").
    void readingStarted(const QString& source);
    // A device reported itself: state "opened", "lost" or "back".
    void deviceStatusChanged(const QString& device, const QString& state);
    void devicesChanged();
    // The session was emptied: reason "requested" (wipeSession) or "idle" (the idle timeout).
    void sessionWiped(const QString& reason);
    void sessionChanged();
    void idleTimeoutChanged();

private:
    struct DeviceEntry {
        std::unique_ptr<hall::drivers::Device> device;
        QString state; // see devices()
        QString errorCode;
        QString message;
    };

    void onEvent(const hall::drivers::DeviceEvent& event);
    void onIdCard(hall::drivers::idcard::IdCardRecord&& record);
    void onSocialSecurityCard(hall::drivers::smartcard::SocialSecurityCardRecord&& record);
    void onCode(hall::drivers::scanner::ScannedCode&& code);
    void identified();
    void wipe(const QString& reason);
    void restartIdleTimer();
    DeviceEntry* findDevice(const std::string& instanceId);

    std::shared_ptr<qt::ThreadRelay<IdentificationService>> gate_;
    std::vector<DeviceEntry> devices_;
    IdentificationSession session_;
    QTimer idleTimer_;
    int idleTimeoutMs_ = static_cast<int>(kDefaultIdleTimeout.count());
};

} // namespace hall::client
