#pragma once
// The terminal's link to the hall controller (docs/protocol.md): WebSocket over TLS to
// wss://host:port/ws, one JSON text frame per message, encoded and decoded by the protocol codec.
//
// Trust: only a server certificate chained to the hall CA given in `caPem` is accepted (the
// system's CAs are not), and it must name `host` (the controller's certificate names localhost,
// 127.0.0.1 and every --host it was given).
//
// Life of a connection:
//   start() → connect → (enroll with the pending code, store the credential) → hello with the
//   stored credential → Online: the push stream starts at seq 1 with a snapshot; heartbeats
//   (protocol/link_limits.h) carry the faults the app reports; the outbox is replayed, one entry
//   at a time. A lost link (socket error, close, silence, handshake over 10 s) fails the requests
//   in flight with "connection_lost" and retries after ReconnectBackoff (0.5 s doubling to 30 s,
//   ±20 %). hello refused (unauthenticated: revoked or unknown credential) stops: Offline with
//   lastError, until a technician enrolls the device again.
//
// Every incoming message is bounded at 64 KiB (QWebSocket's message and frame limits); a larger
// one closes the connection (Qt answers 1009).

#include "shared/client/backend.h"
#include "shared/protocol/link_limits.h"
#include "shared/store/database.h"
#include "shared/terminal/outbox.h"
#include "shared/terminal/push_sequencer.h"
#include "shared/terminal/reconnect_backoff.h"
#include "shared/terminal/request_tracker.h"
#include "shared/terminal/terminal_identity.h"

#include <QAbstractSocket>
#include <QList>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslError>
#include <QTimer>
#include <QWebSocket>
#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace hall::client {

struct ClientTimings {
    std::chrono::milliseconds heartbeat{protocol::kHeartbeatInterval};
    std::chrono::milliseconds connectTimeout{10'000}; // TCP + TLS + WebSocket upgrade + hello
    std::chrono::milliseconds silenceLimit{protocol::kSilenceLimit}; // no frame at all: dead link
    std::chrono::milliseconds outboxRequestTimeout{10'000};
    std::chrono::milliseconds outboxRetryDelay{1'000}; // after internal / rate_limited / timeout
    BackoffPolicy backoff{};
};

class ControllerClient : public Backend {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString host READ host WRITE setHost NOTIFY settingsChanged)
    Q_PROPERTY(int port READ port WRITE setPort NOTIFY settingsChanged)
    Q_PROPERTY(QString caPem READ caPem WRITE setCaPem NOTIFY settingsChanged)
    Q_PROPERTY(QString dataDir READ dataDir WRITE setDataDir NOTIFY settingsChanged)
    Q_PROPERTY(bool enrolled READ enrolled NOTIFY identityChanged)
    Q_PROPERTY(QString lastError READ lastError NOTIFY lastErrorChanged)
    Q_PROPERTY(int resyncCount READ resyncCount NOTIFY resynced)

public:
    explicit ControllerClient(QObject* parent = nullptr);
    ~ControllerClient() override;

    QString host() const { return host_; }
    void setHost(const QString& host);
    int port() const { return port_; }
    void setPort(int port);
    QString caPem() const { return caPem_; }
    void setCaPem(const QString& pem);
    QString dataDir() const { return dataDir_; }
    // Opens (creating) the terminal's files there: device.credential, device.json and
    // terminal.db (outbox, number leases). When it cannot, lastError says why and the client
    // keeps no data directory (outbox() then throws std::logic_error, start() refuses).
    void setDataDir(const QString& dir);
    void setTimings(const ClientTimings& timings);

    bool enrolled() const { return identity_.has_value(); }
    QString lastError() const { return lastError_; }
    int resyncCount() const { return sequencer_.gapsSeen(); }

    // Connects and keeps connecting until stop(). Needs host, port, caPem and dataDir.
    Q_INVOKABLE void start();
    Q_INVOKABLE void stop();
    // Enrolls with a one-time code on a fresh connection (any current one is closed first),
    // stores the credential and identity, then says hello. enrolled() or enrollmentFailed().
    Q_INVOKABLE void enroll(const QString& code);

    std::string send(protocol::RequestBody body, ResponseHandler handler,
                     std::chrono::milliseconds timeout = kDefaultRequestTimeout) override;
    std::string sendDurable(protocol::RequestBody body) override;
    int outboxSize() const override;
    void fetchContent(const std::string& id, ContentHandler done) override;
    void uploadAttachment(core::TicketId ticket, const QString& kind, const QString& contentType,
                          const QByteArray& bytes, UploadHandler done) override;

    // `request` under its own id (a retry of a request whose answer was lost keeps its id).
    void sendRequest(protocol::Request request, ResponseHandler handler,
                     std::chrono::milliseconds timeout = kDefaultRequestTimeout);

    Outbox& outbox(); // setDataDir() first
    store::Database& database();
    // Something wrote to outbox() directly (LeasePool::issue): announce it and replay it.
    void outboxWritten();

    // Test hook: the next `count` pushes are discarded as if lost on the wire, so their seq
    // numbers show the gap the protocol's resync is for.
    void dropIncomingPushesForTesting(int count) { dropPushes_ = count; }

Q_SIGNALS:
    void settingsChanged();
    void lastErrorChanged();
    void enrolledAs(const QString& deviceName, const QString& role);
    void enrollmentFailed(const QString& code, const QString& message);
    void resynced(); // a gap was seen and get_snapshot asked

private:
    enum class Phase { Idle, Opening, Enrolling, Greeting, Online };

    void connectNow();
    void onConnected();
    void onDisconnected();
    void onSslErrors(const QList<QSslError>& errors);
    void onText(const QString& text);
    void onResponse(const protocol::Response& response);
    void onPush(const protocol::Push& push);
    void onHelloAnswered(const protocol::Response& response);
    void onEnrollAnswered(const protocol::Response& response);
    void sendHello();
    void sendHeartbeat();
    void requestSnapshot();
    void pumpOutbox();
    void onOutboxAnswered(const std::string& requestId, const protocol::Response& response);
    void sweep();
    void dropLink(const QString& why);
    void scheduleReconnect();
    void setLastError(const QString& error);
    bool sendFrame(const std::string& frame);
    void sendTracked(protocol::Request request, ResponseHandler handler,
                     std::chrono::milliseconds timeout);
    void failLater(ResponseHandler handler, protocol::Response response);

    QString host_ = QStringLiteral("localhost");
    int port_ = 0;
    QString caPem_;
    QString dataDir_;
    ClientTimings timings_;

    std::unique_ptr<TerminalIdentityStore> identityStore_;
    std::optional<TerminalIdentity> identity_;
    QNetworkAccessManager* network_ = nullptr;          // child, made at the first content fetch
    std::optional<QSslConfiguration> pinnedTls() const; // nullopt: the CA is not PEM
    // An HTTPS request to the controller with this device's credential, over the pinned hall
    // CA; nullopt while not enrolled or without an address or CA.
    std::optional<QNetworkRequest> httpsRequest(const QString& path, const QString& query = {});
    std::unique_ptr<store::Database> database_;
    std::unique_ptr<Outbox> outbox_;

    QPointer<QWebSocket> socket_;
    Phase phase_ = Phase::Idle;
    bool running_ = false;
    std::optional<QString> pendingEnrollCode_;
    QString lastError_;

    RequestTracker tracker_;
    PushSequencer sequencer_;
    ReconnectBackoff backoff_;
    SteadyTime lastFrameAt_{};
    SteadyTime connectDeadline_{};
    std::optional<std::string> outboxInFlight_;
    int dropPushes_ = 0;

    QTimer reconnectTimer_;
    QTimer heartbeatTimer_;
    QTimer sweepTimer_;
    QTimer outboxRetryTimer_;
};

} // namespace hall::client
