#pragma once
// The tickets that were called and did not come, newest first, each with the window it missed
// (the controller's `missed` list): only those of windows this terminal sees, so a zone's board
// lists its own. `limit` caps the rows (0: all the controller sent).

#include "shared/client/models/backend_list_model.h"

namespace hall::client {

class MissedTicketsModel : public BackendListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(int limit READ limit WRITE setLimit NOTIFY limitChanged)

public:
    enum Role {
        NumberRole = Qt::UserRole + 1,
        WindowRole,
        RequeuedRole, // it will be called again; otherwise the citizen asks at the window
    };
    Q_ENUM(Role)

    using BackendListModel::BackendListModel;
    int limit() const { return limit_; }
    void setLimit(int limit);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

Q_SIGNALS:
    void limitChanged();

protected:
    void reload() override;
    void onPush(const protocol::PushBody& body) override;

private:
    int limit_ = 0;
    std::vector<protocol::MissedTicket> rows_;
};

} // namespace hall::client
