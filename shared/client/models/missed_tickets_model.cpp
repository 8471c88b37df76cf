#include "shared/client/models/missed_tickets_model.h"

#include <algorithm>
#include <utility>

namespace hall::client {

void MissedTicketsModel::setLimit(int limit) {
    if (limit == limit_) return;
    limit_ = limit;
    Q_EMIT limitChanged();
    reload();
}

int MissedTicketsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant MissedTicketsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const auto& row = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case NumberRole:
    case Qt::DisplayRole:
        return QString::fromStdString(row.number);
    case WindowRole:
        return row.window;
    case RequeuedRole:
        return row.requeued;
    default:
        return {};
    }
}

QHash<int, QByteArray> MissedTicketsModel::roleNames() const {
    return {{NumberRole, "number"}, {WindowRole, "window"}, {RequeuedRole, "requeued"}};
}

void MissedTicketsModel::reload() {
    std::vector<protocol::MissedTicket> rows;
    if (backend()) {
        const auto& snapshot = backend()->state().snapshot();
        const auto& windows = snapshot.windows; // the windows this terminal is sent
        for (const auto& missed : snapshot.queues.missed) {
            if (limit_ > 0 && std::cmp_greater_equal(rows.size(), limit_)) break;
            if (std::any_of(windows.begin(), windows.end(),
                            [&](const auto& w) { return w.number == missed.window; }))
                rows.push_back(missed);
        }
    }
    if (rows == rows_) return;
    beginResetModel();
    rows_ = std::move(rows);
    endResetModel();
}

void MissedTicketsModel::onPush(const protocol::PushBody& body) {
    if (std::holds_alternative<protocol::QueueState>(body)) reload();
}

} // namespace hall::client
