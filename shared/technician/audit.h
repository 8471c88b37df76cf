#pragma once
// What the technician menu reports to the controller. Every entry into the menu and every action
// taken in it becomes one `technician_audit` request {action, detail, at}; the app wires an
// AuditSink to the controller client's outbox, so entries made while offline are not lost.
// Details never carry the PIN, and never personal data (the menu handles none).

#include <chrono>
#include <string>
#include <string_view>

namespace hall::technician {

enum class AuditAction {
    MenuOpened,     // the right PIN opened the menu
    PinRejected,    // a wrong PIN (detail: attempts left)
    LockedOut,      // too many wrong PINs (detail: lock length)
    SettingChanged, // detail: which setting, old → new
    DeviceTested,   // detail: device kind, test, outcome
    LogExported,    // detail: destination, file count
    AppRestarted,   // the technician restarted the app
    Enrolled,       // the terminal was enrolled (detail: outcome, never the code)
};

// The protocol's action names (docs/protocol.md, `technician_audit`).
std::string_view auditActionName(AuditAction action);

struct AuditEntry {
    AuditAction action;
    std::string detail;
    std::chrono::system_clock::time_point at;
};

// Implemented by the app (queues a `technician_audit` request); tests use a recording sink.
// record() is called on the thread that owns the technician session (the UI thread) and must
// not block: queue the entry and return.
class AuditSink {
public:
    virtual ~AuditSink() = default;
    virtual void record(const AuditEntry& entry) = 0;
};

} // namespace hall::technician
