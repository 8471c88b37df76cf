#pragma once
// What a scanned code is, decided from its text alone (no network, no lookup). The formats:
//
// Appointment code — our hall's online booking system prints one of two forms:
//   HALL-APPT:<id>   the booking's QR, by the rule of drivers/scanner/booking_code.h.
//   <12 digits>      a bare booking number, as printed under the booking's barcode; its last
//                    digit is a Luhn check digit over the first eleven, so a misread digit or a
//                    random 12-digit product barcode is (in 9 cases out of 10) not taken for one.
//
// e-ID link — an electronic ID, 电子证照 or health-code QR carries an https URL of the issuer's
// verification service. It is an e-ID link only when ALL of these hold:
//   - scheme https (an http:// link can be rewritten in transit: never trusted);
//   - no user-info ("https://trusted.example@evil.example/" names the host evil.example), no
//     backslash, no whitespace or control character, ASCII only;
//   - port absent or 443;
//   - host in ClassifierSettings::eIdHosts: an entry "eid.example.gov.cn" matches that host
//     exactly, "*.example.gov.cn" any host below example.gov.cn (not example.gov.cn itself).
// The list is configured per hall; empty (the default) accepts no issuer at all.
//
// Everything else is Unknown. Leading and trailing ASCII whitespace (a stray CR/LF from a
// scanner whose terminator is set differently) is ignored for classification only.

#include "drivers/scanner/booking_code.h"
#include "drivers/scanner/scanned_code.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hall::drivers::scanner {

inline constexpr std::size_t kBookingNumberDigits = 12;

struct ClassifierSettings {
    std::vector<std::string> eIdHosts; // lower-case host names, or "*." + host for subdomains
};

// nullopt when usable; otherwise what is wrong with which entry (for the technician).
std::optional<std::string> checkClassifierSettings(const ClassifierSettings& settings);

CodeClassification classifyPayload(std::string_view payload, const ClassifierSettings& settings);

// The Luhn check (ISO/IEC 7812-1 annex B) over a string of ASCII digits, check digit last.
bool luhnValid(std::string_view digits);

} // namespace hall::drivers::scanner
