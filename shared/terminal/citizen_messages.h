#pragma once
// What the citizen reads when an identification fails: one short zh-CN instruction per failure,
// chosen by the source and the driver's stable error code. The driver's own message (English,
// for the technician, naming ports and status words) is kept apart and never shown to citizens.
//
// Codes that no row names get the source's general instruction, so a new driver code is never
// shown raw. Besides the drivers' codes, the service itself reports "unrecognised_code"
// (qr_code): a code that is neither an appointment code nor a link of an accepted e-ID issuer.

#include "shared/terminal/identification_source.h"

#include <string_view>

namespace hall::client {

inline constexpr std::string_view kUnrecognisedCode = "unrecognised_code";

// UTF-8.
std::string_view citizenMessage(IdentificationSource source, std::string_view code);

} // namespace hall::client
