#include "shared/ui/keyboard/candidate_list_model.h"

#include "shared/pinyin/engine.h"

namespace hall::ui {

CandidateListModel::CandidateListModel(QObject* parent) : QAbstractListModel(parent) {}

QStringList CandidateListModel::batchFrom(int first) const {
    QStringList batch;
    if (!engine_) return batch;
    for (const std::string& text :
         engine_->candidates(static_cast<std::size_t>(first), static_cast<std::size_t>(kBatch)))
        batch.append(QString::fromStdString(text));
    return batch;
}

void CandidateListModel::refresh() {
    beginResetModel();
    texts_ = batchFrom(0);
    endResetModel();
    Q_EMIT countChanged();
}

QString CandidateListModel::textAt(int row) const {
    return row >= 0 && row < texts_.size() ? texts_.at(row) : QString();
}

int CandidateListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : count();
}

QVariant CandidateListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= texts_.size()) return {};
    if (role == TextRole || role == Qt::DisplayRole) return texts_.at(index.row());
    return {};
}

QHash<int, QByteArray> CandidateListModel::roleNames() const {
    return {{TextRole, "text"}};
}

bool CandidateListModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && engine_ &&
           static_cast<std::size_t>(texts_.size()) < engine_->candidateCount();
}

void CandidateListModel::fetchMore(const QModelIndex& parent) {
    if (parent.isValid()) return;
    const QStringList more = batchFrom(count());
    if (more.isEmpty()) return;
    beginInsertRows({}, count(), count() + static_cast<int>(more.size()) - 1);
    texts_.append(more);
    endInsertRows();
    Q_EMIT countChanged();
}

} // namespace hall::ui
