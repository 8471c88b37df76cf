#pragma once
// The one API every screen talks to, whether a controller is there or not: ControllerClient
// (the real link) and MockBackend (an in-memory engine on the demo hall) both implement it, so
// screens and their tests run with no controller.
//
//   send()         a request → its response (or a local refusal: timeout, offline, …)
//   sendDurable()  a request that must not be lost: through the outbox, answered later by
//                  durableAnswered(); the id it returns is the request id
//   state()        the hall as known: snapshot + in-order pushes (HallState); snapshotReplaced
//                  and pushApplied say when it changed (the models listen to these)
//   connection     connectionState / offlineSince, for the UI's "online / reconnecting /
//                  offline since …"
//   faults         the device faults the app reports (paper low, reader unplugged, …): sent
//                  with every heartbeat and shown by the device-health model
//   personKeySecret  the hall's person-key secret, C++ only (see below)

#include "shared/protocol/messages.h"
#include "shared/terminal/hall_state.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hall::client {

class Backend : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Backend is an interface: create a ControllerClient or a MockBackend")
    Q_PROPERTY(ConnectionState connectionState READ connectionState NOTIFY connectionStateChanged)
    // The same state as Hall.Ui's OfflineBanner names it ("online", "connecting",
    // "reconnecting", "offline"): screens bind `connectionState: backend.connectionStateName`.
    Q_PROPERTY(QString connectionStateName READ connectionStateName NOTIFY connectionStateChanged)
    Q_PROPERTY(bool online READ online NOTIFY connectionStateChanged)
    // Invalid while online; otherwise when the link was lost (or the client started).
    Q_PROPERTY(QDateTime offlineSince READ offlineSince NOTIFY connectionStateChanged)
    Q_PROPERTY(QString deviceName READ deviceName NOTIFY identityChanged)
    Q_PROPERTY(QString role READ role NOTIFY identityChanged)
    Q_PROPERTY(int window READ window NOTIFY identityChanged)
    // The hall's name from its configuration (last snapshot); empty before the first.
    Q_PROPERTY(QString hallName READ hallName NOTIFY snapshotReplaced)
    // What a ticket machine groups services by (departments, else zones): [{"id","name",
    // "nameEn"}], in configuration order; a ServicesModel's `group` takes the id.
    Q_PROPERTY(QVariantList serviceGroups READ serviceGroups NOTIFY snapshotReplaced)
    Q_PROPERTY(int outboxSize READ outboxSize NOTIFY outboxChanged)
    Q_PROPERTY(QStringList faults READ faults WRITE setFaults NOTIFY faultsChanged)

public:
    enum class ConnectionState {
        Offline,      // not connected and not trying (stopped, not enrolled, credential refused)
        Connecting,   // first attempt since start()
        Online,       // hello answered: requests go out, pushes come in
        Reconnecting, // the link was lost; retrying with backoff
    };
    Q_ENUM(ConnectionState)

    using ResponseHandler = std::function<void(const protocol::Response&)>;
    static constexpr std::chrono::milliseconds kDefaultRequestTimeout{10'000};

    explicit Backend(QObject* parent = nullptr);
    ~Backend() override; // wipes the person-key secret

    // Sends `body` under a fresh id; `handler` gets exactly one call, on this object's thread and
    // never from inside send(). Returns the id.
    virtual std::string send(protocol::RequestBody body, ResponseHandler handler,
                             std::chrono::milliseconds timeout = kDefaultRequestTimeout) = 0;
    // Writes `body` to the outbox under a fresh id and returns the id once it is durable; the
    // answer comes by durableAnswered(id, …). Throws OutboxFull (nothing written) when full,
    // and store::StoreError (nothing written either) when terminal.db refuses the write.
    virtual std::string sendDurable(protocol::RequestBody body) = 0;
    // A signage file by its id (protocol/signage.h): the controller's GET /content/<id> with
    // this device's credential, the mock's own files. `done` gets the bytes as they came (the
    // caller checks them against the id), or nullopt when they could not be had now (offline,
    // unknown id); once, on this object's thread, never from inside fetchContent().
    using ContentHandler = std::function<void(std::optional<QByteArray>)>;
    virtual void fetchContent(const std::string& id, ContentHandler done) = 0;
    // A citizen's signature (`kind` "signature", image/png) or scanned pages ("scan",
    // application/pdf) for a ticket: the controller's POST /api/v1/tickets/<id>/attachments with
    // this device's credential, which files it with the hall's case system. Personal data, so
    // online only — never in the outbox or on this box's disk: `done(false, "offline")` at once
    // when the link is down, and the screen asks again. `done` gets whether it was stored and
    // else the controller's error code ("unknown_ticket", "forbidden", "bad_content", …, or
    // "network"); once, on this object's thread, never from inside uploadAttachment().
    using UploadHandler = std::function<void(bool stored, const QString& code)>;
    virtual void uploadAttachment(core::TicketId ticket, const QString& kind,
                                  const QString& contentType, const QByteArray& bytes,
                                  UploadHandler done) = 0;

    // The technician menu's audit trail (docs/protocol.md, "Technician audit"): `action` is a
    // protocol name (menu_opened, pin_rejected, locked_out, setting_changed, device_tested,
    // log_exported, app_restarted, enrolled); `detail` never holds a PIN, a name or an ID
    // number. Through the outbox, stamped with the device's clock now. Returns the request id,
    // or an empty string (and a warning) for an unknown action, a detail over 1,024 bytes, a
    // full outbox or a disk that refused the write; nothing is written then.
    Q_INVOKABLE QString auditTechnician(const QString& action, const QString& detail = {});

    ConnectionState connectionState() const { return state_; }
    QString connectionStateName() const { return nameOf(state_); }
    static QString nameOf(ConnectionState state);
    bool online() const { return state_ == ConnectionState::Online; }
    QDateTime offlineSince() const { return offlineSince_; }
    QString deviceName() const { return deviceName_; }
    QString role() const { return role_; }
    // The window the device was enrolled for (a window pad's, an LED box's); 0 when none.
    int window() const { return window_; }
    QString hallName() const { return QString::fromStdString(hall_.snapshot().hall.name); }
    virtual int outboxSize() const { return 0; }

    const HallState& state() const { return hall_; }
    // A service's name from the hall's configuration in the last snapshot, in Chinese or
    // English (the Chinese one when the hall gave no English); empty for an unknown service.
    QString serviceName(const std::string& serviceId, bool english = false) const;
    Q_INVOKABLE QString serviceNameOf(const QString& serviceId, bool english) const {
        return serviceName(serviceId.toStdString(), english);
    }
    // Which way a window lies as seen from this terminal, from the last snapshot: {"arrow",
    // "zh", "en"} (protocol names), empty when the hall gave none. The models' `direction` role
    // and the board's spotlight carry it; Hall.Callstation's DirectionHint shows it.
    QVariantMap directionOf(int window) const;
    QVariantList serviceGroups() const;

    // Faults by protocol name (protocol::faultName); unknown names are ignored with a warning.
    // Each part of the app that drives devices (the identification devices, a printer) reports
    // its own with setFaultsOf, replacing what it reported before; faults() and the heartbeat
    // carry them all, once each. setFaults is the app's own (reporter "").
    QStringList faults() const;
    void setFaults(const QStringList& faults) { setFaultsOf({}, faults); }
    void setFaultsOf(const QString& reporter, const QStringList& faults);
    const std::vector<protocol::DeviceFault>& deviceFaults() const { return faults_; }

    // The hall's person-key secret (32 bytes): the key IdentificationService::personKey() hashes
    // an ID number under. Present once the controller gave it (in the hello result, only to
    // ticket machines, kiosks and window pads); MockBackend holds a fixed demo secret. Kept in
    // memory only — never written to the data directory, never logged, not a QML property —
    // and overwritten when replaced or destroyed. Returns a copy: callers keep it briefly.
    std::optional<QByteArray> personKeySecret() const;

Q_SIGNALS:
    void connectionStateChanged();
    void identityChanged();
    void faultsChanged();
    void outboxChanged();
    void snapshotReplaced();
    // After `body` was applied to state() (calls included, which change no state).
    void pushApplied(const hall::protocol::PushBody& body);
    // An outbox request was answered: ok, or refused for good (code/message from the server).
    void durableAnswered(const QString& requestId, bool ok, const QString& code,
                         const QString& message);
    // The same answer in full, for C++ callers that need the result (the ticket an offline
    // issue became); emitted just before durableAnswered.
    void durableResponded(const hall::protocol::Response& response);
    // personKeySecret() arrived, changed or went away (it carries no value: QML sees none).
    void personKeySecretChanged();

protected:
    void setConnectionState(ConnectionState state);
    void setIdentity(const std::optional<protocol::DeviceIdentity>& identity); // nullopt: none yet
    void replaceSnapshot(protocol::Snapshot snapshot);
    void applyPush(const protocol::PushBody& body);
    // Replaces the secret (the old bytes are overwritten); nullopt forgets it. Emits
    // personKeySecretChanged() only when it differs.
    void setPersonKeySecret(std::optional<std::string> secret);

private:
    ConnectionState state_ = ConnectionState::Offline;
    QDateTime offlineSince_ = QDateTime::currentDateTimeUtc();
    QString deviceName_;
    QString role_;
    int window_ = 0;
    HallState hall_;
    std::map<QString, QStringList> faultsBy_;   // by reporter
    std::vector<protocol::DeviceFault> faults_; // their union
    // A std::string, not a QByteArray: implicit sharing would leave copies the wipe cannot reach.
    std::optional<std::string> personKeySecret_;
};

// Fresh request ids: a per-process random prefix and a counter, so ids never repeat across
// restarts (the controller remembers every id it answered, per device, durably).
std::string newRequestId();

} // namespace hall::client
