#pragma once
// The last `limit` calls (call pushes), newest first: what a call board lists under the big
// current call. Calls are events, not state: a snapshot does not carry them, so this list
// survives snapshots. A list that is still empty at a snapshot (a board just started, or back
// after an outage) starts from the tickets the windows are calling or serving now, silently:
// they were announced before.

#include "shared/client/models/backend_list_model.h"

#include <QDateTime>
#include <deque>

namespace hall::client {

class RecentCallsModel : public BackendListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int limit READ limit WRITE setLimit NOTIFY limitChanged)

public:
    enum Role {
        NumberRole = Qt::UserRole + 1,
        WindowRole,
        ServiceRole,
        RecallRole, // a recall of a ticket already called
        SilentRole, // show, do not announce by voice
        CalledAtRole,
        PriorityRole,  // an appointment or green-channel ticket (the board colours it)
        DirectionRole, // which way its window lies from here (Backend::directionOf)
    };
    Q_ENUM(Role)

    using BackendListModel::BackendListModel;
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    int limit() const { return limit_; }
    void setLimit(int limit);

Q_SIGNALS:
    void limitChanged();
    void called(const QString& number, int window, bool recall, bool silent);

protected:
    void reload() override;
    void onPush(const protocol::PushBody& body) override;

private:
    struct Row {
        protocol::Call call;
        QDateTime at;
    };
    std::deque<Row> rows_;
    int limit_ = 10;
};

} // namespace hall::client
