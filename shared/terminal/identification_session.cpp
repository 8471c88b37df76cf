#include "shared/terminal/identification_session.h"

#include "drivers/base/secure_wipe.h"

namespace hall::client {

// Each hold() first overwrites the record it replaces in place, then moves the new one in (the
// records' move constructors wipe their source), so no earlier person survives anywhere.
void IdentificationSession::hold(hall::drivers::idcard::IdCardRecord&& record) {
    wipeRecord();
    record_.emplace<1>(std::move(record));
}

void IdentificationSession::hold(hall::drivers::smartcard::SocialSecurityCardRecord&& record) {
    wipeRecord();
    record_.emplace<2>(std::move(record));
}

void IdentificationSession::hold(hall::drivers::scanner::ScannedCode&& code) {
    wipeRecord();
    record_.emplace<3>(std::move(code));
    // ScannedCode's defaulted move leaves the source's characters when they fit its small-string
    // buffer; its destructor wipes them, but the caller's object may live on.
    hall::drivers::secureWipe(code.payload);
    hall::drivers::secureWipe(code.classification.bookingId);
}

void IdentificationSession::wipe() noexcept {
    wipeRecord();
    record_.emplace<0>();
}

void IdentificationSession::wipeRecord() noexcept {
    if (auto* id = std::get_if<1>(&record_)) {
        id->wipe();
    } else if (auto* ss = std::get_if<2>(&record_)) {
        ss->wipe();
    } else if (auto* code = std::get_if<3>(&record_)) {
        hall::drivers::secureWipe(code->payload);
        hall::drivers::secureWipe(code->classification.bookingId);
    }
}

IdentificationSource IdentificationSession::source() const {
    switch (record_.index()) {
    case 2:
        return IdentificationSource::SocialSecurityCard;
    case 3:
        return IdentificationSource::QrCode;
    default:
        return IdentificationSource::IdCard;
    }
}

std::string_view IdentificationSession::idNumber() const {
    if (const auto* id = idCard()) return id->idNumber;
    if (const auto* ss = socialSecurityCard()) return ss->idNumber;
    return {};
}

} // namespace hall::client
