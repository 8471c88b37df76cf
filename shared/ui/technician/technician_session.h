#pragma once
// The technician menu's state for QML: the PIN screen behind the hidden gesture, the lockout
// countdown, the open menu with its idle timeout, and the actions of the menu pages. Every
// entry and action is audited through the app's AuditSink. All of it is refused unless the
// right PIN opened the session: QML cannot bypass the gate by calling an action directly.

#include "shared/qt/thread_relay.h"
#include "shared/technician/pin_gate.h"
#include "shared/technician/settings_file.h"
#include "shared/ui/technician/technician_config.h"

#include <QObject>
#include <QString>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <memory>

namespace hall::technician::ui {

class DeviceSettingsModel;
class NetworkStatus;

class TechnicianSession : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("the app creates the technician session with its configuration")

    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(Gate gate READ gate NOTIFY gateChanged)
    Q_PROPERTY(int remainingAttempts READ remainingAttempts NOTIFY gateChanged)
    Q_PROPERTY(int lockSecondsRemaining READ lockSecondsRemaining NOTIFY gateChanged)
    Q_PROPERTY(QString gateMessage READ gateMessage NOTIFY gateChanged)
    Q_PROPERTY(QString lastPinResult READ lastPinResult NOTIFY gateChanged)
    // Identity and link state the app knows (from its controller client).
    Q_PROPERTY(QString deviceName READ deviceName WRITE setDeviceName NOTIFY identityChanged)
    Q_PROPERTY(QString deviceRole READ deviceRole WRITE setDeviceRole NOTIFY identityChanged)
    Q_PROPERTY(QString controllerLink READ controllerLink WRITE setControllerLink NOTIFY
                   controllerLinkChanged)
    Q_PROPERTY(QString controllerAddress READ controllerAddress NOTIFY settingsChanged)
    Q_PROPERTY(bool enrolling READ enrolling NOTIFY enrollmentChanged)
    Q_PROPERTY(QString enrollmentMessage READ enrollmentMessage NOTIFY enrollmentChanged)
    Q_PROPERTY(QString settingsError READ settingsError NOTIFY settingsChanged)
    Q_PROPERTY(hall::technician::ui::DeviceSettingsModel* devices READ devices CONSTANT)
    Q_PROPERTY(hall::technician::ui::NetworkStatus* network READ network CONSTANT)

public:
    enum class State { Closed, PinEntry, Open };
    Q_ENUM(State)
    enum class Gate { Ready, Locked, NotConfigured, Unavailable };
    Q_ENUM(Gate)

    TechnicianSession(TechnicianConfig config, QObject* parent = nullptr);
    ~TechnicianSession() override;

    State state() const { return state_; }
    Gate gate() const { return gate_; }
    int remainingAttempts() const { return remainingAttempts_; }
    int lockSecondsRemaining() const;
    QString gateMessage() const { return gateMessage_; }
    QString lastPinResult() const { return lastPinResult_; }
    QString deviceName() const { return deviceName_; }
    void setDeviceName(const QString& name);
    QString deviceRole() const { return deviceRole_; }
    void setDeviceRole(const QString& role);
    QString controllerLink() const { return controllerLink_; }
    void setControllerLink(const QString& link);
    QString controllerAddress() const;
    bool enrolling() const { return enrolling_; }
    QString enrollmentMessage() const { return enrollmentMessage_; }
    QString settingsError() const { return settingsError_; }
    DeviceSettingsModel* devices() const { return devices_; }
    NetworkStatus* network() const { return network_; }

    // The hidden gesture was made: show the PIN screen.
    Q_INVOKABLE void requestPin();
    // Checks the PIN (about 150 ms of argon2id). Audits pin_rejected / locked_out / menu_opened.
    Q_INVOKABLE void submitPin(const QString& pin);
    // Leaves the PIN screen or the menu.
    Q_INVOKABLE void close();
    // Any touch in the PIN screen or menu: restarts the idle timeout.
    Q_INVOKABLE void touch();
    // Re-reads the clock: lockout countdown and idle timeout. A 1 s timer calls it; tests call
    // it after moving their clock.
    Q_INVOKABLE void tick();

    // Menu actions; each returns "" on success or the reason it was refused (English).
    Q_INVOKABLE QString setControllerAddress(const QString& address);
    Q_INVOKABLE QString enroll(const QString& code);
    // Copies the app's log files into a new folder under `directory` (e.g. a USB stick).
    Q_INVOKABLE QString exportLogs(const QString& directory);
    // Writable mount points of removable media (USB sticks) to offer as export targets.
    Q_INVOKABLE QStringList exportTargets() const;
    Q_INVOKABLE void restartApp();

    // For DeviceSettingsModel: audits a change or a test. Only while open.
    bool isOpen() const { return state_ == State::Open; }
    void audit(AuditAction action, const std::string& detail);

Q_SIGNALS:
    void stateChanged();
    void gateChanged();
    void identityChanged();
    void controllerLinkChanged();
    void settingsChanged();
    void enrollmentChanged();
    // The session closed because nobody touched it for the idle timeout.
    void idleClosed();

private:
    void setState(State state);
    void applyGateStatus(const GateStatus& status);
    void finishEnrollment(const EnrollmentResult& result);

    TechnicianConfig config_;
    PinGate pinGate_;
    SettingsStore settings_;
    State state_ = State::Closed;
    Gate gate_ = Gate::NotConfigured;
    int remainingAttempts_ = 0;
    std::optional<TimePoint> lockedUntil_;
    QString gateMessage_;
    QString lastPinResult_;
    QString deviceName_;
    QString deviceRole_;
    QString controllerLink_;
    bool enrolling_ = false;
    QString enrollmentMessage_;
    QString settingsError_;
    TimePoint lastTouch_{};
    QTimer ticker_;
    DeviceSettingsModel* devices_ = nullptr;
    NetworkStatus* network_ = nullptr;
    // Lets an enrollment callback from another thread reach the session only while it lives.
    std::shared_ptr<qt::ThreadRelay<TechnicianSession>> relay_;
};

} // namespace hall::technician::ui
