#pragma once
// The windows the terminal receives (all of them, or those of its zone or window): staff,
// paused, and the ticket being called or served.

#include "shared/client/models/backend_list_model.h"

namespace hall::client {

class WindowsModel : public BackendListModel {
    Q_OBJECT
    QML_ELEMENT

public:
    enum Role {
        NumberRole = Qt::UserRole + 1,
        StaffRole, // staff id; empty: nobody signed in
        OpenRole,  // somebody signed in and not paused
        PausedRole,
        PauseReasonRole,
        CurrentNumberRole, // "A017"; empty when the window has no ticket
        CurrentServiceRole,
        CurrentStateRole, // "called", "serving"; empty when none
        DirectionRole,    // which way it lies from here (Backend::directionOf)
    };
    Q_ENUM(Role)

    using BackendListModel::BackendListModel;
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

protected:
    void reload() override;
    void onPush(const protocol::PushBody& body) override;

private:
    std::vector<protocol::WindowView> rows_;
};

} // namespace hall::client
