#include "shared/client/models/notices_model.h"

namespace hall::client {

int NoticesModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant NoticesModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const auto& row = rows_[static_cast<std::size_t>(index.row())];
    if (role == IdRole) return QString::fromStdString(row.id);
    if (role == TextRole || role == Qt::DisplayRole) return QString::fromStdString(row.text);
    return {};
}

QHash<int, QByteArray> NoticesModel::roleNames() const {
    return {{IdRole, "noticeId"}, {TextRole, "text"}};
}

void NoticesModel::reload() {
    beginResetModel();
    rows_ = backend() ? backend()->state().snapshot().notices : std::vector<protocol::Notice>{};
    endResetModel();
}

void NoticesModel::onPush(const protocol::PushBody& body) {
    const auto* notice = std::get_if<protocol::Notice>(&body);
    if (!notice) return;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].id != notice->id) continue;
        rows_[i] = *notice;
        const QModelIndex at = index(static_cast<int>(i));
        Q_EMIT dataChanged(at, at);
        return;
    }
    const int row = static_cast<int>(rows_.size());
    beginInsertRows({}, row, row);
    rows_.push_back(*notice);
    endInsertRows();
}

} // namespace hall::client
