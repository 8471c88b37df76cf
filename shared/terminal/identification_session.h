#pragma once
// The person a terminal is serving right now, as the driver delivered them: the full record,
// moved in, never copied. Qt-free; IdentificationService owns one and exposes only masked
// fields and the person key.
//
// At most one person at a time: hold() wipes the record it replaces, wipe() empties the
// session, and so does destruction. "Wiped" means the record's own buffers are overwritten
// (secure_wipe.h) while they still belong to it, then released.

#include "drivers/idcard/id_card_record.h"
#include "drivers/scanner/scanned_code.h"
#include "drivers/smartcard/sscard_record.h"
#include "shared/terminal/identification_source.h"

#include <string_view>
#include <variant>

namespace hall::client {

class IdentificationSession {
public:
    IdentificationSession() = default;
    ~IdentificationSession() { wipe(); }
    IdentificationSession(const IdentificationSession&) = delete;
    IdentificationSession& operator=(const IdentificationSession&) = delete;

    void hold(hall::drivers::idcard::IdCardRecord&& record);
    void hold(hall::drivers::smartcard::SocialSecurityCardRecord&& record);
    void hold(hall::drivers::scanner::ScannedCode&& code);
    void wipe() noexcept;

    bool empty() const { return std::holds_alternative<std::monostate>(record_); }
    IdentificationSource source() const; // meaningless when empty()

    // The record in place, or nullptr when the session holds another kind (or nobody). For C++
    // code that must use a field (a form to pre-fill): read it where it is; never copy it into a
    // QString, QVariant or log line.
    const hall::drivers::idcard::IdCardRecord* idCard() const { return std::get_if<1>(&record_); }
    const hall::drivers::smartcard::SocialSecurityCardRecord* socialSecurityCard() const {
        return std::get_if<2>(&record_);
    }
    const hall::drivers::scanner::ScannedCode* scannedCode() const {
        return std::get_if<3>(&record_);
    }

    // The holder's citizen ID number as the record stores it; empty for a scanned code.
    std::string_view idNumber() const;

private:
    void wipeRecord() noexcept;

    std::variant<std::monostate, hall::drivers::idcard::IdCardRecord,
                 hall::drivers::smartcard::SocialSecurityCardRecord,
                 hall::drivers::scanner::ScannedCode>
        record_;
};

} // namespace hall::client
