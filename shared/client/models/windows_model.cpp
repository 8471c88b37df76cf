#include "shared/client/models/windows_model.h"

namespace hall::client {

int WindowsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant WindowsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const auto& row = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NumberRole:
        return row.number;
    case StaffRole:
        return QString::fromStdString(row.staffId);
    case OpenRole:
        return !row.staffId.empty() && !row.paused;
    case PausedRole:
        return row.paused;
    case PauseReasonRole:
        return QString::fromStdString(row.pauseReason);
    case CurrentNumberRole:
        return row.current ? QString::fromStdString(row.current->number) : QString();
    case CurrentServiceRole:
        return row.current ? QString::fromStdString(row.current->serviceId) : QString();
    case CurrentStateRole:
        return row.current ? QString::fromUtf8(core::stateName(row.current->state).data())
                           : QString();
    case DirectionRole:
        return backend() ? backend()->directionOf(row.number) : QVariantMap();
    default:
        return {};
    }
}

QHash<int, QByteArray> WindowsModel::roleNames() const {
    return {{NumberRole, "number"},
            {StaffRole, "staff"},
            {OpenRole, "open"},
            {PausedRole, "paused"},
            {PauseReasonRole, "pauseReason"},
            {CurrentNumberRole, "currentNumber"},
            {CurrentServiceRole, "currentService"},
            {CurrentStateRole, "currentState"},
            {DirectionRole, "direction"}};
}

void WindowsModel::reload() {
    beginResetModel();
    rows_ = backend() ? backend()->state().snapshot().windows : std::vector<protocol::WindowView>{};
    endResetModel();
}

void WindowsModel::onPush(const protocol::PushBody& body) {
    const auto* window = std::get_if<protocol::WindowView>(&body);
    if (!window) return;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].number != window->number) continue;
        rows_[i] = *window;
        const QModelIndex at = index(static_cast<int>(i));
        Q_EMIT dataChanged(at, at);
        return;
    }
    const int row = static_cast<int>(rows_.size());
    beginInsertRows({}, row, row);
    rows_.push_back(*window);
    endInsertRows();
}

} // namespace hall::client
