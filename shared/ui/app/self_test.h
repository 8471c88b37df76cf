#pragma once

#include "shared/ui/app/qml_files.h"

#include <QSize>
#include <vector>

class QQmlEngine;

namespace hall::ui {

// --self-test: instantiates every file in each language the app must speak (zh_CN, en) with
// elder mode off and on, renders it, flips elder mode on the live object and renders again,
// and counts every QML error and warning Qt reports meanwhile. Prints one FAIL line per file
// and variant with its messages, then a summary.
// Returns the process exit code: 0 when nothing was reported, 1 otherwise.
int runSelfTest(QQmlEngine& engine, const std::vector<QmlFile>& files, QSize windowSize);

} // namespace hall::ui
