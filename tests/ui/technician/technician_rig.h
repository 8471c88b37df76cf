#pragma once
// A TechnicianSession for the QML tests: a fresh data directory with the PIN 472913 installed,
// a clock the test moves, and fakes that record what the menu asked of the app (audit entries,
// device tests, enrollment, restart).

#include "shared/ui/technician/technician_session.h"
#include "tests/support/temp_dir.h"

#include <QObject>
#include <QStringList>
#include <memory>

namespace hall::technician::testing {

class TechnicianRig : public QObject {
    Q_OBJECT
    Q_PROPERTY(hall::technician::ui::TechnicianSession* session READ session CONSTANT)
    Q_PROPERTY(QStringList auditActions READ auditActions NOTIFY audited)
    Q_PROPERTY(QStringList auditDetails READ auditDetails NOTIFY audited)
    Q_PROPERTY(int restarts READ restarts NOTIFY restarted)
    Q_PROPERTY(QString pin READ pin CONSTANT)
    Q_PROPERTY(QString exportDir READ exportDir CONSTANT)
    Q_PROPERTY(QString settingsText READ settingsText)

public:
    explicit TechnicianRig(QObject* parent = nullptr);
    ~TechnicianRig() override;

    ui::TechnicianSession* session() const { return session_; }
    QStringList auditActions() const { return actions_; }
    QStringList auditDetails() const { return details_; }
    int restarts() const { return restarts_; }
    QString pin() const { return QStringLiteral("472913"); }
    QString exportDir() const;
    QString settingsText() const;

    Q_INVOKABLE void advanceClock(int seconds);
    Q_INVOKABLE void damagePinFile();
    Q_INVOKABLE int exportedFolders() const;

Q_SIGNALS:
    void audited();
    void restarted();

private:
    struct Fakes;
    hall::testing::TempDir dir_;
    std::unique_ptr<Fakes> fakes_;
    ui::TechnicianSession* session_ = nullptr;
    QStringList actions_;
    QStringList details_;
    int restarts_ = 0;
};

} // namespace hall::technician::testing
