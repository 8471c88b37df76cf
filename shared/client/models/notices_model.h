#pragma once
// The hall's notices (id, text), in the order the controller gave them.

#include "shared/client/models/backend_list_model.h"

namespace hall::client {

class NoticesModel : public BackendListModel {
    Q_OBJECT
    QML_ELEMENT

public:
    enum Role { IdRole = Qt::UserRole + 1, TextRole };
    Q_ENUM(Role)

    using BackendListModel::BackendListModel;
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

protected:
    void reload() override;
    void onPush(const protocol::PushBody& body) override;

private:
    std::vector<protocol::Notice> rows_;
};

} // namespace hall::client
