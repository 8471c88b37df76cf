#include "shared/client/models/device_health_model.h"

namespace hall::client {

DeviceHealthModel::DeviceHealthModel(QObject* parent) : BackendListModel(parent) {
    connect(this, &BackendListModel::backendChanged, this, [this] {
        disconnect(faultsConnection_);
        if (backend())
            faultsConnection_ = connect(backend(), &Backend::faultsChanged, this, [this] {
                const int before = rowCount();
                reload();
                if (rowCount() != before) Q_EMIT countChanged();
            });
    });
}

int DeviceHealthModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant DeviceHealthModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const auto fault = rows_[static_cast<std::size_t>(index.row())];
    if (role == FaultRole || role == Qt::DisplayRole)
        return QString::fromUtf8(protocol::faultName(fault).data());
    if (role == SeverityRole)
        return fault == protocol::DeviceFault::PaperLow ? QStringLiteral("warning")
                                                        : QStringLiteral("error");
    return {};
}

QHash<int, QByteArray> DeviceHealthModel::roleNames() const {
    return {{FaultRole, "fault"}, {SeverityRole, "severity"}};
}

void DeviceHealthModel::reload() {
    beginResetModel();
    rows_ = backend() ? backend()->deviceFaults() : std::vector<protocol::DeviceFault>{};
    endResetModel();
}

} // namespace hall::client
