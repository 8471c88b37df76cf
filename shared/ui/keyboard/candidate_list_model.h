#pragma once
// The candidate bar's model: the engine's candidates for the current composition, best first,
// loaded a screenful at a time (a one-letter composition has over a thousand; ListView asks for
// more through fetchMore() as the citizen scrolls).

#include <QAbstractListModel>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace hall::pinyin {
class Engine;
}

namespace hall::ui {

class CandidateListModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("PinyinInput.candidates provides it")
    Q_PROPERTY(int count READ count NOTIFY countChanged)

public:
    enum Role { TextRole = Qt::UserRole + 1 };
    static constexpr int kBatch = 30;

    explicit CandidateListModel(QObject* parent = nullptr);

    // The engine whose candidates are shown (owned by PinyinInput; null shows nothing).
    void setEngine(hall::pinyin::Engine* engine) { engine_ = engine; }
    // Reloads the first screenful after the composition changed.
    void refresh();

    int count() const { return static_cast<int>(texts_.size()); }
    Q_INVOKABLE QString textAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

Q_SIGNALS:
    void countChanged();

private:
    QStringList batchFrom(int first) const;

    hall::pinyin::Engine* engine_ = nullptr;
    QStringList texts_;
};

} // namespace hall::ui
