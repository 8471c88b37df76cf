#pragma once
// The person key of docs/protocol.md (`person_key` of issue_ticket): how the controller tells
// "the same person" apart (one ticket per person and service per day, appointment match)
// without ever receiving an ID number.
//
//   person_key = lowercase hex of HMAC-SHA256(key = the hall's person-key secret,
//                                             message = the ID number in normal form)
//
// Normal form: leading and trailing ASCII whitespace removed, ASCII letters upper-cased (a
// check character typed or stored as 'x' is the same 'X'), and then only ASCII letters and
// digits, 15 or 18 of them (citizen and residence-permit numbers have 18; the old numbers and
// the 2017 foreigner's card have 15). Anything else has no key. The same person therefore gets
// the same key from the ID card and from the social-security card (whose 社会保障号码 is the
// citizen ID number), on every terminal of the hall; another hall's secret gives other keys.
//
// The secret must be at least kMinPersonKeySecret bytes: ID numbers are guessable (region,
// birth date, sequence), so the secret is the only thing that stops a key being reversed.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace hall::client {

inline constexpr std::size_t kMinPersonKeySecret = 16;

// nullopt when the number has no normal form (see above). The result is personal data: wipe it.
std::optional<std::string> normaliseIdNumber(std::string_view idNumber);

// 64 lowercase hex digits; empty when the number has no normal form or the secret is shorter
// than kMinPersonKeySecret. Every intermediate copy of the number is wiped.
std::string personKey(std::string_view idNumber, std::span<const std::uint8_t> hallSecret);

} // namespace hall::client
