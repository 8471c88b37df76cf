#include "shared/ui/technician/technician_session.h"

#include "shared/ui/technician/device_settings_model.h"
#include "shared/ui/technician/network_status.h"
#include "shared/technician/log_export.h"

#include <QCoreApplication>
#include <QProcess>
#include <QStorageInfo>

namespace hall::technician::ui {

namespace {

QString qs(const std::string& s) {
    return QString::fromStdString(s);
}

} // namespace

TechnicianSession::TechnicianSession(TechnicianConfig config, QObject* parent)
    : QObject(parent), config_(std::move(config)), pinGate_(config_.pinFile, config_.clock),
      settings_(config_.settingsFile), relay_(std::make_shared<qt::ThreadRelay<TechnicianSession>>(this)) {
    devices_ = new DeviceSettingsModel(this, settings_, config_.deviceTests, config_.deviceKinds);
    network_ = new NetworkStatus(config_.clock, this);
    ticker_.setInterval(1000);
    connect(&ticker_, &QTimer::timeout, this, &TechnicianSession::tick);
    applyGateStatus(pinGate_.status());
}

TechnicianSession::~TechnicianSession() {
    relay_->detach();
    // Before the settings store it refers to goes; waits for a running device test.
    delete devices_;
}

int TechnicianSession::lockSecondsRemaining() const {
    if (gate_ != Gate::Locked || !lockedUntil_) return 0;
    const auto left =
        std::chrono::ceil<std::chrono::seconds>(*lockedUntil_ - config_.clock()).count();
    return left > 0 ? static_cast<int>(left) : 0;
}

void TechnicianSession::setDeviceName(const QString& name) {
    if (name == deviceName_) return;
    deviceName_ = name;
    Q_EMIT identityChanged();
}

void TechnicianSession::setDeviceRole(const QString& role) {
    if (role == deviceRole_) return;
    deviceRole_ = role;
    Q_EMIT identityChanged();
}

void TechnicianSession::setControllerLink(const QString& link) {
    if (link == controllerLink_) return;
    controllerLink_ = link;
    Q_EMIT controllerLinkChanged();
}

QString TechnicianSession::controllerAddress() const {
    try {
        return qs(settings_.current().controllerAddress);
    } catch (const std::exception&) {
        return {}; // settingsError says why
    }
}

void TechnicianSession::setState(State state) {
    if (state == state_) return;
    state_ = state;
    if (state_ == State::Closed) {
        ticker_.stop();
    } else {
        lastTouch_ = config_.clock();
        ticker_.start();
    }
    Q_EMIT stateChanged();
}

void TechnicianSession::applyGateStatus(const GateStatus& status) {
    switch (status.state) {
    case GateState::Ready:
        gate_ = Gate::Ready;
        break;
    case GateState::Locked:
        gate_ = Gate::Locked;
        break;
    case GateState::NotConfigured:
        gate_ = Gate::NotConfigured;
        break;
    case GateState::Unavailable:
        gate_ = Gate::Unavailable;
        break;
    }
    remainingAttempts_ = status.remainingAttempts;
    lockedUntil_ = status.lockedUntil;
    gateMessage_ = qs(status.error);
    Q_EMIT gateChanged();
}

void TechnicianSession::audit(AuditAction action, const std::string& detail) {
    if (config_.audit) config_.audit->record(AuditEntry{action, detail, config_.clock()});
}

void TechnicianSession::requestPin() {
    if (state_ != State::Closed) return;
    lastPinResult_.clear();
    applyGateStatus(pinGate_.status());
    setState(State::PinEntry);
}

void TechnicianSession::submitPin(const QString& pin) {
    if (state_ != State::PinEntry) return;
    touch();
    const auto result = pinGate_.attempt(pin.toStdString());
    applyGateStatus(result.status);
    switch (result.outcome) {
    case AttemptOutcome::Opened:
        lastPinResult_.clear();
        audit(AuditAction::MenuOpened, "");
        devices_->reload();
        network_->refresh();
        try {
            settings_.current();
            settingsError_.clear();
        } catch (const std::exception& e) {
            // The menu still opens: fixing a broken settings file is what it is for.
            settingsError_ = qs(e.what());
        }
        Q_EMIT settingsChanged();
        setState(State::Open);
        break;
    case AttemptOutcome::Rejected:
        lastPinResult_ = tr("Wrong PIN.");
        audit(AuditAction::PinRejected,
              "attempts left: " + std::to_string(result.status.remainingAttempts));
        break;
    case AttemptOutcome::LockedOut: {
        lastPinResult_ = tr("Wrong PIN. Too many attempts.");
        const auto length = result.status.lockedUntil
                                ? std::chrono::ceil<std::chrono::seconds>(
                                      *result.status.lockedUntil - config_.clock())
                                      .count()
                                : 0;
        audit(AuditAction::PinRejected, "attempts left: 0");
        audit(AuditAction::LockedOut, "locked for " + std::to_string(length) + " s");
        break;
    }
    case AttemptOutcome::RefusedLocked:
        lastPinResult_ = tr("Locked. The PIN was not checked.");
        break;
    case AttemptOutcome::NotConfigured:
    case AttemptOutcome::Unavailable:
        lastPinResult_.clear();
        break;
    }
    Q_EMIT gateChanged();
}

void TechnicianSession::close() {
    lastPinResult_.clear();
    enrollmentMessage_.clear();
    setState(State::Closed);
}

void TechnicianSession::touch() {
    lastTouch_ = config_.clock();
}

void TechnicianSession::tick() {
    if (state_ == State::Closed) return;
    const auto now = config_.clock();
    if (now - lastTouch_ >= config_.idleTimeout) {
        close();
        Q_EMIT idleClosed();
        return;
    }
    // A lock that has run out turns back into "Ready" with fresh attempts.
    if (gate_ == Gate::Locked && lockSecondsRemaining() == 0)
        applyGateStatus(pinGate_.status());
    else
        Q_EMIT gateChanged(); // the countdown moved
}

QString TechnicianSession::setControllerAddress(const QString& address) {
    if (!isOpen()) return tr("The technician menu is not open.");
    touch();
    try {
        const auto detail = settings_.setControllerAddress(address.trimmed().toStdString());
        audit(AuditAction::SettingChanged, detail);
        settingsError_.clear();
        Q_EMIT settingsChanged();
        return {};
    } catch (const std::exception& e) {
        return qs(e.what());
    }
}

QString TechnicianSession::enroll(const QString& code) {
    if (!isOpen()) return tr("The technician menu is not open.");
    touch();
    if (!config_.enrollment) return tr("This app cannot enroll the terminal.");
    if (enrolling_) return tr("Enrollment is already running.");
    const auto trimmed = code.trimmed();
    if (trimmed.isEmpty()) return tr("Enter the one-time code from the administrator.");
    enrolling_ = true;
    enrollmentMessage_ = tr("Enrolling…");
    Q_EMIT enrollmentChanged();
    config_.enrollment->enroll(trimmed.toStdString(),
                               [relay = relay_, this](EnrollmentResult result) {
                                   relay->post([this, result] { finishEnrollment(result); });
                               });
    return {};
}

void TechnicianSession::finishEnrollment(const EnrollmentResult& result) {
    enrolling_ = false;
    enrollmentMessage_ = qs(result.message);
    if (result.ok) {
        setDeviceName(qs(result.deviceName));
        setDeviceRole(qs(result.role));
    }
    // The code itself is never audited: it is a credential until spent.
    audit(AuditAction::Enrolled, result.ok
                                     ? "enrolled as " + result.deviceName + " (" + result.role + ")"
                                     : "failed: " + result.message);
    Q_EMIT enrollmentChanged();
}

QString TechnicianSession::exportLogs(const QString& directory) {
    if (!isOpen()) return tr("The technician menu is not open.");
    touch();
    const auto result = exportLogFiles(config_.logDirectory, directory.toStdString(),
                                       deviceName_.toStdString(), config_.clock());
    if (!result.ok) return qs(result.message);
    audit(AuditAction::LogExported, result.message);
    return {};
}

QStringList TechnicianSession::exportTargets() const {
    QStringList out;
    for (const auto& volume : QStorageInfo::mountedVolumes()) {
        const auto root = volume.rootPath();
        // Desktop automounters put sticks under /media/<user>/ or /run/media/<user>/; a
        // terminal's udev rule mounts them under /media/.
        if (!volume.isValid() || !volume.isReady() || volume.isReadOnly()) continue;
        if (root.startsWith(QLatin1String("/media/")) ||
            root.startsWith(QLatin1String("/run/media/")) ||
            root.startsWith(QLatin1String("/mnt/")))
            out << root;
    }
    return out;
}

void TechnicianSession::restartApp() {
    if (!isOpen()) return;
    audit(AuditAction::AppRestarted, "");
    close();
    if (config_.restart) {
        config_.restart();
        return;
    }
    // The new process starts before this one quits; the outbox (SQLite, WAL) keeps the audit
    // entry just queued.
    const auto args = QCoreApplication::arguments();
    QProcess::startDetached(QCoreApplication::applicationFilePath(), args.mid(1));
    QCoreApplication::quit();
}

} // namespace hall::technician::ui
