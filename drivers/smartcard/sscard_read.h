#pragma once
// Runs a profile's APDU sequence over a connected card and decodes the answer into a record
// (the sequence and the record layout are described in sscard_profile.h).
//
// Failures are DeviceFailure with a Retry error, because the reader is fine and the citizen
// can try again: "not_social_security_card" (the application or a file cannot be selected),
// "record_unreadable" (a READ RECORD is refused; the status word is in the message),
// "bad_record" (a record that does not have the announced shape or a field that does not
// decode), "card_protocol_error" (a malformed or looping answer). Transport failures from the
// card pass through with their own category. Messages name files, records and status words,
// never the data.

#include "drivers/smartcard/apdu.h"
#include "drivers/smartcard/sscard_profile.h"
#include "drivers/smartcard/sscard_record.h"

namespace hall::drivers::smartcard {

SocialSecurityCardRecord readSocialSecurityCard(ApduTransport& card, const SsCardProfile& profile);

// What a status word means, for messages ("6A82 file not found").
std::string statusText(std::uint16_t sw);

} // namespace hall::drivers::smartcard
