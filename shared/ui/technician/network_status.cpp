#include "shared/ui/technician/network_status.h"

#include <QDateTime>
#include <QNetworkInterface>
#include <QTimeZone>
#include <QVariantMap>

namespace hall::technician::ui {

NetworkStatus::NetworkStatus(Clock clock, QObject* parent)
    : QObject(parent), clock_(std::move(clock)) {
    refresh();
}

void NetworkStatus::refresh() {
    interfaces_.clear();
    for (const auto& iface : QNetworkInterface::allInterfaces()) {
        const auto flags = iface.flags();
        QStringList addresses;
        for (const auto& entry : iface.addressEntries())
            addresses << entry.ip().toString() + QLatin1Char('/') +
                             QString::number(entry.prefixLength());
        interfaces_ << QVariantMap{
            {"name", iface.humanReadableName()},
            {"up", flags.testFlag(QNetworkInterface::IsUp)},
            {"running", flags.testFlag(QNetworkInterface::IsRunning)},
            {"loopback", flags.testFlag(QNetworkInterface::IsLoopBack)},
            {"hardwareAddress", iface.hardwareAddress()},
            {"addresses", addresses},
        };
    }
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(clock_().time_since_epoch()).count();
    const auto now = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::systemTimeZone());
    localTime_ = now.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const auto zone = QTimeZone::systemTimeZone();
    timeZone_ = QString::fromUtf8(zone.id()) + QStringLiteral(" (") +
                zone.displayName(now, QTimeZone::OffsetName) + QLatin1Char(')');
    Q_EMIT refreshed();
}

} // namespace hall::technician::ui
