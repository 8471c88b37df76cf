#pragma once

#include "shared/ui/app/app_spec.h"

#include <QList>
#include <QSize>
#include <QString>

class QQmlEngine;

namespace hall::ui {

// --screenshot DIR: renders each screen at `size` in zh_CN and en, elder mode off and on, and
// saves DIR/<screen>_<language>.png and DIR/<screen>_<language>_elder.png (DIR is created).
// A screen that fails to load or reports a QML warning is named on stdout and makes the
// result 1; otherwise 0.
int saveScreenshots(QQmlEngine& engine, const QList<Screen>& screens, const QString& directory,
                    QSize size);

} // namespace hall::ui
