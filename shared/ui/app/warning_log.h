#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

namespace hall::ui {

// Collects every warning, critical and fatal message Qt prints (QML errors and warnings arrive
// this way: binding errors, ReferenceErrors, console.warn/error) while it is alive, and still
// passes each message on to the previous handler so it is printed as usual.
// One at a time: a message handler is process-wide.
class WarningLog {
public:
    WarningLog();
    ~WarningLog();
    WarningLog(const WarningLog&) = delete;
    WarningLog& operator=(const WarningLog&) = delete;

    int count() const { return static_cast<int>(messages_.size()); }
    // The messages since `from` (a previous count()).
    QStringList since(int from) const { return messages_.mid(from); }

private:
    static void handle(QtMsgType type, const QMessageLogContext& context, const QString& message);

    QStringList messages_;
    QtMessageHandler previous_;
};

} // namespace hall::ui
