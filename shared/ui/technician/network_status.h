#pragma once
// The "network and time" page: this terminal's interfaces and addresses (what a technician
// compares with the hall's network plan), the local time and time zone (a wrong clock breaks
// TLS and the business day). The controller link state comes from the app (session property).

#include "shared/technician/clock.h"

#include <QObject>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace hall::technician::ui {

class NetworkStatus : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by TechnicianSession")
    // [{name, up, running, loopback, hardwareAddress, addresses: ["192.168.1.20/24", …]}]
    Q_PROPERTY(QVariantList interfaces READ interfaces NOTIFY refreshed)
    Q_PROPERTY(QString localTime READ localTime NOTIFY refreshed)
    Q_PROPERTY(QString timeZone READ timeZone NOTIFY refreshed)

public:
    NetworkStatus(Clock clock, QObject* parent = nullptr);

    QVariantList interfaces() const { return interfaces_; }
    QString localTime() const { return localTime_; }
    QString timeZone() const { return timeZone_; }

    Q_INVOKABLE void refresh();

Q_SIGNALS:
    void refreshed();

private:
    Clock clock_;
    QVariantList interfaces_;
    QString localTime_;
    QString timeZone_;
};

} // namespace hall::technician::ui
