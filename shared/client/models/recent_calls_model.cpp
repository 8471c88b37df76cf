#include "shared/client/models/recent_calls_model.h"

namespace hall::client {

int RecentCallsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant RecentCallsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const auto& row = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case NumberRole:
        return QString::fromStdString(row.call.ticket.number);
    case WindowRole:
        return row.call.window;
    case ServiceRole:
        return QString::fromStdString(row.call.ticket.serviceId);
    case RecallRole:
        return row.call.recall;
    case SilentRole:
        return row.call.silent;
    case CalledAtRole:
        return row.at;
    case PriorityRole:
        return row.call.ticket.priority != core::PriorityClass::Normal;
    case DirectionRole:
        return backend() ? backend()->directionOf(row.call.window) : QVariantMap();
    default:
        return {};
    }
}

QHash<int, QByteArray> RecentCallsModel::roleNames() const {
    return {{NumberRole, "number"}, {WindowRole, "window"}, {ServiceRole, "service"}, {PriorityRole, "priority"},
            {RecallRole, "recall"}, {SilentRole, "silent"}, {CalledAtRole, "calledAt"},
            {DirectionRole, "direction"}};
}

void RecentCallsModel::setLimit(int limit) {
    limit = std::max(1, limit);
    if (limit == limit_) return;
    limit_ = limit;
    if (static_cast<int>(rows_.size()) > limit_) {
        beginRemoveRows({}, limit_, static_cast<int>(rows_.size()) - 1);
        rows_.resize(static_cast<std::size_t>(limit_));
        endRemoveRows();
        Q_EMIT countChanged();
    }
    Q_EMIT limitChanged();
}

void RecentCallsModel::reload() {
    if (!rows_.empty()) {
        // The rows stay; a new snapshot may bring other window directions (a reload).
        Q_EMIT dataChanged(index(0), index(static_cast<int>(rows_.size()) - 1), {DirectionRole});
        return;
    }
    if (!backend() || !backend()->state().hasSnapshot()) return;
    const auto now = QDateTime::currentDateTimeUtc();
    std::deque<Row> seeded;
    for (const auto& window : backend()->state().snapshot().windows) {
        if (!window.current) continue;
        const auto state = window.current->state;
        if (state != core::TicketState::Called && state != core::TicketState::Serving) continue;
        seeded.push_back(Row{protocol::Call{*window.current, window.number, true, false}, now});
        if (static_cast<int>(seeded.size()) == limit_) break;
    }
    if (seeded.empty()) return;
    beginInsertRows({}, 0, static_cast<int>(seeded.size()) - 1);
    rows_ = std::move(seeded);
    endInsertRows();
}

void RecentCallsModel::onPush(const protocol::PushBody& body) {
    const auto* call = std::get_if<protocol::Call>(&body);
    if (!call) return;
    if (static_cast<int>(rows_.size()) >= limit_) {
        const int last = static_cast<int>(rows_.size()) - 1;
        beginRemoveRows({}, last, last);
        rows_.pop_back();
        endRemoveRows();
    }
    beginInsertRows({}, 0, 0);
    rows_.push_front(Row{*call, QDateTime::currentDateTimeUtc()});
    endInsertRows();
    Q_EMIT called(QString::fromStdString(call->ticket.number), call->window, call->recall,
                  call->silent);
}

} // namespace hall::client
