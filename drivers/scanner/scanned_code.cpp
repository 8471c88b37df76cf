#include "drivers/scanner/scanned_code.h"

#include "drivers/base/secure_wipe.h"

namespace hall::drivers::scanner {

std::string_view codeKindName(CodeKind kind) {
    switch (kind) {
    case CodeKind::Appointment:
        return "appointment";
    case CodeKind::EIdLink:
        return "eid_link";
    case CodeKind::Unknown:
        return "unknown";
    }
    return "unknown";
}

CodeClassification::~CodeClassification() {
    secureWipe(bookingId);
}

ScannedCode::~ScannedCode() {
    secureWipe(payload);
}

} // namespace hall::drivers::scanner
