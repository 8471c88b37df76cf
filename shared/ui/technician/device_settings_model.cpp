#include "shared/ui/technician/device_settings_model.h"

#include "drivers/base/device_kinds.h"
#include "drivers/base/registry.h"
#include "shared/ui/technician/technician_session.h"

#include <QMetaObject>
#include <QVariantMap>

namespace hall::technician::ui {

namespace {

QString qs(std::string_view s) {
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

// A text of the kinds' table in the menu's languages, for QML to pick by LanguageSwitcher's.
QVariantMap inLanguages(std::string_view en, std::string_view zh) {
    return {{QStringLiteral("en"), qs(en)}, {QStringLiteral("zh_CN"), qs(zh)}};
}

std::vector<drivers::DeviceKind> everyKind() {
    std::vector<drivers::DeviceKind> kinds;
    for (const auto& row : drivers::deviceKinds())
        kinds.push_back(row.kind);
    return kinds;
}

std::optional<drivers::DeviceKind> kindOf(const QString& key) {
    const auto* row = drivers::findKind(key.toStdString());
    return row ? std::optional(row->kind) : std::nullopt;
}

} // namespace

DeviceSettingsModel::DeviceSettingsModel(TechnicianSession* session, SettingsStore& store,
                                         DeviceTestRunner* runner,
                                         std::vector<drivers::DeviceKind> kinds)
    : QAbstractListModel(session), session_(session), store_(store), runner_(runner),
      kinds_(kinds.empty() ? everyKind() : std::move(kinds)) {
    // One test at a time: two tests on one serial line would garble each other.
    pool_.setMaxThreadCount(1);
    reload();
}

DeviceSettingsModel::~DeviceSettingsModel() {
    // Tests hold `this`; the runner's own timeouts bound the wait.
    pool_.waitForDone();
}

int DeviceSettingsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(kinds_.size());
}

int DeviceSettingsModel::rowOf(drivers::DeviceKind kind) const {
    for (std::size_t i = 0; i < kinds_.size(); ++i)
        if (kinds_[i] == kind) return static_cast<int>(i);
    return -1;
}

QVariant DeviceSettingsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() < 0 || index.row() >= rowCount()) return {};
    const auto kind = kinds_[static_cast<std::size_t>(index.row())];
    const auto& row = drivers::kindRow(kind);
    const auto* device = settings_.device(kind);
    const auto test = tests_.find(kind);
    const TestState state = test == tests_.end() ? TestState{} : test->second;
    switch (role) {
    case KindKeyRole:
        return qs(row.key);
    case KindNameRole:
        return inLanguages(row.name, row.nameZh);
    case ConfiguredRole:
        return device != nullptr;
    case DriverRole:
        return device ? qs(device->driver) : QString();
    case DriverNameRole: {
        const auto* d = device ? drivers::findDescriptor(device->driver) : nullptr;
        return d ? qs(d->displayName) : QString();
    }
    case TransportRole:
        return device ? qs(transportKey(device->transport)) : QString();
    case AddressRole:
        return device ? qs(device->address) : QString();
    case BaudRole:
        return device && device->baud ? *device->baud : 0;
    case TestAvailableRole:
        return runner_ != nullptr && device != nullptr && row.test.has_value();
    case TestLabelRole: {
        if (!row.test) return QVariantMap{};
        const auto& button = drivers::testRow(*row.test);
        return inLanguages(button.label, button.labelZh);
    }
    case TestRunningRole:
        return state.running;
    case TestDoneRole:
        return state.done;
    case TestOkRole:
        return state.ok;
    case TestMessageRole:
        return state.message;
    default:
        return {};
    }
}

QHash<int, QByteArray> DeviceSettingsModel::roleNames() const {
    return {{KindKeyRole, "kindKey"},
            {KindNameRole, "kindName"},
            {ConfiguredRole, "configured"},
            {DriverRole, "driver"},
            {DriverNameRole, "driverName"},
            {TransportRole, "transport"},
            {AddressRole, "address"},
            {BaudRole, "baud"},
            {TestAvailableRole, "testAvailable"},
            {TestLabelRole, "testLabel"},
            {TestRunningRole, "testRunning"},
            {TestDoneRole, "testDone"},
            {TestOkRole, "testOk"},
            {TestMessageRole, "testMessage"}};
}

void DeviceSettingsModel::reload() {
    beginResetModel();
    try {
        settings_ = store_.current();
        loadError_.clear();
    } catch (const std::exception& e) {
        settings_ = {};
        loadError_ = QString::fromStdString(e.what());
    }
    endResetModel();
    Q_EMIT loadErrorChanged();
}

QVariantList DeviceSettingsModel::driversFor(const QString& key) const {
    QVariantList out;
    const auto* row = drivers::findKind(key.toStdString());
    if (!row) return out;
    for (const auto& d : drivers::allDescriptors()) {
        if (d.kind != row->kind) continue;
        QStringList transports, placeholders;
        for (auto t : d.transports) {
            const auto* transport = drivers::findTransport(*row, t);
            transports << qs(transportKey(t));
            placeholders << (transport ? qs(transport->placeholder) : QString());
        }
        out << QVariantMap{{"id", qs(d.id)},
                           {"name", qs(d.displayName)},
                           {"transports", transports},
                           {"placeholders", placeholders}};
    }
    return out;
}

QString DeviceSettingsModel::apply(const QString& key, const QString& driver,
                                   const QString& transport, const QString& address, int baud) {
    if (!session_->isOpen()) return tr("The technician menu is not open.");
    session_->touch();
    const auto kind = kindOf(key);
    if (!kind) return tr("Unknown device kind.");
    const auto parsedTransport = transportFromKey(transport.toStdString());
    if (!parsedTransport) return tr("Choose how the device is connected.");
    // The editor keeps the baud rate it was given whatever the transport; only a serial port
    // has one.
    const bool hasBaud = baud > 0 && *parsedTransport == drivers::Transport::Serial;
    DeviceSetting setting{*kind, driver.toStdString(), *parsedTransport,
                          address.trimmed().toStdString(),
                          hasBaud ? std::optional<int>(baud) : std::nullopt};
    try {
        session_->audit(AuditAction::SettingChanged, store_.setDevice(setting));
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    reload();
    return {};
}

QString DeviceSettingsModel::remove(const QString& key) {
    if (!session_->isOpen()) return tr("The technician menu is not open.");
    session_->touch();
    const auto kind = kindOf(key);
    if (!kind) return tr("Unknown device kind.");
    try {
        session_->audit(AuditAction::SettingChanged, store_.removeDevice(*kind));
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    reload();
    return {};
}

QString DeviceSettingsModel::runTest(const QString& key) {
    if (!session_->isOpen()) return tr("The technician menu is not open.");
    session_->touch();
    const auto kind = kindOf(key);
    if (!kind) return tr("Unknown device kind.");
    if (!runner_) return tr("This app cannot test devices.");
    const auto test = drivers::kindRow(*kind).test;
    if (!test) return tr("There is no test for this device.");
    const auto* device = settings_.device(*kind);
    if (!device) return tr("Configure the device first.");
    auto& state = tests_[*kind];
    if (state.running) return tr("The test is running.");
    state = TestState{true, false, false, tr("Testing…")};
    const auto row = index(rowOf(*kind));
    Q_EMIT dataChanged(row, row);

    pool_.start([this, kind = *kind, test = *test, setting = *device] {
        DeviceTestResult result;
        try {
            result = runner_->run(test, setting);
        } catch (const std::exception& e) {
            result = {false, e.what()};
        }
        QMetaObject::invokeMethod(
            this, [this, kind, result] { finishTest(kind, result); }, Qt::QueuedConnection);
    });
    return {};
}

void DeviceSettingsModel::finishTest(drivers::DeviceKind kind, const DeviceTestResult& result) {
    auto& state = tests_[kind];
    state = TestState{false, true, result.ok, QString::fromStdString(result.message)};
    const auto test = drivers::kindRow(kind).test;
    session_->audit(AuditAction::DeviceTested, std::string(kindKey(kind)) + " " +
                                                   std::string(test ? deviceTestName(*test) : "") +
                                                   ": " + (result.ok ? "ok" : "failed") + " (" +
                                                   result.message + ")");
    const auto row = index(rowOf(kind));
    Q_EMIT dataChanged(row, row);
    Q_EMIT testFinished(qs(kindKey(kind)), result.ok, state.message);
}

bool DeviceSettingsModel::waitForTests(int milliseconds) {
    return pool_.waitForDone(milliseconds);
}

} // namespace hall::technician::ui
