#include "shared/technician/audit.h"

namespace hall::technician {

std::string_view auditActionName(AuditAction action) {
    switch (action) {
    case AuditAction::MenuOpened:
        return "menu_opened";
    case AuditAction::PinRejected:
        return "pin_rejected";
    case AuditAction::LockedOut:
        return "locked_out";
    case AuditAction::SettingChanged:
        return "setting_changed";
    case AuditAction::DeviceTested:
        return "device_tested";
    case AuditAction::LogExported:
        return "log_exported";
    case AuditAction::AppRestarted:
        return "app_restarted";
    case AuditAction::Enrolled:
        return "enrolled";
    }
    return "unknown";
}

} // namespace hall::technician
