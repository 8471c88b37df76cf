#pragma once
// The base of the models that show the hall as a Backend knows it: set `backend` (from QML or
// C++) and the model follows its snapshots and pushes. Subclasses rebuild from state() on a
// snapshot and update rows in place on the pushes that concern them.

#include "shared/client/backend.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace hall::client {

class BackendListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ANONYMOUS
    Q_PROPERTY(hall::client::Backend* backend READ backend WRITE setBackend NOTIFY backendChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    using QAbstractListModel::QAbstractListModel;

    Backend* backend() const { return backend_; }
    void setBackend(Backend* backend);
    int count() const { return rowCount(); }

Q_SIGNALS:
    void backendChanged();
    void countChanged();

protected:
    // The whole state changed (a snapshot, or a new backend): rebuild every row.
    virtual void reload() = 0;
    // A push already applied to backend()->state().
    virtual void onPush(const protocol::PushBody& body) = 0;

private:
    QPointer<Backend> backend_;
    QMetaObject::Connection snapshotConnection_;
    QMetaObject::Connection pushConnection_;
};

} // namespace hall::client
