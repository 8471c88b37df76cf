#pragma once
// What the technician menu is given: TerminalApp (shared/ui/app/terminal_app.h) fills it for
// every terminal app — the PIN and settings files of the data directory, the audit through the
// outbox, enrollment through the controller client, the device tests on the app's drivers —
// and QML reaches the session as `Terminal.technician`:
//
//   TechnicianOverlay { anchors.fill: parent; session: Terminal.technician }
//
// The pointers are not owned and must outlive the session.

#include "shared/technician/audit.h"
#include "shared/technician/clock.h"
#include "shared/technician/device_test_runner.h"
#include "shared/technician/enrollment.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <vector>

namespace hall::technician::ui {

struct TechnicianConfig {
    std::filesystem::path pinFile;
    std::filesystem::path settingsFile;
    std::filesystem::path logDirectory; // empty: the app keeps no log files (journald only)
    AuditSink* audit = nullptr;         // required
    Enrollment* enrollment = nullptr;   // null: the enroll button says enrollment is unavailable
    DeviceTestRunner* deviceTests = nullptr; // null: test buttons say tests are unavailable
    // The device kinds this app drives, in the order the menu lists them; empty: every kind.
    std::vector<drivers::DeviceKind> deviceKinds;
    Clock clock = systemClock();
    // The menu closes after this long without a touch.
    std::chrono::milliseconds idleTimeout = std::chrono::minutes(2);
    // "Restart app". Empty: start this program again with its own arguments
    // (QProcess::startDetached) and quit. Under systemd an app may instead pass a function that
    // exits with the code its unit restarts on (Restart=on-failure / RestartForceExitStatus=).
    std::function<void()> restart;
};

} // namespace hall::technician::ui
