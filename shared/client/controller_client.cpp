#include "shared/client/controller_client.h"

#include "shared/protocol/codec.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrl>

Q_LOGGING_CATEGORY(lcClient, "hall.client.controller")

namespace hall::client {

using namespace std::chrono_literals;

namespace {

SteadyTime steadyNow() {
    return std::chrono::steady_clock::now();
}

std::int64_t wallNowMs() {
    return QDateTime::currentMSecsSinceEpoch();
}

const protocol::Error* errorOf(const protocol::Response& response) {
    return response.ok() ? nullptr : &std::get<protocol::Error>(response.outcome);
}

// The hello result's person_key_secret as bytes: the codec already refused any shape but 64
// lowercase hex digits, so every pair is a byte.
std::string secretBytes(const std::string& hex) {
    const auto nibble = [](char c) { return c <= '9' ? c - '0' : c - 'a' + 10; };
    std::string bytes(hex.size() / 2, '\0');
    for (std::size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<char>(nibble(hex[2 * i]) << 4 | nibble(hex[2 * i + 1]));
    return bytes;
}

} // namespace

ControllerClient::ControllerClient(QObject* parent) : Backend(parent) {
    reconnectTimer_.setSingleShot(true);
    connect(&reconnectTimer_, &QTimer::timeout, this, &ControllerClient::connectNow);
    connect(&heartbeatTimer_, &QTimer::timeout, this, &ControllerClient::sendHeartbeat);
    // Deadlines of requests, the handshake and the silence limit are checked here, a few times
    // a second: precise enough for timeouts counted in seconds.
    sweepTimer_.setInterval(100);
    connect(&sweepTimer_, &QTimer::timeout, this, &ControllerClient::sweep);
    outboxRetryTimer_.setSingleShot(true);
    connect(&outboxRetryTimer_, &QTimer::timeout, this, &ControllerClient::pumpOutbox);
    // A fault appearing or clearing is reported at once, not at the next beat.
    connect(this, &Backend::faultsChanged, this, [this] {
        if (phase_ == Phase::Online) sendHeartbeat();
    });
}

ControllerClient::~ControllerClient() {
    running_ = false;
    if (socket_) {
        socket_->disconnect(this);
        socket_->abort();
        delete socket_;
    }
}

void ControllerClient::setHost(const QString& host) {
    if (host == host_) return;
    host_ = host;
    Q_EMIT settingsChanged();
}

void ControllerClient::setPort(int port) {
    if (port == port_) return;
    if (port < 0 || port > 65535) {
        setLastError(QStringLiteral("port out of range: %1").arg(port));
        return;
    }
    port_ = port;
    Q_EMIT settingsChanged();
}

void ControllerClient::setCaPem(const QString& pem) {
    if (pem == caPem_) return;
    caPem_ = pem;
    Q_EMIT settingsChanged();
}

void ControllerClient::setDataDir(const QString& dir) {
    if (dir == dataDir_ && database_) return;
    if (running_) stop(); // the files of a running link are not swapped under it
    // Set from QML too, where an exception cannot pass: a failure is lastError, and the client
    // stays without a data directory (start() then refuses).
    try {
        if (!QDir().mkpath(dir)) throw std::runtime_error("cannot create the data directory");
        const std::filesystem::path path(dir.toStdString());
        auto identityStore = std::make_unique<TerminalIdentityStore>(path);
        auto identity = identityStore->load();
        auto database =
            std::make_unique<store::Database>(store::Database::open(path / "terminal.db"));
        auto outbox = std::make_unique<Outbox>(*database);
        outbox_.reset();
        database_ = std::move(database);
        outbox_ = std::move(outbox);
        identityStore_ = std::move(identityStore);
        identity_ = std::move(identity);
    } catch (const std::exception& e) {
        qCWarning(lcClient) << "data directory unusable:" << e.what();
        setLastError(QStringLiteral("data directory unusable: ") + QString::fromUtf8(e.what()));
        return;
    }
    dataDir_ = dir;
    setIdentity(identity_ ? std::optional(identity_->device) : std::nullopt);
    Q_EMIT settingsChanged();
    Q_EMIT outboxChanged();
}

void ControllerClient::setTimings(const ClientTimings& timings) {
    timings_ = timings;
    backoff_ = ReconnectBackoff(timings.backoff);
}

Outbox& ControllerClient::outbox() {
    if (!outbox_) throw std::logic_error("ControllerClient: no data directory set");
    return *outbox_;
}

store::Database& ControllerClient::database() {
    if (!database_) throw std::logic_error("ControllerClient: no data directory set");
    return *database_;
}

int ControllerClient::outboxSize() const {
    return outbox_ ? static_cast<int>(outbox_->size()) : 0;
}

void ControllerClient::setLastError(const QString& error) {
    if (error == lastError_) return;
    lastError_ = error;
    Q_EMIT lastErrorChanged();
}

// --- connection life -----------------------------------------------------------------------

void ControllerClient::start() {
    if (running_) return;
    if (!database_) {
        setLastError(QStringLiteral("no data directory"));
        return;
    }
    if (!identity_ && !pendingEnrollCode_) {
        setLastError(QStringLiteral("not enrolled: enter an enrollment code"));
        setConnectionState(ConnectionState::Offline);
        return;
    }
    running_ = true;
    backoff_.reset();
    sweepTimer_.start();
    setConnectionState(ConnectionState::Connecting);
    connectNow();
}

void ControllerClient::stop() {
    running_ = false;
    reconnectTimer_.stop();
    if (socket_) dropLink(QStringLiteral("stopped"));
    sweepTimer_.stop();
    setConnectionState(ConnectionState::Offline);
}

void ControllerClient::enroll(const QString& code) {
    if (!database_) {
        Q_EMIT enrollmentFailed(QStringLiteral("no_data_dir"), QStringLiteral("no data directory"));
        return;
    }
    pendingEnrollCode_ = code.trimmed();
    // enroll is only accepted before authentication: a fresh connection.
    if (socket_) {
        const bool wasRunning = running_;
        running_ = false;
        dropLink(QStringLiteral("enrolling again"));
        running_ = wasRunning;
    }
    if (!running_) {
        start();
        return;
    }
    reconnectTimer_.stop();
    connectNow();
}

std::optional<QSslConfiguration> ControllerClient::pinnedTls() const {
    const auto authorities = QSslCertificate::fromData(caPem_.toUtf8(), QSsl::Pem);
    if (authorities.isEmpty()) return std::nullopt;
    // Pinning: setCaCertificates replaces the trust store (and turns off on-demand loading of
    // the system roots), so only the hall CA can vouch for the server.
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(authorities);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    return tls;
}

std::optional<QNetworkRequest> ControllerClient::httpsRequest(const QString& path,
                                                              const QString& query) {
    const auto tls = pinnedTls();
    if (!identity_ || port_ <= 0 || !tls) return std::nullopt;
    if (!network_) network_ = new QNetworkAccessManager(this);
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(host_);
    url.setPort(port_);
    url.setPath(path);
    if (!query.isEmpty()) url.setQuery(query);
    QNetworkRequest request(url);
    request.setSslConfiguration(*tls);
    request.setRawHeader("Authorization",
                         "Bearer " + QByteArray::fromStdString(identity_->credential));
    request.setTransferTimeout(static_cast<int>(timings_.connectTimeout.count()) * 4);
    return request;
}

void ControllerClient::fetchContent(const std::string& id, ContentHandler done) {
    const auto request = httpsRequest(QStringLiteral("/content/") + QString::fromStdString(id));
    if (!request) {
        QMetaObject::invokeMethod(
            this, [done] { done(std::nullopt); }, Qt::QueuedConnection);
        return;
    }
    QNetworkReply* reply = network_->get(*request);
    reply->setReadBufferSize(0);
    connect(reply, &QNetworkReply::finished, this, [reply, done] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() != QNetworkReply::NoError || status != 200) {
            qCInfo(lcClient) << "content" << reply->url().path()
                             << "not fetched:" << reply->errorString();
            return done(std::nullopt);
        }
        done(reply->readAll());
    });
}

void ControllerClient::uploadAttachment(core::TicketId ticket, const QString& kind,
                                        const QString& contentType, const QByteArray& bytes,
                                        UploadHandler done) {
    auto request = online()
                       ? httpsRequest(QStringLiteral("/api/v1/tickets/%1/attachments").arg(ticket),
                                      QStringLiteral("kind=") + kind)
                       : std::nullopt;
    if (!request) {
        QMetaObject::invokeMethod(
            this, [done] { done(false, QStringLiteral("offline")); }, Qt::QueuedConnection);
        return;
    }
    request->setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    QNetworkReply* reply = network_->post(*request, bytes);
    connect(reply, &QNetworkReply::finished, this, [reply, done] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 200 || status == 201) return done(true, {}); // 201: stored as a new one
        // The controller's refusal names its code; no status at all is the network's fault.
        const auto body = QJsonDocument::fromJson(reply->readAll()).object();
        QString code =
            body.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
        if (code.isEmpty()) code = QStringLiteral("network");
        qCInfo(lcClient) << "attachment not stored:" << status << code;
        done(false, code);
    });
}

void ControllerClient::connectNow() {
    if (!running_ || socket_) return;
    if (port_ <= 0 || caPem_.isEmpty()) {
        setLastError(QStringLiteral("controller address or hall CA not configured"));
        scheduleReconnect();
        return;
    }
    const auto tls = pinnedTls();
    if (!tls) {
        setLastError(QStringLiteral("the hall CA is not a PEM certificate"));
        running_ = false;
        setConnectionState(ConnectionState::Offline);
        return;
    }

    auto* socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    socket->setSslConfiguration(*tls);
    socket->setMaxAllowedIncomingMessageSize(protocol::kMaxFrameBytes);
    socket->setMaxAllowedIncomingFrameSize(protocol::kMaxFrameBytes);
    connect(socket, &QWebSocket::connected, this, &ControllerClient::onConnected);
    connect(socket, &QWebSocket::disconnected, this, &ControllerClient::onDisconnected);
    connect(socket, &QWebSocket::textMessageReceived, this, &ControllerClient::onText);
    connect(socket, &QWebSocket::binaryMessageReceived, this,
            [this] { dropLink(QStringLiteral("the controller sent a binary frame")); });
    connect(socket, &QWebSocket::sslErrors, this, &ControllerClient::onSslErrors);
    connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
            [this, socket](QAbstractSocket::SocketError error) {
                // A failed handshake was already explained, certificate by certificate.
                if (socket == socket_ && error != QAbstractSocket::SslHandshakeFailedError)
                    setLastError(socket->errorString());
            });
    socket_ = socket;
    phase_ = Phase::Opening;
    connectDeadline_ = steadyNow() + timings_.connectTimeout;
    QUrl url;
    url.setScheme(QStringLiteral("wss"));
    url.setHost(host_);
    url.setPort(port_);
    url.setPath(QStringLiteral("/ws"));
    qCInfo(lcClient) << "connecting to" << url.toString();
    socket->open(QNetworkRequest(url));
}

void ControllerClient::onSslErrors(const QList<QSslError>& errors) {
    // Never ignored: a certificate the hall CA did not sign, or one for another host, ends the
    // attempt (the socket then reports the failure and disconnects).
    QStringList texts;
    for (const auto& error : errors)
        texts << error.errorString();
    setLastError(QStringLiteral("TLS: ") + texts.join(QStringLiteral("; ")));
    qCWarning(lcClient) << "refusing the controller's certificate:" << texts;
}

void ControllerClient::onConnected() {
    lastFrameAt_ = steadyNow();
    if (pendingEnrollCode_) {
        phase_ = Phase::Enrolling;
        const std::string code = pendingEnrollCode_->toStdString();
        sendTracked(
            protocol::Request{newRequestId(), protocol::Enroll{code}},
            [this](const protocol::Response& r) { onEnrollAnswered(r); }, timings_.connectTimeout);
        return;
    }
    sendHello();
}

void ControllerClient::sendHello() {
    if (!identity_) {
        running_ = false;
        dropLink(QStringLiteral("not enrolled"));
        return;
    }
    phase_ = Phase::Greeting;
    sendTracked(
        protocol::Request{newRequestId(),
                          protocol::Hello{identity_->credential, {protocol::kVersion}}},
        [this](const protocol::Response& r) { onHelloAnswered(r); }, timings_.connectTimeout);
}

void ControllerClient::onEnrollAnswered(const protocol::Response& response) {
    pendingEnrollCode_.reset();
    if (const auto* error = errorOf(response)) {
        Q_EMIT enrollmentFailed(QString::fromStdString(error->code),
                                QString::fromStdString(error->message));
        setLastError(QStringLiteral("enrollment refused: ") + QString::fromStdString(error->code));
        if (!identity_) {
            running_ = false;
            dropLink(QStringLiteral("enrollment refused"));
            return;
        }
        // A device enrolled before keeps its old credential.
        sendHello();
        return;
    }
    const auto* result = std::get_if<protocol::EnrollResult>(&std::get<0>(response.outcome));
    if (!result) {
        dropLink(QStringLiteral("enroll answered with another result"));
        return;
    }
    TerminalIdentity identity{result->credential, result->identity};
    try {
        identityStore_->save(identity);
    } catch (const std::exception& e) {
        Q_EMIT enrollmentFailed(QStringLiteral("storage"), QString::fromUtf8(e.what()));
        running_ = false;
        dropLink(QStringLiteral("cannot store the credential"));
        return;
    }
    identity_ = std::move(identity);
    const QString name = QString::fromStdString(identity_->device.device);
    const QString role = QString::fromUtf8(protocol::roleName(identity_->device.role).data());
    setIdentity(identity_->device);
    qCInfo(lcClient) << "enrolled as" << name << role;
    Q_EMIT enrolledAs(name, role);
    sendHello();
}

void ControllerClient::onHelloAnswered(const protocol::Response& response) {
    if (const auto* error = errorOf(response)) {
        if (error->code == "unauthenticated" || error->code == "unsupported_version") {
            // Revoked, replaced or unknown credential: retrying cannot help.
            setLastError(QStringLiteral("hello refused: ") + QString::fromStdString(error->code));
            running_ = false;
            dropLink(QStringLiteral("hello refused"));
            setConnectionState(ConnectionState::Offline);
            return;
        }
        dropLink(QStringLiteral("hello failed: ") + QString::fromStdString(error->code));
        return;
    }
    // Every hello answer says whether this role holds the hall's person-key secret: kept in
    // memory (Backend wipes the old bytes), never logged, never stored.
    if (const auto* hello = std::get_if<protocol::HelloResult>(
            &std::get<protocol::ResponseResult>(response.outcome))) {
        if (hello->personKeySecret)
            setPersonKeySecret(secretBytes(*hello->personKeySecret));
        else
            setPersonKeySecret(std::nullopt);
    }
    phase_ = Phase::Online;
    backoff_.reset();
    sequencer_.restart();
    setLastError({});
    setConnectionState(ConnectionState::Online);
    heartbeatTimer_.start(static_cast<int>(timings_.heartbeat.count()));
    sendHeartbeat();
    pumpOutbox();
}

void ControllerClient::onDisconnected() {
    auto* socket = qobject_cast<QWebSocket*>(sender());
    if (socket != socket_) return; // an old socket finishing its close
    dropLink(socket ? socket->closeReason() : QString());
}

void ControllerClient::dropLink(const QString& why) {
    if (socket_) {
        QWebSocket* socket = socket_;
        socket_ = nullptr;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
    const bool wasOnline = phase_ == Phase::Online;
    phase_ = Phase::Idle;
    heartbeatTimer_.stop();
    outboxRetryTimer_.stop();
    outboxInFlight_.reset();
    if (!why.isEmpty()) qCInfo(lcClient) << "link dropped:" << why;
    if (wasOnline && lastError_.isEmpty()) setLastError(why);
    // Handlers may start new requests (which fail as offline): take them all first.
    auto failed = tracker_.failAll("connection_lost", "the link to the controller was lost");
    for (auto& [handler, response] : failed)
        if (handler) handler(response);
    if (running_)
        scheduleReconnect();
    else
        setConnectionState(ConnectionState::Offline);
}

void ControllerClient::scheduleReconnect() {
    if (!running_ || reconnectTimer_.isActive()) return;
    setConnectionState(ConnectionState::Reconnecting);
    const auto delay = backoff_.next();
    reconnectTimer_.start(static_cast<int>(delay.count()));
}

void ControllerClient::sweep() {
    const auto now = steadyNow();
    for (auto& [handler, response] : tracker_.expire(now))
        if (handler) handler(response);
    if (!socket_) return;
    if (phase_ != Phase::Online && now > connectDeadline_) {
        setLastError(QStringLiteral("no answer from the controller within the connect timeout"));
        dropLink(QStringLiteral("connect timeout"));
    } else if (phase_ == Phase::Online && now - lastFrameAt_ > timings_.silenceLimit) {
        dropLink(QStringLiteral("the controller went silent"));
    }
}

// --- frames ----------------------------------------------------------------------------------

bool ControllerClient::sendFrame(const std::string& frame) {
    if (!socket_) return false;
    socket_->sendTextMessage(QString::fromStdString(frame));
    return true;
}

void ControllerClient::failLater(ResponseHandler handler, protocol::Response response) {
    QTimer::singleShot(0, this, [handler = std::move(handler), response = std::move(response)] {
        if (handler) handler(response);
    });
}

void ControllerClient::sendTracked(protocol::Request request, ResponseHandler handler,
                                   std::chrono::milliseconds timeout) {
    const auto type = request.type();
    if (!socket_ || !tracker_.add(request.id, type, steadyNow() + timeout, handler)) {
        failLater(
            std::move(handler),
            localRefusal(request.id, type, socket_ ? "duplicate_id" : "offline",
                         socket_ ? "this id is already in flight" : "no link to the controller"));
        return;
    }
    sendFrame(protocol::encodeRequest(request));
}

void ControllerClient::sendRequest(protocol::Request request, ResponseHandler handler,
                                   std::chrono::milliseconds timeout) {
    if (phase_ != Phase::Online) {
        const auto type = request.type();
        failLater(std::move(handler),
                  localRefusal(request.id, type, "offline", "no link to the controller"));
        return;
    }
    sendTracked(std::move(request), std::move(handler), timeout);
}

std::string ControllerClient::send(protocol::RequestBody body, ResponseHandler handler,
                                   std::chrono::milliseconds timeout) {
    protocol::Request request{newRequestId(), std::move(body)};
    std::string id = request.id;
    sendRequest(std::move(request), std::move(handler), timeout);
    return id;
}

void ControllerClient::onText(const QString& text) {
    lastFrameAt_ = steadyNow();
    const std::string frame = text.toStdString();
    // Responses and pushes share the stream; the envelope's type tells them apart, and each
    // decoder refuses the other's frames.
    auto response = protocol::decodeResponse(frame);
    if (response) {
        onResponse(response.value());
        return;
    }
    auto push = protocol::decodePush(frame);
    if (push) {
        onPush(push.value());
        return;
    }
    qCWarning(lcClient) << "dropping a frame that is neither a response nor a push:"
                        << QString::fromStdString(push.error().message);
}

void ControllerClient::onResponse(const protocol::Response& response) {
    if (response.id.empty()) {
        // Only a frame the server could not read at all has no id (too_large): nothing of ours.
        qCWarning(lcClient) << "the controller refused an unreadable frame";
        return;
    }
    auto handler = tracker_.take(response.id);
    if (!handler) return; // given up after a timeout; the outbox retries under the same id
    if (*handler) (*handler)(response);
}

void ControllerClient::onPush(const protocol::Push& push) {
    if (phase_ != Phase::Online) return;
    if (dropPushes_ > 0) {
        --dropPushes_;
        return;
    }
    switch (sequencer_.onPush(push)) {
    case PushSequencer::Verdict::Apply:
        applyPush(push.body);
        break;
    case PushSequencer::Verdict::Ignore:
        break;
    case PushSequencer::Verdict::RequestSnapshot:
        qCInfo(lcClient) << "push stream gap at seq" << push.seq << "after" << sequencer_.lastSeq()
                         << ": resyncing";
        Q_EMIT resynced();
        requestSnapshot();
        break;
    }
}

void ControllerClient::requestSnapshot() {
    send(protocol::GetSnapshot{}, [this](const protocol::Response& response) {
        if (response.ok()) {
            if (const auto* result =
                    std::get_if<protocol::SnapshotResult>(&std::get<0>(response.outcome))) {
                sequencer_.onSnapshotResult(result->seq);
                replaceSnapshot(result->snapshot);
                return;
            }
        }
        sequencer_.onSnapshotFailed();
        // Ask again soon while the link lives; a new link brings its own snapshot anyway.
        if (phase_ == Phase::Online)
            QTimer::singleShot(timings_.outboxRetryDelay, this, [this] {
                if (phase_ == Phase::Online && sequencer_.awaitingSnapshot()) requestSnapshot();
            });
    });
}

void ControllerClient::sendHeartbeat() {
    if (phase_ != Phase::Online) return;
    send(protocol::Heartbeat{deviceFaults()}, [](const protocol::Response& response) {
        if (const auto* error = errorOf(response))
            qCInfo(lcClient) << "heartbeat not answered:" << QString::fromStdString(error->code);
    });
}

// --- outbox ----------------------------------------------------------------------------------

std::string ControllerClient::sendDurable(protocol::RequestBody body) {
    protocol::Request request{newRequestId(), std::move(body)};
    outbox().enqueue(request, wallNowMs()); // durable before anything goes out
    outboxWritten();
    return request.id;
}

void ControllerClient::outboxWritten() {
    Q_EMIT outboxChanged();
    QTimer::singleShot(0, this, &ControllerClient::pumpOutbox);
}

void ControllerClient::pumpOutbox() {
    if (phase_ != Phase::Online || outboxInFlight_ || outboxRetryTimer_.isActive() || !outbox_)
        return;
    auto entry = outbox_->front();
    if (!entry) return;
    // One at a time: the next entry goes out only once this one is answered, so the controller
    // sees them in the order they were written (offline tickets join in issue-time order).
    outboxInFlight_ = entry->requestId;
    const std::string id = entry->requestId;
    tracker_.add(
        id, entry->type, steadyNow() + timings_.outboxRequestTimeout,
        [this, id](const protocol::Response& response) { onOutboxAnswered(id, response); });
    sendFrame(entry->frame);
}

void ControllerClient::onOutboxAnswered(const std::string& requestId,
                                        const protocol::Response& response) {
    if (outboxInFlight_ == requestId) outboxInFlight_.reset();
    const auto* error = errorOf(response);
    const bool definitive = !error || Outbox::isDefinitive(error->code);
    try {
        if (!error)
            outbox_->complete(requestId);
        else if (definitive)
            outbox_->refuse(requestId, error->code, error->message, wallNowMs());
        else
            outbox_->noteAttempt(requestId, error->code);
    } catch (const store::StoreError& e) {
        // terminal.db refused to record the answer (an I/O error, a full disk): the entry stays
        // first in line and goes again under its id, which the controller answers with its
        // first answer, changing nothing. The app hears the answer once it is recorded.
        qCWarning(lcClient) << "outbox answer not recorded:" << e.what();
        if (phase_ == Phase::Online)
            outboxRetryTimer_.start(static_cast<int>(timings_.outboxRetryDelay.count()));
        return;
    }
    if (!definitive) {
        // The entry stays first in line; a lost link replays it after the next hello.
        if (error->code != "connection_lost" && phase_ == Phase::Online)
            outboxRetryTimer_.start(static_cast<int>(timings_.outboxRetryDelay.count()));
        return;
    }
    Q_EMIT durableResponded(response);
    Q_EMIT outboxChanged();
    if (!error) {
        Q_EMIT durableAnswered(QString::fromStdString(requestId), true, {}, {});
    } else {
        qCWarning(lcClient) << "outbox request refused:" << QString::fromStdString(error->code);
        Q_EMIT durableAnswered(QString::fromStdString(requestId), false,
                               QString::fromStdString(error->code),
                               QString::fromStdString(error->message));
    }
    QTimer::singleShot(0, this, &ControllerClient::pumpOutbox);
}

} // namespace hall::client
