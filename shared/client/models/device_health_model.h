#pragma once
// The device faults the app reports to its backend (Backend::faults, sent with every
// heartbeat): one row per fault present now, for the status strip and the technician menu.

#include "shared/client/models/backend_list_model.h"

namespace hall::client {

class DeviceHealthModel : public BackendListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool healthy READ healthy NOTIFY countChanged)

public:
    enum Role {
        FaultRole = Qt::UserRole + 1, // protocol name: paper_low, reader_unplugged, …
        SeverityRole,                 // "warning" (the feature still works) or "error"
    };
    Q_ENUM(Role)

    explicit DeviceHealthModel(QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool healthy() const { return rows_.empty(); }

protected:
    void reload() override;
    void onPush(const protocol::PushBody&) override {}

private:
    std::vector<protocol::DeviceFault> rows_;
    QMetaObject::Connection faultsConnection_;
};

} // namespace hall::client
