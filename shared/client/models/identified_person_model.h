#pragma once
// The person at the terminal, as the identification service may show them: masked fields only
// (IdentifiedPerson), one row per field that has a value, so a screen can list them
// without knowing which source identified the person. Empty when nobody is identified; the
// rows go when the session is wiped.

#include "shared/client/identification_service.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QtQml/qqmlregistration.h>

namespace hall::client {

class IdentifiedPersonModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    // An IdentificationService (a QObject property so QML can pass the app's service).
    Q_PROPERTY(QObject* service READ service WRITE setService NOTIFY serviceChanged)
    Q_PROPERTY(bool hasPerson READ hasPerson NOTIFY personChanged)
    Q_PROPERTY(QString source READ source NOTIFY personChanged)

public:
    enum Role {
        FieldRole = Qt::UserRole + 1, // "name", "idNumber", "cardType", "codeKind", "bookingId"
        ValueRole,                    // masked value
    };
    Q_ENUM(Role)

    using QAbstractListModel::QAbstractListModel;
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QObject* service() const { return service_; }
    void setService(QObject* service);
    bool hasPerson() const { return !person_.source.isEmpty(); }
    QString source() const { return person_.source; }

Q_SIGNALS:
    void serviceChanged();
    void personChanged();

private:
    void refresh();

    QPointer<IdentificationService> service_;
    IdentifiedPerson person_;
    std::vector<std::pair<QString, QString>> rows_;
};

} // namespace hall::client
