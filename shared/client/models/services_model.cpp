#include "shared/client/models/services_model.h"

namespace hall::client {

int ServicesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant ServicesModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const auto& row = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case ServiceIdRole:
        return QString::fromStdString(row.serviceId);
    case Qt::DisplayRole:
    case NameRole:
    case NameEnRole: {
        const QString name =
            backend() ? backend()->serviceName(row.serviceId, role == NameEnRole) : QString();
        return name.isEmpty() ? QString::fromStdString(row.serviceId) : name;
    }
    case IssuingRole:
        return row.issuing;
    case RemainingRole:
        return row.remaining.value_or(-1);
    case HoursRole:
    case IdentifyRole: {
        const protocol::ServiceInfo* info = nullptr;
        if (backend())
            for (const auto& service : backend()->state().snapshot().hall.services)
                if (service.id == row.serviceId) info = &service;
        if (role == IdentifyRole) return info && info->identify;
        QStringList hours;
        if (info)
            for (const auto& h : info->hours) hours.append(QString::fromStdString(h));
        return hours.join(QLatin1Char(' '));
    }
    case WaitingRole:
        return row.waiting;
    case EstimatedWaitMsRole:
        return row.estimatedWaitMs ? QVariant::fromValue<qlonglong>(*row.estimatedWaitMs)
                                   : QVariant::fromValue<qlonglong>(-1);
    case EstimatedWaitMinutesRole:
        return row.estimatedWaitMs ? static_cast<int>((*row.estimatedWaitMs + 59'999) / 60'000)
                                   : -1;
    default:
        return {};
    }
}

QHash<int, QByteArray> ServicesModel::roleNames() const {
    return {{ServiceIdRole, "serviceId"},
            {NameRole, "name"},
            {NameEnRole, "nameEn"},
            {IssuingRole, "issuing"},
            {RemainingRole, "remaining"},
            {HoursRole, "hours"},
            {IdentifyRole, "identify"},
            {WaitingRole, "waiting"},
            {EstimatedWaitMsRole, "estimatedWaitMs"},
            {EstimatedWaitMinutesRole, "estimatedWaitMinutes"}};
}

int ServicesModel::waitingFor(const QString& serviceId) const {
    for (const auto& row : rows_)
        if (QString::fromStdString(row.serviceId) == serviceId) return row.waiting;
    return -1;
}

void ServicesModel::setGroup(const QString& group) {
    if (group == group_) return;
    group_ = group;
    Q_EMIT groupChanged();
    reload();
}

std::vector<protocol::ServiceQueue>
ServicesModel::shown(const std::vector<protocol::ServiceQueue>& services) const {
    if (group_.isEmpty() || !backend()) return services;
    const std::string group = group_.toStdString();
    std::vector<protocol::ServiceQueue> out;
    for (const auto& queue : services)
        for (const auto& info : backend()->state().snapshot().hall.services)
            if (info.id == queue.serviceId && info.group == group) out.push_back(queue);
    return out;
}

void ServicesModel::reload() {
    beginResetModel();
    rows_ = backend() ? shown(backend()->state().snapshot().queues.services)
                      : std::vector<protocol::ServiceQueue>{};
    endResetModel();
}

void ServicesModel::onPush(const protocol::PushBody& body) {
    const auto* queues = std::get_if<protocol::QueueState>(&body);
    if (!queues) return;
    const auto services = shown(queues->services);
    bool sameRows = services.size() == rows_.size();
    for (std::size_t i = 0; sameRows && i < rows_.size(); ++i)
        sameRows = rows_[i].serviceId == services[i].serviceId;
    if (!sameRows) {
        reload();
        return;
    }
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i] == services[i]) continue;
        rows_[i] = services[i];
        const QModelIndex at = index(static_cast<int>(i));
        Q_EMIT dataChanged(at, at);
    }
}

} // namespace hall::client
