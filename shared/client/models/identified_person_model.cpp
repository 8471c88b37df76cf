#include "shared/client/models/identified_person_model.h"

#include <QLoggingCategory>

namespace hall::client {

int IdentifiedPersonModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

QVariant IdentifiedPersonModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const auto& row = rows_[static_cast<std::size_t>(index.row())];
    if (role == FieldRole) return row.first;
    if (role == ValueRole || role == Qt::DisplayRole) return row.second;
    return {};
}

QHash<int, QByteArray> IdentifiedPersonModel::roleNames() const {
    return {{FieldRole, "field"}, {ValueRole, "value"}};
}

void IdentifiedPersonModel::setService(QObject* object) {
    auto* service = qobject_cast<IdentificationService*>(object);
    if (object && !service) {
        qWarning("IdentifiedPersonModel: service must be an IdentificationService");
        return;
    }
    if (service == service_) return;
    if (service_) service_->disconnect(this);
    service_ = service;
    if (service_)
        connect(service_, &IdentificationService::sessionChanged, this,
                &IdentifiedPersonModel::refresh);
    refresh();
    Q_EMIT serviceChanged();
}

void IdentifiedPersonModel::refresh() {
    IdentifiedPerson person =
        service_ && service_->hasPerson() ? service_->person() : IdentifiedPerson{};
    if (person == person_) return;
    beginResetModel();
    person_ = std::move(person);
    rows_.clear();
    auto add = [this](const char* field, const QString& value) {
        if (!value.isEmpty()) rows_.emplace_back(QString::fromLatin1(field), value);
    };
    add("name", person_.name);
    add("idNumber", person_.idNumber);
    add("cardType", person_.cardType);
    add("codeKind", person_.codeKind);
    add("bookingId", person_.bookingId);
    add("issuerHost", person_.issuerHost);
    endResetModel();
    Q_EMIT personChanged();
}

} // namespace hall::client
