#pragma once
// The hall's services with their live queue: one row per service of the last queue state,
// in configuration order (the controller sends them so).

#include "shared/client/models/backend_list_model.h"

namespace hall::client {

class ServicesModel : public BackendListModel {
    Q_OBJECT
    QML_ELEMENT

public:
    enum Role {
        ServiceIdRole = Qt::UserRole + 1,
        NameRole,                 // the Chinese name from the hall's configuration, else the id
        NameEnRole,               // the English name (the Chinese one when the hall has none)
        WaitingRole,              // tickets waiting
        EstimatedWaitMsRole,      // -1 when unknown (no open window serves it)
        EstimatedWaitMinutesRole, // rounded up; -1 when unknown
        IssuingRole,              // a number can be taken now (open, numbers left today)
        RemainingRole,            // numbers left of today's quota; -1: no quota
        HoursRole,                // "08:30-12:00 13:30-17:00"; empty: all day
        IdentifyRole,             // issued only to a person identified (ID card first)
    };
    Q_ENUM(Role)

    using BackendListModel::BackendListModel;
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    Q_INVOKABLE int waitingFor(const QString& serviceId) const; // -1: no such service

protected:
    void reload() override;
    void onPush(const protocol::PushBody& body) override;

private:
    std::vector<protocol::ServiceQueue> rows_;
};

} // namespace hall::client
