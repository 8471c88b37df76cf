#pragma once
// What a scan produces. A scanned code is personal data: an appointment code leads to a booked
// person, an e-ID link is a person's credential. It is never logged or put into an error message;
// ScannedCode wipes its text when it is destroyed, and the driver wipes its own buffers.

#include <string>
#include <string_view>

namespace hall::drivers::scanner {

enum class CodeKind {
    Appointment, // our hall's booking code: HALL-APPT:<id> or a bare 12-digit booking number
    EIdLink,     // https link of an accepted electronic-ID / 电子证照 / health-code issuer
    Unknown,     // anything else (product barcodes, other sites' links, http:// links)
};

std::string_view codeKindName(CodeKind kind);

struct CodeClassification {
    CodeKind kind = CodeKind::Unknown;
    std::string bookingId; // Appointment: the booking id, letters upper-cased; else empty
    std::string
        issuerHost; // EIdLink: the link's host (lower case), one of the accepted; else empty

    CodeClassification() = default;
    CodeClassification(const CodeClassification&) = default;
    CodeClassification(CodeClassification&&) noexcept = default;
    CodeClassification& operator=(const CodeClassification&) = default;
    CodeClassification& operator=(CodeClassification&&) noexcept = default;
    ~CodeClassification();
};

struct ScannedCode {
    std::string payload; // the code's text (valid UTF-8), framing already removed
    CodeClassification classification;

    ScannedCode() = default;
    ScannedCode(const ScannedCode&) = default;
    ScannedCode(ScannedCode&&) noexcept = default;
    ScannedCode& operator=(const ScannedCode&) = default;
    ScannedCode& operator=(ScannedCode&&) noexcept = default;
    ~ScannedCode(); // wipes payload (a moved-from object's short-string buffer included)
};

} // namespace hall::drivers::scanner
