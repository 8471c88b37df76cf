#pragma once
// The hall's services with their live queue: one row per service of the last queue state,
// in configuration order (the controller sends them so). `group` keeps those of one service
// group (Backend::serviceGroups; empty: all).

#include "shared/client/models/backend_list_model.h"

namespace hall::client {

class ServicesModel : public BackendListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString group READ group WRITE setGroup NOTIFY groupChanged)

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

    QString group() const { return group_; }
    void setGroup(const QString& group);

Q_SIGNALS:
    void groupChanged();

protected:
    void reload() override;
    void onPush(const protocol::PushBody& body) override;

private:
    // The rows of `services` that pass the group filter, in their order.
    std::vector<protocol::ServiceQueue> shown(const std::vector<protocol::ServiceQueue>& services) const;

    QString group_;
    std::vector<protocol::ServiceQueue> rows_;
};

} // namespace hall::client
