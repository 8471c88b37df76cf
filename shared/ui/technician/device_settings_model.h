#pragma once
// The "attached devices" page: one row per device kind the app drives, with its configured
// driver (from the terminal settings file) and the test the technician can run on it. Changes
// go through SettingsStore (validated against the hardware table, file unchanged on error) and
// are audited; tests run on the model's own worker thread, never on the UI thread. What a kind
// shows (names, test button, example addresses) comes from its row in the kinds' table
// (drivers/base/device_kinds.h): kindName and testLabel are {"en", "zh_CN"} maps.

#include "shared/technician/device_test_runner.h"
#include "shared/technician/settings_file.h"

#include <QAbstractListModel>
#include <QThreadPool>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>
#include <map>

namespace hall::technician::ui {

class TechnicianSession;

class DeviceSettingsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by TechnicianSession")
    Q_PROPERTY(QString loadError READ loadError NOTIFY loadErrorChanged)

public:
    enum Role {
        KindKeyRole = Qt::UserRole + 1,
        KindNameRole,
        ConfiguredRole,
        DriverRole,
        DriverNameRole,
        TransportRole,
        AddressRole,
        BaudRole,
        TestAvailableRole,
        TestLabelRole,
        TestRunningRole,
        TestDoneRole,
        TestOkRole,
        TestMessageRole,
    };

    DeviceSettingsModel(TechnicianSession* session, SettingsStore& store, DeviceTestRunner* runner,
                        std::vector<drivers::DeviceKind> kinds = {});
    ~DeviceSettingsModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString loadError() const { return loadError_; }

    // Drivers in the hardware table for a kind: [{id, name, transports: ["serial", …],
    // placeholders: [an example address per transport]}].
    Q_INVOKABLE QVariantList driversFor(const QString& kindKey) const;
    // "" on success, else why not (the settings file is then unchanged). baud 0 = none.
    Q_INVOKABLE QString apply(const QString& kindKey, const QString& driver,
                              const QString& transport, const QString& address, int baud);
    Q_INVOKABLE QString remove(const QString& kindKey);
    // Starts the kind's test; the row's test roles show progress and the result.
    Q_INVOKABLE QString runTest(const QString& kindKey);
    Q_INVOKABLE void reload();
    // Waits for running tests (used by tests and on shutdown).
    Q_INVOKABLE bool waitForTests(int milliseconds);

Q_SIGNALS:
    void loadErrorChanged();
    void testFinished(const QString& kindKey, bool ok, const QString& message);

private:
    struct TestState {
        bool running = false;
        bool done = false;
        bool ok = false;
        QString message;
    };
    int rowOf(drivers::DeviceKind kind) const;
    void finishTest(drivers::DeviceKind kind, const DeviceTestResult& result);

    TechnicianSession* session_;
    SettingsStore& store_;
    DeviceTestRunner* runner_;
    std::vector<drivers::DeviceKind> kinds_;
    TerminalSettings settings_;
    QString loadError_;
    std::map<drivers::DeviceKind, TestState> tests_;
    QThreadPool pool_;
};

} // namespace hall::technician::ui
