#include "shared/client/backend.h"

#include "shared/terminal/outbox.h"

#include <QLoggingCategory>
#include <atomic>
#include <cstdio>
#include <random>

Q_LOGGING_CATEGORY(lcBackend, "hall.client")

namespace hall::client {

namespace {

// Overwrites the bytes through a volatile pointer, so the compiler cannot drop the stores as
// dead writes to memory about to be freed.
void wipe(std::string& bytes) {
    volatile char* p = bytes.data();
    for (std::size_t i = 0; i < bytes.size(); ++i)
        p[i] = 0;
    bytes.clear();
}

} // namespace

Backend::Backend(QObject* parent) : QObject(parent) {}

Backend::~Backend() {
    if (personKeySecret_) wipe(*personKeySecret_);
}

std::optional<QByteArray> Backend::personKeySecret() const {
    if (!personKeySecret_) return std::nullopt;
    return QByteArray(personKeySecret_->data(), static_cast<qsizetype>(personKeySecret_->size()));
}

void Backend::setPersonKeySecret(std::optional<std::string> secret) {
    if (secret == personKeySecret_) {
        if (secret) wipe(*secret);
        return;
    }
    if (personKeySecret_) wipe(*personKeySecret_);
    personKeySecret_.reset();
    if (secret) {
        // Built in place and the argument wiped: no second copy of the bytes lives on.
        personKeySecret_.emplace(*secret);
        wipe(*secret);
    }
    Q_EMIT personKeySecretChanged();
}

QString Backend::nameOf(ConnectionState state) {
    switch (state) {
    case ConnectionState::Online:
        return QStringLiteral("online");
    case ConnectionState::Connecting:
        return QStringLiteral("connecting");
    case ConnectionState::Reconnecting:
        return QStringLiteral("reconnecting");
    case ConnectionState::Offline:
        return QStringLiteral("offline");
    }
    return QStringLiteral("offline");
}

QString Backend::serviceName(const std::string& serviceId, bool english) const {
    for (const auto& service : hall_.snapshot().hall.services) {
        if (service.id != serviceId) continue;
        const std::string& name = english && !service.nameEn.empty() ? service.nameEn : service.nameZh;
        return QString::fromStdString(name);
    }
    return {};
}

QVariantMap Backend::directionOf(int window) const {
    for (const auto& info : hall_.snapshot().hall.windows) {
        if (info.number != window || !info.direction) continue;
        return {{QStringLiteral("arrow"), QString::fromStdString(info.direction->arrow)},
                {QStringLiteral("zh"), QString::fromStdString(info.direction->textZh)},
                {QStringLiteral("en"), QString::fromStdString(info.direction->textEn)}};
    }
    return {};
}

QVariantList Backend::serviceGroups() const {
    QVariantList groups;
    for (const auto& g : hall_.snapshot().hall.groups) {
        const std::string& english = g.nameEn.empty() ? g.nameZh : g.nameEn;
        groups.append(QVariantMap{{QStringLiteral("id"), QString::fromStdString(g.id)},
                                  {QStringLiteral("name"), QString::fromStdString(g.nameZh)},
                                  {QStringLiteral("nameEn"), QString::fromStdString(english)}});
    }
    return groups;
}

void Backend::setConnectionState(ConnectionState state) {
    if (state == state_) return;
    const bool wasOnline = state_ == ConnectionState::Online;
    state_ = state;
    if (state == ConnectionState::Online)
        offlineSince_ = QDateTime();
    else if (wasOnline || !offlineSince_.isValid())
        offlineSince_ = QDateTime::currentDateTimeUtc();
    Q_EMIT connectionStateChanged();
}

void Backend::setIdentity(const std::optional<protocol::DeviceIdentity>& identity) {
    const QString deviceName = identity ? QString::fromStdString(identity->device) : QString();
    const QString role = identity ? QString::fromUtf8(protocol::roleName(identity->role).data()) : QString();
    const int window = identity && identity->window ? *identity->window : 0;
    if (deviceName == deviceName_ && role == role_ && window == window_) return;
    deviceName_ = deviceName;
    role_ = role;
    window_ = window;
    Q_EMIT identityChanged();
}

void Backend::replaceSnapshot(protocol::Snapshot snapshot) {
    hall_.replace(std::move(snapshot));
    Q_EMIT snapshotReplaced();
}

void Backend::applyPush(const protocol::PushBody& body) {
    if (std::holds_alternative<protocol::Snapshot>(body)) {
        replaceSnapshot(std::get<protocol::Snapshot>(body));
        return;
    }
    hall_.apply(body);
    Q_EMIT pushApplied(body);
}

QString Backend::auditTechnician(const QString& action, const QString& detail) {
    const auto known = protocol::technicianActionFromName(action.toStdString());
    const std::string text = detail.toStdString();
    if (!known || text.size() > protocol::kMaxTextBytes) {
        qCWarning(lcBackend) << "technician audit refused: unknown action or detail too long"
                             << action;
        return {};
    }
    protocol::TechnicianAudit audit;
    audit.action = *known;
    audit.detail = text;
    audit.at = std::chrono::time_point_cast<core::Millis>(std::chrono::system_clock::now());
    try {
        return QString::fromStdString(sendDurable(audit));
    } catch (const OutboxFull& e) {
        qCWarning(lcBackend) << "technician audit not recorded:" << e.what();
        return {};
    } catch (const store::StoreError& e) {
        // terminal.db refused the write (an I/O error, a full disk): QML calls this, and an
        // exception cannot pass through the QML engine.
        qCWarning(lcBackend) << "technician audit not recorded:" << e.what();
        return {};
    }
}

QStringList Backend::faults() const {
    QStringList names;
    for (auto fault : faults_)
        names << QString::fromUtf8(protocol::faultName(fault).data());
    return names;
}

void Backend::setFaultsOf(const QString& reporter, const QStringList& names) {
    faultsBy_[reporter] = names;
    std::vector<protocol::DeviceFault> faults;
    for (const auto& [who, reported] : faultsBy_)
        for (const auto& name : reported) {
            auto fault = protocol::faultFromName(name.toStdString());
            if (!fault) {
                if (who == reporter) qCWarning(lcBackend) << "ignoring unknown device fault" << name;
                continue;
            }
            if (std::find(faults.begin(), faults.end(), *fault) == faults.end())
                faults.push_back(*fault);
        }
    if (faults.size() > 16) faults.resize(16); // the protocol's list limit; there are only 7
    if (faults == faults_) return;
    faults_ = std::move(faults);
    Q_EMIT faultsChanged();
}

std::string newRequestId() {
    static const std::uint64_t prefix = [] {
        std::random_device device;
        return (static_cast<std::uint64_t>(device()) << 32) ^ device();
    }();
    static std::atomic<std::uint64_t> counter{0};
    char text[64];
    std::snprintf(text, sizeof text, "t%016llx-%llu", static_cast<unsigned long long>(prefix),
                  static_cast<unsigned long long>(++counter));
    return text;
}

} // namespace hall::client
