#include "shared/ui/app/warning_log.h"

#include <QMutexLocker>
#include <cstdio>

namespace hall::ui {

namespace {
// The log being filled; messages may come from any thread, hence the mutex.
QBasicMutex activeMutex;
WarningLog* active = nullptr;
} // namespace

WarningLog::WarningLog() {
    QMutexLocker lock(&activeMutex);
    previous_ = qInstallMessageHandler(&WarningLog::handle);
    active = this;
}

WarningLog::~WarningLog() {
    QMutexLocker lock(&activeMutex);
    active = nullptr;
    qInstallMessageHandler(previous_);
}

void WarningLog::handle(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    QtMessageHandler forward = nullptr;
    {
        QMutexLocker lock(&activeMutex);
        if (active != nullptr) {
            if (type == QtWarningMsg || type == QtCriticalMsg || type == QtFatalMsg)
                active->messages_.append(message);
            forward = active->previous_;
        }
    }
    if (forward != nullptr) {
        forward(type, context, message);
        return;
    }
    // Qt reported no previous handler: print the way its default handler does.
    std::fprintf(stderr, "%s\n", qUtf8Printable(qFormatLogMessage(type, context, message)));
}

} // namespace hall::ui
